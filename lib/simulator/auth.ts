// Bearer check for data calls (reference §3.6: 401 `unauthorized` for a missing token or a wrong
// header name, `token_expired`, `invalid_token`).
import { HotmartError } from './errors';
import type { ParsedRequest } from './http-request';
import type { TokenStore } from './tokens';

/** Returns the client id of the caller's token. */
export function authenticate(request: ParsedRequest, tokens: TokenStore, now: number): string {
  const header = request.headers.get('authorization');
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null || match[1] === undefined) {
    throw new HotmartError(
      401,
      'unauthorized',
      'Full authentication is required to access this resource: send Authorization: Bearer <access_token>.',
    );
  }
  return tokens.verify(match[1], now);
}

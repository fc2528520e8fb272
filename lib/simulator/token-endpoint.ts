// `POST https://api-sec-vlc.hotmart.com/security/oauth/token` exactly as documented (reference
// §1.2): grant type and client id/secret in the query, `Authorization: Basic <base64>`, no body.
// Hotmart documents no failure example; the simulator answers like the Spring Security OAuth2
// server behind it would: 400 for a malformed grant request, 401 `unauthorized` / "Bad
// credentials" for wrong credentials (reference §1.4).
import { timingSafeEqual } from 'node:crypto';
import { HotmartError } from './errors';
import type { ParsedRequest } from './http-request';
import { jsonResponse } from './responses';
import type { TokenStore } from './tokens';
import type { SimulatorCredentials, SimulatorResponse } from './types';

export const TOKEN_PATH = '/security/oauth/token';

function badCredentials(): HotmartError {
  return new HotmartError(401, 'unauthorized', 'Bad credentials');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Decodes `Basic <base64(id:secret)>`; undefined when the header is absent or malformed. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match === null || match[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * The grant's parameters: the query string (Hotmart's documented form), or an
 * `application/x-www-form-urlencoded` body, the variant community clients use (hotmart-api.md
 * §1.2). The query wins when it names the grant.
 */
function tokenParams(request: ParsedRequest): URLSearchParams {
  if (request.query.has('grant_type')) return request.query;
  const type = request.headers.get('content-type') ?? '';
  if (
    request.body !== undefined &&
    type.toLowerCase().startsWith('application/x-www-form-urlencoded')
  ) {
    return new URLSearchParams(request.body);
  }
  return request.query;
}

export function handleTokenRequest(
  request: ParsedRequest,
  credentials: SimulatorCredentials,
  tokens: TokenStore,
  now: number,
): SimulatorResponse {
  const params = tokenParams(request);
  const grantType = params.get('grant_type');
  if (grantType === null || grantType === '') {
    throw new HotmartError(400, 'invalid_request', 'Missing grant type');
  }
  if (grantType !== 'client_credentials') {
    throw new HotmartError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
  }
  const basic = basicCredentials(request.headers.get('authorization'));
  if (basic === undefined) {
    throw new HotmartError(
      401,
      'unauthorized',
      'Full authentication is required to access this resource: send Authorization: Basic <basic token>.',
    );
  }
  // The Basic header identifies the client; client_id and client_secret, when sent too (the
  // documented form), must agree with it. Community clients that send only the header work.
  const clientId = params.get('client_id');
  const clientSecret = params.get('client_secret');
  const valid =
    sameSecret(basic.id, credentials.clientId) &&
    sameSecret(basic.secret, credentials.clientSecret) &&
    (clientId === null || sameSecret(clientId, credentials.clientId)) &&
    (clientSecret === null || sameSecret(clientSecret, credentials.clientSecret));
  if (!valid) throw badCredentials();
  const token = tokens.issue(credentials.clientId, now);
  return jsonResponse(200, {
    access_token: token.accessToken,
    token_type: 'bearer',
    expires_in: token.expiresInSeconds,
    scope: 'read write',
    jti: token.jti,
  });
}

// Access tokens: opaque strings (Hotmart's are compressed blobs, reference §1.3) that expire after
// the configured lifetime. Data calls check them here.
import { createHash, createHmac } from 'node:crypto';
import { HotmartError } from './errors';

interface IssuedToken {
  accessToken: string;
  jti: string;
  expiresInSeconds: number;
}

export interface TokenStore {
  issue(clientId: string, now: number): IssuedToken;
  /** The client id the token belongs to, or a 401 in Hotmart's shape. */
  verify(accessToken: string, now: number): string;
}

function formatUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function createTokenStore(seed: number, ttlSeconds: number): TokenStore {
  const secret = createHash('sha256').update(`hotmart-simulator/access-token/${seed}`).digest();
  const issued = new Map<string, { clientId: string; expiresAt: number }>();
  let serial = 0;
  return {
    issue(clientId, now) {
      serial += 1;
      const digest = createHmac('sha256', secret).update(`${clientId}\n${serial}`).digest();
      // Hotmart's tokens start like a gzip stream in base64; the look helps spot a token in logs.
      const accessToken = `H4sIAAAAAAAAA${digest.toString('base64url')}`;
      issued.set(accessToken, { clientId, expiresAt: now + ttlSeconds * 1000 });
      return {
        accessToken,
        jti: formatUuid(createHash('sha256').update(digest).digest('hex')),
        expiresInSeconds: ttlSeconds,
      };
    },
    verify(accessToken, now) {
      const entry = issued.get(accessToken);
      if (entry === undefined) {
        throw new HotmartError(401, 'invalid_token', 'The access token is invalid.');
      }
      if (now >= entry.expiresAt) {
        throw new HotmartError(401, 'token_expired', 'The access token has expired.');
      }
      return entry.clientId;
    },
  };
}

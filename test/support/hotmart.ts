// Fake Hotmart credentials and nock helpers for the replay tests. Every value here is an obvious
// fake; the secret-leak check (secrets.ts) looks for exactly these strings.
import nock from 'nock';
import { fixture } from './fixtures';

export const TOKEN_ORIGIN = 'https://api-sec-vlc.hotmart.com';
export const TOKEN_PATH = '/security/oauth/token';
const DATA_ORIGIN = {
  production: 'https://developers.hotmart.com',
  sandbox: 'https://sandbox.hotmart.com',
} as const;
export type Environment = keyof typeof DATA_ORIGIN;

const CLIENT_ID = 'test-client-id-0001';
const CLIENT_SECRET = 'test-client-secret-XYZ';
/** What Hotmart shows as "Basic": base64("<client id>:<client secret>"). */
export const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

/** Connection parameters as a user fills them in (the Basic token pasted with its prefix). */
export const CREDENTIALS = {
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  basicToken: `Basic ${BASIC}`,
};

interface TokenBody {
  access_token: string;
  expires_in: number;
}

export const FIRST_TOKEN = fixture<TokenBody>('token');
export const RENEWED_TOKEN = fixture<TokenBody>('token-refreshed');

/** One request as the mock saw it. */
interface SeenRequest {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The body; nock parses a JSON body first, so this is its re-serialised form ('' for none). */
  body: string;
}

/** Requests seen by the interceptors created through `capture`, in order. */
export type Seen = SeenRequest[];

/**
 * A nock reply that records the request and answers `status` with `body` (an object is sent as
 * JSON, a string as is) plus `headers`.
 */
export function capture(
  seen: Seen,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): (this: nock.ReplyFnContext, uri: string, requestBody: nock.Body) => nock.ReplyFnResult {
  return function reply(this: nock.ReplyFnContext, uri: string, requestBody: nock.Body) {
    seen.push({
      method: this.req.method,
      path: uri,
      headers: { ...this.req.headers },
      body: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody),
    });
    const payload =
      body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const contentType =
      typeof body === 'string' || body === undefined
        ? {}
        : { 'Content-Type': 'application/json;charset=UTF-8' };
    return [status, payload, { ...contentType, ...headers }];
  };
}

/** The token request exactly as Hotmart documents it (query, Basic header, no body). */
export function tokenRequest(
  seen: Seen,
  answer: { status?: number; body?: unknown } = {},
): nock.Scope {
  return nock(TOKEN_ORIGIN)
    .post(TOKEN_PATH)
    .query({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET })
    .matchHeader('authorization', `Basic ${BASIC}`)
    .reply(capture(seen, answer.status ?? 200, answer.body ?? FIRST_TOKEN));
}

/** The connection test call (`info`) on the environment's data host. */
export function infoRequest(
  seen: Seen,
  environment: Environment = 'production',
  answer: { status?: number; body?: unknown } = {},
): nock.Scope {
  return nock(DATA_ORIGIN[environment])
    .get('/payments/api/v1/subscriptions')
    .query({ max_results: '1' })
    .matchHeader('authorization', `Bearer ${FIRST_TOKEN.access_token}`)
    .reply(capture(seen, answer.status ?? 200, answer.body ?? fixture('subscriptions-empty')));
}

/** The data host of `environment`, accepting only the bearer `token`. */
export function hotmartApi(
  environment: Environment = 'production',
  token: string = FIRST_TOKEN.access_token,
): nock.Scope {
  return nock(DATA_ORIGIN[environment]).matchHeader('authorization', `Bearer ${token}`);
}

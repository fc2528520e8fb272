import nock from 'nock';
import { createConnection, REDACTED, RunLog } from '../../lib/runtime';
import type { OAuthCommunication } from '../../lib/types';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, NOW, type BuiltApp } from '../support/harness';
import {
  BASIC,
  capture,
  CREDENTIALS,
  FIRST_TOKEN,
  infoRequest,
  TOKEN_ORIGIN,
  TOKEN_PATH,
  tokenRequest,
  type Seen,
} from '../support/hotmart';
import { errorSurface, leakedSecrets } from '../support/secrets';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

/** The compiled OAuth steps of the `hotmart` connection (what the runtime executes). */
function steps(): OAuthCommunication {
  const spec = built.runtime.definition.connections.find(
    (connection) => connection.name === 'hotmart',
  );
  if (spec?.type !== 'oauth') throw new Error('the hotmart connection must be of type oauth');
  return spec.communication;
}

function create(parameters: Record<string, unknown>) {
  return createConnection(built.runtime, 'hotmart', parameters, { now: () => NOW });
}

async function createFailing(parameters: Record<string, unknown>) {
  try {
    await create(parameters);
  } catch (error) {
    expect(leakedSecrets(...errorSurface(error))).toEqual([]);
    return error as Error & { type: string; code: string; parameter?: string };
  }
  throw new Error('the connection was created, but the test expected an error');
}

describe('hotmart connection', () => {
  test('requests a token exactly as Hotmart documents it, then checks it on the data host', async () => {
    const seen: Seen = [];
    const token = tokenRequest(seen);
    const info = infoRequest(seen);

    const connection = await create({ ...CREDENTIALS, environment: 'production' });

    token.done();
    info.done();
    expect(seen).toEqual([
      {
        method: 'POST',
        path: `${TOKEN_PATH}?grant_type=client_credentials&client_id=test-client-id-0001&client_secret=test-client-secret-XYZ`,
        headers: {
          authorization: `Basic ${BASIC}`,
          'content-type': 'application/json',
          host: 'api-sec-vlc.hotmart.com',
        },
        body: '',
      },
      {
        method: 'GET',
        path: '/payments/api/v1/subscriptions?max_results=1',
        headers: {
          authorization: 'Bearer test-access-token-FIRST-0001',
          'content-type': 'application/json',
          host: 'developers.hotmart.com',
        },
        body: '',
      },
    ]);
    // The token and its expiry (now + expires_in), nothing else.
    expect(connection.data).toEqual({
      accessToken: FIRST_TOKEN.access_token,
      expires: new Date(NOW.getTime() + FIRST_TOKEN.expires_in * 1000).toISOString(),
    });
  });

  test.each([
    ['with the Basic prefix', `Basic ${BASIC}`],
    ['without the prefix', BASIC],
    ['with a lower-case prefix', `basic ${BASIC}`],
    ['with stray spaces', `  Basic   ${BASIC}  `],
  ])('accepts the Basic token %s', async (_name, basicToken) => {
    const seen: Seen = [];
    const token = tokenRequest(seen);
    const info = infoRequest(seen);
    await create({ ...CREDENTIALS, basicToken, environment: 'production' });
    token.done();
    info.done();
    expect(seen[0]?.headers.authorization).toBe(`Basic ${BASIC}`);
  });

  test('Sandbox: the same token host, the sandbox data host', async () => {
    const seen: Seen = [];
    const token = tokenRequest(seen);
    const info = infoRequest(seen, 'sandbox');
    const connection = await create({ ...CREDENTIALS, environment: 'sandbox' });
    token.done();
    info.done();
    expect(seen.map((request) => request.headers.host)).toEqual([
      'api-sec-vlc.hotmart.com',
      'sandbox.hotmart.com',
    ]);
    expect(connection.parameters.environment).toBe('sandbox');
  });

  test('the environment defaults to Production', async () => {
    const seen: Seen = [];
    const token = tokenRequest(seen);
    const info = infoRequest(seen, 'production');
    const connection = await create({ ...CREDENTIALS });
    token.done();
    info.done();
    expect(connection.parameters.environment).toBe('production');
  });

  describe('wrong credentials', () => {
    test.each([
      [
        401,
        { error: 'unauthorized', error_description: 'Bad credentials' },
        'Bad credentials (unauthorized)',
      ],
      [
        400,
        { error: 'invalid_client', error_description: 'Invalid client' },
        'Invalid client (invalid_client)',
      ],
      [403, { message: 'Access denied' }, 'Access denied'],
      [401, '', 'Hotmart gave no error description'],
    ])('token %i → a clear InvalidConfigurationError', async (status, body, detail) => {
      const seen: Seen = [];
      const token = nock(TOKEN_ORIGIN)
        .post(TOKEN_PATH)
        .query(true)
        .reply(capture(seen, status, body));
      const error = await createFailing({ ...CREDENTIALS, environment: 'production' });
      token.done();
      expect(seen).toHaveLength(1);
      expect({ type: error.type, message: error.message }).toEqual({
        type: 'InvalidConfigurationError',
        message: `[${status}] Hotmart refused the credentials: ${detail}. Check the Client ID, Client Secret and Basic Token you copied from Hotmart (Tools → Developer Credentials), and that the Environment matches the type of the credential (Production or Sandbox).`,
      });
    });

    test('the fixture body of a refused token request', async () => {
      const seen: Seen = [];
      const token = tokenRequest(seen, { status: 401, body: fixture('token-error-401') });
      const error = await createFailing({ ...CREDENTIALS, environment: 'production' });
      token.done();
      expect(error.message).toMatch(
        /^\[401\] Hotmart refused the credentials: Bad credentials \(unauthorized\)\. Check /,
      );
    });

    test('a credential of the other environment: the token works, the data host refuses it', async () => {
      const seen: Seen = [];
      const token = tokenRequest(seen);
      const info = infoRequest(seen, 'sandbox', {
        status: 401,
        body: { error: 'invalid_token', error_description: 'Invalid access token' },
      });
      const error = await createFailing({ ...CREDENTIALS, environment: 'sandbox' });
      token.done();
      info.done();
      expect({ type: error.type, message: error.message }).toEqual({
        type: 'InvalidConfigurationError',
        message:
          '[401] Hotmart refused the access token on the sandbox API: Invalid access token (invalid_token). Check the Client ID, Client Secret and Basic Token you copied from Hotmart (Tools → Developer Credentials), and that the Environment matches the type of the credential (Production or Sandbox).',
      });
    });

    test('Hotmart down while connecting is a ConnectionError, not a credentials problem', async () => {
      const seen: Seen = [];
      const token = tokenRequest(seen, { status: 503, body: fixture('error-503') });
      const error = await createFailing({ ...CREDENTIALS, environment: 'production' });
      token.done();
      expect({ type: error.type, message: error.message }).toEqual({
        type: 'ConnectionError',
        message:
          "[503] Hotmart's authentication service is unavailable: The API is temporarily unavailable (internal_server_error). Try again later.",
      });
    });
  });

  describe('the rate limit while connecting', () => {
    // Token and check calls count against Hotmart's 500-calls-per-minute quota too: a 429 there
    // is not a credentials problem, and Make should back off rather than ask the user to re-check.
    test('a 429 from the token endpoint is a RateLimitError', async () => {
      const seen: Seen = [];
      const token = tokenRequest(seen, { status: 429, body: fixture('error-429') });
      const error = await createFailing({ ...CREDENTIALS, environment: 'production' });
      token.done();
      expect({ type: error.type, message: error.message }).toEqual({
        type: 'RateLimitError',
        message:
          "[429] Hotmart's rate limit was reached while connecting: Too many requests. Rate limit exceeded (too_many_requests). Hotmart allows 500 calls per minute; try again in a minute.",
      });
    });

    test('a 429 from the check call is a RateLimitError', async () => {
      const seen: Seen = [];
      const token = tokenRequest(seen);
      const info = infoRequest(seen, 'production', { status: 429, body: fixture('error-429') });
      const error = await createFailing({ ...CREDENTIALS, environment: 'production' });
      token.done();
      info.done();
      expect(error.type).toBe('RateLimitError');
      expect(error.message).toMatch(/^\[429\] Hotmart's rate limit was reached while connecting/);
    });
  });

  describe('parameters are checked before any request', () => {
    test.each([
      {
        name: 'empty Client Secret',
        parameters: { ...CREDENTIALS, clientSecret: '' },
        parameter: 'clientSecret',
        code: 'PARAMETER_REQUIRED',
      },
      {
        name: 'no Basic Token',
        parameters: { clientId: CREDENTIALS.clientId, clientSecret: CREDENTIALS.clientSecret },
        parameter: 'basicToken',
        code: 'PARAMETER_REQUIRED',
      },
      {
        name: 'unknown environment',
        parameters: { ...CREDENTIALS, environment: 'staging' },
        parameter: 'environment',
        code: 'PARAMETER_INVALID',
      },
    ])('$name', async ({ parameters, parameter, code }) => {
      const error = await createFailing(parameters);
      expect({ type: error.type, code: error.code, parameter: error.parameter }).toEqual({
        type: 'DataError',
        code,
        parameter,
      });
    });
  });

  test('the connection log masks every secret at the place it travels', async () => {
    const seen: Seen = [];
    const token = tokenRequest(seen);
    const info = infoRequest(seen);
    const connection = await create({ ...CREDENTIALS, environment: 'production' });
    token.done();
    info.done();
    const [tokenEntry, infoEntry] = connection.log.requests;
    expect(tokenEntry?.request.qs.client_secret).toBe(REDACTED);
    // Every connection credential is a secret in logs, the Client ID included.
    expect(tokenEntry?.request.qs.client_id).toBe(REDACTED);
    expect(JSON.stringify(connection.log)).not.toContain(CREDENTIALS.clientId);
    expect(tokenEntry?.request.headers.Authorization).toBe(REDACTED);
    expect((tokenEntry?.response?.body as Record<string, unknown>).access_token).toBe(REDACTED);
    expect(infoEntry?.request.headers.Authorization).toBe(REDACTED);
    expect(leakedSecrets(connection.log)).toEqual([]);
  });

  test('log.sanitize of every step names each secret the step carries', () => {
    const { token, info, refresh } = steps();
    const secrets = [
      'request.headers.authorization',
      'request.qs.client_secret',
      'response.body.access_token',
    ];
    expect(token?.log?.sanitize).toEqual(expect.arrayContaining(secrets));
    expect(refresh?.log?.sanitize).toEqual(expect.arrayContaining(secrets));
    expect(info?.log?.sanitize).toEqual(['request.headers.authorization']);
    expect(built.runtime.definition.base.log?.sanitize).toEqual(['request.headers.authorization']);
  });

  test('refresh runs the same documented token request when less than 15 minutes are left', () => {
    const { token, refresh } = steps();
    if (token === undefined || refresh === undefined)
      throw new Error('token and refresh are both required');
    expect(token.condition).toBe(true);
    expect(refresh.condition).toBe('{{data.expires < addMinutes(now, 15)}}');
    expect({ ...refresh, condition: undefined, qs: undefined, headers: undefined }).toEqual({
      ...token,
      condition: undefined,
      qs: undefined,
      headers: undefined,
    });
    expect(JSON.stringify(refresh.qs)).toBe(
      JSON.stringify(token.qs).replace(/parameters\./g, 'connection.'),
    );
    expect(JSON.stringify(refresh.headers)).toBe(
      JSON.stringify(token.headers).replace(/parameters\./g, 'connection.'),
    );
  });

  test.each([
    ['without expires_in', { access_token: 'test-access-token-NOEXP-0001', token_type: 'bearer' }],
    [
      'with a non-numeric expires_in',
      { access_token: 'test-access-token-NOEXP-0001', expires_in: 'soon' },
    ],
  ])('a token %s is kept with no known expiry; a 401 renews it', async (_label, body) => {
    const seen: Seen = [];
    const token = tokenRequest(seen, { body });
    const info = nock('https://developers.hotmart.com')
      .get('/payments/api/v1/subscriptions')
      .query({ max_results: '1' })
      .reply(200, fixture('subscriptions-empty'));
    const connection = await create({ ...CREDENTIALS, environment: 'production' });
    token.done();
    info.done();
    expect(connection.data).toEqual({ accessToken: 'test-access-token-NOEXP-0001' });
    // Never renewed ahead of time: the refresh condition does not hold without an expiry (an
    // unmocked request would fail the test), and the run goes on with the token.
    const log = new RunLog();
    const clock = connection.evalClock(() => new Date(NOW.getTime() + 30 * 86_400_000));
    await connection.ensureFresh(log, clock);
    expect(log.entries).toEqual([]);
    // What the runtime does on a 401: the refresh request, then the new token.
    const renewed = tokenRequest([], {
      body: { ...body, access_token: 'test-access-token-NEW-0002' },
    });
    await connection.refresh(log, clock);
    renewed.done();
    expect(connection.data).toEqual({ accessToken: 'test-access-token-NEW-0002' });
  });
});

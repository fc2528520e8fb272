// Conformance rows C1-C13 (lib/runtime/README.md): the connection lifecycle, with a fake clock
// and the number of token requests asserted.
import nock from 'nock';
import type { Connection, RuntimeApp } from '../../lib/runtime';
import type { App, ModuleSpec } from '../../lib/types';
import {
  ACME_PARAMETERS,
  API,
  AUTH,
  CREDENTIALS,
  TOKEN_BODY,
  apiKeyConnection,
  bearerBase,
  oauthWith,
  testApp,
  testModule,
  tokenReply,
} from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { connect, failure, load, run } from './helpers/runtime';

installLeakCheck();

/** A clock the test moves by hand. */
function fakeClock(start: string): { now: () => Date; advance(seconds: number): void } {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advance(seconds) {
      at += seconds * 1000;
    },
  };
}

const pingModule = testModule({
  name: 'ping',
  type: 'action',
  communication: { url: '/v1/ping', response: { output: '{{body}}' } },
});

/** Token endpoint answering tokens 1, 2, 3, ... and counting its calls. */
function tokenEndpoint(
  times: number,
  expiresIn = 3600,
): { scope: nock.Scope; calls: () => number } {
  let calls = 0;
  const scope = nock(AUTH)
    .post('/oauth/token', TOKEN_BODY)
    .times(times)
    .reply(200, () => {
      calls += 1;
      return tokenReply(calls, expiresIn);
    });
  return { scope, calls: () => calls };
}

const bearer = (n: number): string => `Bearer ${CREDENTIALS.token(n)}`;

/** C5 and C6: the `acmeKey` connection's API key goes in a base header, redacted in the log. */
function apiKeyApp(modules: ModuleSpec[]): App {
  return testApp({
    base: {
      baseUrl: API,
      headers: { 'X-Api-Key': '{{connection.apiKey}}' },
      log: { sanitize: ['request.headers.x-api-key'] },
    },
    connections: [apiKeyConnection()],
    modules,
  });
}

/** Saves the `acmeKey` connection; its verification call (GET /v1/me) is mocked and consumed. */
async function connectWithApiKey(app: RuntimeApp): Promise<Connection> {
  const verify = nock(API)
    .get('/v1/me')
    .matchHeader('x-api-key', CREDENTIALS.apiKey)
    .reply(200, { id: 'acc-1', name: 'Ann' });
  const connection = await connect(app, 'acmeKey', { apiKey: CREDENTIALS.apiKey });
  verify.done();
  return connection;
}

test('C1 createConnection runs token (condition true) and stores data, dates as ISO strings', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const token = tokenEndpoint(1);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  token.scope.done();
  expect(connection.data).toEqual({
    accessToken: CREDENTIALS.token(1),
    expires: '2024-05-01T13:00:00.000Z',
  });
  expect(connection.log.requests).toHaveLength(1);
  // log.sanitize of the token request, and the redactor, keep the secret and token out of the log.
  // The Client ID is a credential too (issue 9): redacted although its type is text.
  expect(connection.log.requests[0]?.request.body).toEqual({
    grant_type: 'client_credentials',
    client_id: '[REDACTED]',
    client_secret: '[REDACTED]',
  });
  expect(connection.log.requests[0]?.response?.body).toEqual({
    access_token: '[REDACTED]',
    expires_in: 3600,
  });
});

test('C2 the token is cached per connection: three module runs, one token request', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const token = tokenEndpoint(1);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  const api = nock(API)
    .get('/v1/ping')
    .times(3)
    .matchHeader('authorization', bearer(1))
    .reply(200, { ok: true });
  for (let i = 0; i < 3; i += 1) {
    clock.advance(600);
    await run(app, 'ping', { connection });
  }
  api.done();
  token.scope.done();
  expect(token.calls()).toBe(1);
});

test('C3 refresh runs proactively once refresh.condition holds (15 min before expiry), not before', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const token = tokenEndpoint(2);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  const api = nock(API)
    .get('/v1/ping')
    .matchHeader('authorization', bearer(1))
    .reply(200, { n: 1 })
    .get('/v1/ping')
    .matchHeader('authorization', bearer(2))
    .reply(200, { n: 2 });
  clock.advance(44 * 60); // 16 minutes left: no refresh yet
  await run(app, 'ping', { connection });
  expect(token.calls()).toBe(1);
  clock.advance(2 * 60); // 14 minutes left: refresh before the request
  const { log } = await run(app, 'ping', { connection });
  api.done();
  token.scope.done();
  expect(token.calls()).toBe(2);
  expect(connection.data.expires).toBe('2024-05-01T13:46:00.000Z');
  expect(log.entries.map((e) => (e.kind === 'http' ? e.component : e.code))).toEqual([
    'TOKEN_REFRESH',
    'connection acme refresh',
    'module ping',
  ]);
});

test('C4 a 401 refreshes once and retries once with the new token', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const token = tokenEndpoint(2);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  const api = nock(API)
    .get('/v1/ping')
    .matchHeader('authorization', bearer(1))
    .reply(401, { error: 'token_expired' })
    .get('/v1/ping')
    .matchHeader('authorization', bearer(2))
    .reply(200, { ok: true });
  const { bundles, log } = await run(app, 'ping', { connection });
  api.done();
  token.scope.done();
  expect(bundles).toEqual([{ ok: true }]);
  expect(token.calls()).toBe(2);
  expect(
    log.entries.map((e) =>
      e.kind === 'http' ? `${e.component} ${e.response?.statusCode}` : e.code,
    ),
  ).toEqual([
    'module ping 401',
    'TOKEN_REFRESH_ON_401',
    'connection acme refresh 200',
    'module ping 200',
  ]);
});

test('C5 a second 401 after the refresh is an InvalidAccessTokenError; exactly one refresh, one retry', async () => {
  const app = await load(
    testApp({
      base: {
        ...bearerBase,
        response: { error: { message: '[{{statusCode}}] {{body.error}}', type: 'RuntimeError' } },
      },
      modules: [pingModule],
    }),
  );
  const token = tokenEndpoint(2);
  const connection = await connect(app, 'acme', ACME_PARAMETERS);
  const api = nock(API).get('/v1/ping').times(2).reply(401, { error: 'invalid_token' });
  const error = await failure(run(app, 'ping', { connection }));
  api.done();
  token.scope.done();
  expect(token.calls()).toBe(2);
  expect(error).toMatchObject({
    name: 'InvalidAccessTokenError',
    type: 'InvalidAccessTokenError',
    code: 'TOKEN_REJECTED',
    statusCode: 401,
    message: '[401] invalid_token',
  });
});

test('C5 a 401 on a connection that cannot refresh is an error right away (no retry)', async () => {
  const app = await load(apiKeyApp([testModule({ ...pingModule, connection: 'acmeKey' })]));
  const connection = await connectWithApiKey(app);
  const api = nock(API).get('/v1/ping').reply(401, { error_description: 'bad key' });
  const error = await failure(run(app, 'ping', { connection }));
  api.done();
  expect(error).toMatchObject({
    type: 'InvalidAccessTokenError',
    code: 'HTTP_STATUS',
    message: '[401] bad key',
  });
});

test('C6 a basic connection runs its verification call; connection.* is parameters and stored data', async () => {
  const app = await load(
    apiKeyApp([
      testModule({
        name: 'account',
        type: 'action',
        connection: 'acmeKey',
        communication: {
          url: '/v1/accounts/{{connection.accountId}}',
          response: { output: '{{body}}' },
        },
      }),
    ]),
  );
  const connection = await connectWithApiKey(app);
  expect(connection.data).toEqual({ accountId: 'acc-1' });
  expect(connection.metadata).toEqual({ type: 'text', value: 'Ann' });
  const api = nock(API)
    .get('/v1/accounts/acc-1')
    .matchHeader('x-api-key', CREDENTIALS.apiKey)
    .reply(200, { id: 'acc-1' });
  const { bundles } = await run(app, 'account', { connection });
  api.done();
  expect(bundles).toEqual([{ id: 'acc-1' }]);
});

test('C7 connection parameters are processed first: a missing required one is a DataError and nothing is sent', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  const error = await failure(
    connect(app, 'acme', { clientId: CREDENTIALS.clientId, clientSecret: '' }),
  );
  expect(error).toMatchObject({
    type: 'DataError',
    code: 'PARAMETER_REQUIRED',
    parameter: 'clientSecret',
  });
});

test('C8 connection requests do not inherit the base (no base headers, no baseUrl)', async () => {
  const app = await load(
    testApp({
      base: { ...bearerBase, headers: { ...bearerBase.headers, 'X-Base': 'yes' } },
      modules: [pingModule],
    }),
  );
  const seen: Array<Record<string, unknown>> = [];
  const token = nock(AUTH).post('/oauth/token', TOKEN_BODY).reply(200, tokenReply(1));
  token.on('request', (req: { headers: Record<string, unknown> }) => seen.push(req.headers));
  await connect(app, 'acme', ACME_PARAMETERS);
  token.done();
  expect(seen[0]?.['x-base']).toBeUndefined();
  expect(seen[0]?.authorization).toBeUndefined();
});

test('C9 a failed token request is a typed error with the directive message, and no connection', async () => {
  const connection = oauthWith((steps) => ({
    ...steps,
    token: {
      ...steps.token,
      response: {
        ...(steps.token?.response as object),
        error: {
          message: 'Check your credentials: {{body.error_description}}',
          type: 'InvalidConfigurationError',
        },
      },
    },
  }));
  const app = await load(testApp({ connections: [connection], modules: [pingModule] }));
  const api = nock(AUTH)
    .post('/oauth/token', TOKEN_BODY)
    .reply(401, { error: 'unauthorized', error_description: 'Bad credentials' });
  const error = await failure(connect(app, 'acme', ACME_PARAMETERS));
  api.done();
  expect(error).toMatchObject({
    type: 'InvalidConfigurationError',
    statusCode: 401,
    message: 'Check your credentials: Bad credentials',
    where: 'connection acme token',
  });
});

test('C10 a connection past its response.expires must be re-authorised (InvalidAccessTokenError)', async () => {
  const connection30 = oauthWith((steps) => ({
    token: {
      ...steps.token,
      response: { ...(steps.token?.response as object), expires: '{{addDays(now, 30)}}' },
    },
  }));
  const app = await load(testApp({ connections: [connection30], modules: [pingModule] }));
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const endpoint = tokenEndpoint(1, 100 * 86400);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  endpoint.scope.done();
  expect(connection.expires).toBe('2024-05-31T12:00:00.000Z');
  clock.advance(31 * 86400);
  const error = await failure(run(app, 'ping', { connection }));
  expect(error).toMatchObject({ type: 'InvalidAccessTokenError', code: 'CONNECTION_EXPIRED' });
});

test('C11 concurrent module runs that need a refresh share one refresh request', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const token = tokenEndpoint(2);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  clock.advance(50 * 60);
  const api = nock(API)
    .get('/v1/ping')
    .times(3)
    .matchHeader('authorization', bearer(2))
    .reply(200, { ok: true });
  await Promise.all([1, 2, 3].map(() => run(app, 'ping', { connection })));
  api.done();
  token.scope.done();
  expect(token.calls()).toBe(2);
});

test('C12 an interactive OAuth flow (authorize) is refused unless stored data is passed in', async () => {
  const connection = oauthWith((steps) => ({
    authorize: { url: `${AUTH}/authorize`, qs: { client_id: '{{parameters.clientId}}' } },
    token: { ...steps.token, condition: '{{!data.accessToken}}' },
  }));
  const app = await load(testApp({ connections: [connection], modules: [pingModule] }), {
    validate: false,
  });
  const error = await failure(connect(app, 'acme', ACME_PARAMETERS));
  expect(error).toMatchObject({ type: 'InvalidConfigurationError', code: 'DEFINITION_INVALID' });
  // With stored data: no authorize, and the token condition (data present) skips the token call.
  const restored = await connect(app, 'acme', ACME_PARAMETERS, {
    data: { accessToken: CREDENTIALS.token(7), expires: '2030-01-01T00:00:00.000Z' },
  });
  expect(restored.log.requests).toHaveLength(0);
  const api = nock(API)
    .get('/v1/ping')
    .matchHeader('authorization', bearer(7))
    .reply(200, { ok: true });
  await run(app, 'ping', { connection: restored });
  api.done();
});

test('C12b an authorization-code connection resumed from stored data sends nothing and keeps the tokens', async () => {
  // Make's authorization-code shape: authorize, then token exchanges `query.code`, with no
  // condition of its own; refresh runs when the stored token has expired.
  const connection = oauthWith((steps) => ({
    authorize: { url: `${AUTH}/authorize`, qs: { client_id: '{{parameters.clientId}}' } },
    token: { ...steps.token, qs: { code: '{{query.code}}' } },
    refresh: {
      ...steps.token,
      condition: '{{data.expires < now}}',
      response: {
        data: {
          accessToken: '{{body.access_token}}',
          expires: '{{addSeconds(now, body.expires_in)}}',
        },
      },
    },
  }));
  const app = await load(testApp({ connections: [connection], modules: [pingModule] }), {
    validate: false,
  });
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const stored = { accessToken: CREDENTIALS.token(7), expires: '2024-05-01T12:30:00.000Z' };
  const resumed = await connect(app, 'acme', ACME_PARAMETERS, { data: stored, now: clock.now });
  expect(resumed.log.requests).toHaveLength(0);
  expect(resumed.data).toEqual(stored);
  const api = nock(API)
    .get('/v1/ping')
    .matchHeader('authorization', bearer(7))
    .reply(200, {})
    .get('/v1/ping')
    .matchHeader('authorization', bearer(1))
    .reply(200, {});
  await run(app, 'ping', { connection: resumed, now: clock.now() });
  // An hour later the stored token has expired: refresh (its condition holds), then the new token.
  clock.advance(3600);
  const endpoint = tokenEndpoint(1);
  await run(app, 'ping', { connection: resumed, now: clock.now() });
  api.done();
  endpoint.scope.done();
  expect(endpoint.calls()).toBe(1);
  expect(resumed.data.accessToken).toBe(CREDENTIALS.token(1));
});

test('C13 without a refresh block, an expression token condition is re-evaluated before each run', async () => {
  const scaffold = oauthWith((steps) => ({
    token: {
      ...steps.token,
      condition: '{{if(data.accessToken, data.expires < addMinutes(now, 1), true)}}',
    },
  }));
  // The project schema requires `condition: true` without authorize; Make's scaffold uses this form.
  const app = await load(testApp({ connections: [scaffold], modules: [pingModule] }), {
    validate: false,
  });
  const clock = fakeClock('2024-05-01T12:00:00.000Z');
  const endpoint = tokenEndpoint(2);
  const connection = await connect(app, 'acme', ACME_PARAMETERS, { now: clock.now });
  const api = nock(API)
    .get('/v1/ping')
    .matchHeader('authorization', bearer(1))
    .reply(200, {})
    .get('/v1/ping')
    .matchHeader('authorization', bearer(2))
    .reply(200, {});
  clock.advance(58 * 60);
  await run(app, 'ping', { connection });
  clock.advance(90);
  await run(app, 'ping', { connection });
  api.done();
  endpoint.scope.done();
  expect(endpoint.calls()).toBe(2);
});

test('C14 unknown connection names and a module run without its connection are clear errors', async () => {
  const app = await load(testApp({ modules: [pingModule] }));
  expect(await failure(connect(app, 'acmee', ACME_PARAMETERS))).toMatchObject({
    code: 'OPTION_INVALID',
    message: "Unknown connection 'acmee' (did you mean 'acme'?); the app has: acme.",
  });
  expect(await failure(run(app, 'ping'))).toMatchObject({
    type: 'InvalidConfigurationError',
    code: 'OPTION_INVALID',
  });
});

test('C15 a request-less step reads the response before its outputs, as a request does', async () => {
  // One order for every response (respond.ts respondToPage): temp, valid/error, the connection's
  // data, then iterate/output. A request-less entry used to read `data` after iterating, so the
  // iterate root (set by iterate) leaked into it.
  const app = await load(
    testApp({
      modules: [pingModule],
      connections: [
        {
          name: 'acmeKey',
          label: 'Acme (key)',
          type: 'basic',
          parameters: [{ name: 'apiKey', type: 'password', label: 'API key', required: true }],
          communication: {
            response: {
              temp: { region: 'eu', list: ['a', 'b'] },
              iterate: '{{temp.list}}',
              data: { region: '{{temp.region}}', first: '{{iterate.container.first}}' },
            },
          },
        } as never,
      ],
    }),
    { validate: false },
  );
  const connection = await connect(app, 'acmeKey', { apiKey: CREDENTIALS.apiKey });
  expect(connection.data).toEqual({ region: 'eu' });
});

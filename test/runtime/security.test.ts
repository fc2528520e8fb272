// Conformance rows X1-X5 (lib/runtime/README.md): where requests may go, hostMap, redaction.
import nock from 'nock';
import type { Parameter } from '../../lib/types';
import { findLeaks } from './helpers/leak-check';
import {
  ACME_PARAMETERS,
  API,
  AUTH,
  CREDENTIALS,
  SECRET_MARK,
  TOKEN_BODY,
  bearerBase,
  oauthWith,
  testApp,
  testModule,
  tokenReply,
} from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { connect, failure, load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const urlParam: Parameter = { name: 'url', type: 'text', label: 'URL', required: true };

const fetchAnything = testModule({
  name: 'fetchAnything',
  type: 'action',
  mappableParameters: [urlParam],
  communication: { url: '{{parameters.url}}', response: { output: '{{body}}' } },
});

describe('X1 connection data only goes to hosts the app declares', () => {
  test('the base bearer token is refused to an undeclared absolute host, and nothing is sent', async () => {
    const app = await load(testApp({ modules: [fetchAnything] }), { validate: false });
    const error = await failure(
      run(app, 'fetchAnything', {
        connection: acme.get(),
        parameters: { url: 'https://evil.example/x' },
      }),
    );
    expect(error).toMatchObject({ type: 'InvalidConfigurationError', code: 'HOST_NOT_ALLOWED' });
    expect(error.message).toContain('refused to send connection data to evil.example');
    expect(error.message).toContain('declared: api.example.test, auth.example.test');
    expect(
      (error.log as { requests: Array<{ error?: { code: string } }> }).requests[0]?.error?.code,
    ).toBe('HOST_NOT_ALLOWED');
  });

  test('a secret that arrives through a parameter is caught by the value scan', async () => {
    const app = await load(
      testApp({
        base: { baseUrl: API },
        modules: [
          testModule({
            name: 'leaky',
            type: 'action',
            mappableParameters: [urlParam, { name: 'auth', type: 'text', label: 'Auth' }],
            communication: {
              url: '{{parameters.url}}',
              headers: { 'X-Auth': '{{parameters.auth}}' },
            },
          }),
        ],
      }),
      { validate: false },
    );
    const error = await failure(
      run(app, 'leaky', {
        connection: acme.get(),
        parameters: { url: 'https://evil.example/x', auth: CREDENTIALS.token(1) },
      }),
    );
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
  });

  test('a request without connection data may go anywhere', async () => {
    const app = await load(testApp({ base: { baseUrl: API }, modules: [fetchAnything] }), {
      validate: false,
    });
    const other = nock('https://public.example').get('/feed').reply(200, { ok: true });
    const { bundles } = await run(app, 'fetchAnything', {
      connection: acme.get(),
      parameters: { url: 'https://public.example/feed' },
    });
    other.done();
    expect(bundles).toEqual([{ ok: true }]);
  });
});

describe('X2 what counts as declared', () => {
  test('a host written literally in another module, the connection hosts and the evaluated baseUrl', async () => {
    const app = await load(
      testApp({
        base: { ...bearerBase, baseUrl: 'https://{{connection.clientId}}.tenant.example' },
        modules: [
          fetchAnything,
          testModule({
            name: 'literal',
            type: 'action',
            communication: { url: 'https://files.example/v1/f' },
          }),
        ],
      }),
      { validate: false },
    );
    const api = nock('https://files.example').get('/a').reply(200, {}).get('/b').reply(200, {});
    const tenant = nock('https://client-id-123.tenant.example').get('/c').reply(200, {});
    const auth = nock(AUTH).get('/d').reply(200, {});
    for (const url of [
      'https://files.example/a',
      'https://files.example/b',
      'https://client-id-123.tenant.example/c',
      `${AUTH}/d`,
    ]) {
      await run(app, 'fetchAnything', { connection: acme.get(), parameters: { url } });
    }
    api.done();
    tenant.done();
    auth.done();
  });
});

describe('X3 hostMap', () => {
  test('rewrites hosts at the last moment: connection and module requests; the log keeps the app URLs', async () => {
    const app = await load(
      testApp({
        modules: [
          testModule({
            name: 'items',
            communication: { url: '/v1/items', response: { iterate: '{{body}}' } },
          }),
        ],
      }),
    );
    const sim = 'http://127.0.0.1:8787';
    const hostMap = { 'api.example.test': sim, 'auth.example.test': sim };
    const local = nock(sim)
      .post('/oauth/token', TOKEN_BODY)
      .reply(200, tokenReply(1))
      .get('/v1/items')
      .matchHeader('authorization', `Bearer ${CREDENTIALS.token(1)}`)
      .reply(200, [{ id: 1 }]);
    const connection = await connect(app, 'acme', ACME_PARAMETERS, { hostMap });
    const { bundles, log } = await run(app, 'items', { connection });
    local.done();
    expect(bundles).toEqual([{ id: 1 }]);
    expect(connection.log.requests[0]).toMatchObject({
      request: { url: `${AUTH}/oauth/token` },
      sentTo: sim,
    });
    expect(log.requests[0]).toMatchObject({ request: { url: `${API}/v1/items` }, sentTo: sim });
  });

  test('does not widen the allow-list: an undeclared host stays refused even when mapped', async () => {
    const app = await load(testApp({ modules: [fetchAnything] }), { validate: false });
    const error = await failure(
      run(app, 'fetchAnything', {
        connection: acme.get(),
        parameters: { url: 'https://evil.example/x' },
        hostMap: { 'evil.example': 'http://127.0.0.1:9' },
      }),
    );
    expect(error).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
  });

  test('a hostMap value that is not an http(s) origin is a clear error', async () => {
    const app = await load(testApp({ modules: [fetchAnything] }), { validate: false });
    const error = await failure(
      run(app, 'fetchAnything', {
        connection: acme.get(),
        parameters: { url: `${API}/x` },
        hostMap: { [API]: 'ftp://x' },
      }),
    );
    expect(error).toMatchObject({ code: 'OPTION_INVALID' });
    expect(error.message).toContain('must be an http(s) origin');
  });
});

describe('X4 redaction beyond log.sanitize', () => {
  test('a password parameter sent URL-encoded in a query string, without sanitize, is redacted in the log', async () => {
    const secret = `${SECRET_MARK} with space&amp`;
    const token = {
      url: `${AUTH}/oauth/token`,
      method: 'POST',
      qs: { client_id: '{{parameters.clientId}}', client_secret: '{{parameters.clientSecret}}' },
      body: {},
      response: { data: { accessToken: '{{body.access_token}}' } },
    };
    const app = await load(
      testApp({
        connections: [oauthWith(() => ({ token: { condition: true, ...token } }))],
        modules: [fetchAnything],
      }),
      {
        validate: false,
      },
    );
    const api = nock(AUTH)
      .post('/oauth/token', {})
      .query({ client_id: CREDENTIALS.clientId, client_secret: secret })
      .reply(200, { access_token: CREDENTIALS.token(5) });
    const connection = await connect(app, 'acme', {
      clientId: CREDENTIALS.clientId,
      clientSecret: secret,
    });
    api.done();
    const entry = connection.log.requests[0];
    expect(entry?.request.qs).toEqual({
      client_id: CREDENTIALS.clientId,
      client_secret: '[REDACTED]',
    });
    expect(entry?.response?.body).toEqual({ access_token: '[REDACTED]' });
  });

  test('a token echoed by the API into an error message is redacted from the thrown error', async () => {
    const app = await load(
      testApp({
        base: { ...bearerBase, response: { error: { message: 'Rejected: {{body.detail}}' } } },
        modules: [testModule({ name: 'echo', type: 'action', communication: { url: '/v1/echo' } })],
      }),
    );
    const api = nock(API)
      .get('/v1/echo')
      .reply(400, { detail: `token ${CREDENTIALS.token(1)} is not allowed here` });
    const error = await failure(run(app, 'echo', { connection: acme.get() }));
    api.done();
    expect(error.message).toBe('Rejected: token [REDACTED] is not allowed here');
    expect(error.stack).not.toContain(SECRET_MARK);
  });
});

test('X5 the leak check finds a credential anywhere in what it is given', () => {
  expect(findLeaks([{ deep: [{ value: `Bearer ${CREDENTIALS.token(1)}` }] }])).toHaveLength(1);
  expect(findLeaks([new Error(`failed for ${CREDENTIALS.clientSecret}`)])).not.toEqual([]);
  expect(findLeaks([{ safe: '[REDACTED]' }])).toEqual([]);
});

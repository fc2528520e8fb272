// Conformance rows X1-X5, X7 (lib/runtime/README.md): where requests may go, hostMap, redaction.
import nock from 'nock';
import { Redactor } from '../../lib/runtime/redact';
import { parseQuery } from '../../lib/runtime/query';
import { applySanitize } from '../../lib/runtime/sanitize';
import type { BaseSpec, ConnectionSpec, Parameter } from '../../lib/types';
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
    // Every connection credential is redacted, the text-type Client ID included (issue 9).
    expect(entry?.request.qs).toEqual({
      client_id: '[REDACTED]',
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

describe('X7 a `__proto__` key is data, never a prototype', () => {
  const items = testModule({
    name: 'items',
    communication: { url: '/v1/items', response: { iterate: '{{body.items}}' } },
  });
  const hostile = '{"items":[{"__proto__":{"isAdmin":true},"id":1}]}';
  const cases: Array<{ name: string; sanitize: string[] }> = [
    { name: 'X7 without log.sanitize (the redaction copy)', sanitize: [] },
    {
      name: 'X7 with a log.sanitize path through the item (the sanitize copy)',
      sanitize: ['response.body.items.id'],
    },
  ];

  test.each(cases)('$name', async ({ sanitize }) => {
    const base: BaseSpec = {
      ...bearerBase,
      log: { sanitize: ['request.headers.authorization', ...sanitize] },
    };
    const app = await load(testApp({ base, modules: [items] }));
    const api = nock(API)
      .get('/v1/items')
      .reply(200, hostile, { 'Content-Type': 'application/json' });
    const { bundles, log } = await run(app, 'items', { connection: acme.get() });
    api.done();
    const body = log.requests[0]?.response?.body as { items: Array<Record<string, unknown>> };
    const item = body.items[0] ?? {};
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.hasOwn(item, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toEqual({ isAdmin: true });
    expect(Object.keys(item)).toEqual(['__proto__', 'id']);
    expect(item.id).toBe(sanitize.length > 0 ? '[REDACTED]' : 1);
    expect(JSON.stringify(log.requests[0]?.response?.body)).toBe(
      sanitize.length > 0 ? hostile.replace('"id":1', '"id":"[REDACTED]"') : hostile,
    );
    expect(JSON.stringify(bundles)).toBe('[{"__proto__":{"isAdmin":true},"id":1}]');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });

  test('X7 the stages keep the key: sanitize, redaction, query parsing', () => {
    const parsed = JSON.parse('{"__proto__":{"isAdmin":true},"token":"sekrit-x-123456"}') as object;
    const redactor = new Redactor();
    redactor.add('sekrit-x-123456');
    const redacted = redactor.redact(parsed) as Record<string, unknown>;
    const sanitized = applySanitize(parsed, ['token']) as Record<string, unknown>;
    const query = parseQuery('__proto__=a&__proto__=b&x=1');
    for (const [copy, expected] of [
      [redacted, '{"__proto__":{"isAdmin":true},"token":"[REDACTED]"}'],
      [sanitized, '{"__proto__":{"isAdmin":true},"token":"[REDACTED]"}'],
      [query, '{"__proto__":["a","b"],"x":"1"}'],
    ] as const) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(JSON.stringify(copy)).toBe(expected);
    }
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });
});

describe('X4 base64 forms of a secret', () => {
  const secret = `${SECRET_MARK}-basic-password-42`;
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
  // Every alignment of the secret within base64's 3-byte groups, with and without text after it.
  const cases = ['', 'u', 'us', 'user:', 'alice@example.com:'].flatMap((prefix) =>
    ['', ':x'].map((suffix) => ({ prefix, suffix })),
  );

  test.each(cases)(
    'X4 base64("$prefix" + secret + "$suffix") is redacted whole',
    ({ prefix, suffix }) => {
      const redactor = new Redactor();
      redactor.add(secret);
      const header = `Basic ${b64(`${prefix}${secret}${suffix}`)}`;
      expect(redactor.contains(header)).toBe(true);
      expect(redactor.redactString(`${header}, next`)).toBe('Basic [REDACTED], next');
      expect(redactor.redact({ Authorization: header })).toEqual({
        Authorization: 'Basic [REDACTED]',
      });
    },
  );

  test('X4 base64 text without the secret, and a secret too short for a base64 core, are left alone', () => {
    const redactor = new Redactor();
    redactor.add(secret);
    redactor.add('short1');
    const unrelated = `Basic ${b64('user:another-long-password-99')}`;
    const short = `Basic ${b64('user:short1')}`;
    expect(redactor.redactString(unrelated)).toBe(unrelated);
    expect(redactor.redactString(short)).toBe(short);
    expect(redactor.contains(unrelated)).toBe(false);
  });

  test('X4 a Basic header composed with base64() in the base is redacted in the log without log.sanitize', async () => {
    const connection = {
      name: 'acmeBasic',
      label: 'Acme (Basic)',
      type: 'basic',
      parameters: [
        { name: 'user', type: 'text', label: 'User', required: true },
        { name: 'password', type: 'password', label: 'Password', required: true },
      ],
      communication: { url: `${API}/v1/me`, response: { data: { id: '{{body.id}}' } } },
    } as ConnectionSpec;
    const app = await load(
      testApp({
        base: {
          baseUrl: API,
          headers: {
            Authorization: "Basic {{base64(connection.user + ':' + connection.password)}}",
          },
        },
        connections: [connection],
        modules: [
          testModule({
            name: 'me',
            type: 'action',
            connection: 'acmeBasic',
            communication: { url: '/v1/me', response: { output: '{{body}}' } },
          } as Parameters<typeof testModule>[0]),
        ],
      }),
      { validate: false },
    );
    const expected = `Basic ${b64(`alice:${secret}`)}`;
    const api = nock(API)
      .get('/v1/me')
      .reply(200, { id: 1 })
      .get('/v1/me')
      .matchHeader('authorization', expected)
      .reply(200, { id: 1 });
    const basic = await connect(app, 'acmeBasic', { user: 'alice', password: secret });
    const { log } = await run(app, 'me', { connection: basic });
    api.done();
    expect(log.requests[0]?.request.headers).toEqual({ Authorization: 'Basic [REDACTED]' });
  });
});

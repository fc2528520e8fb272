// Conformance rows R1-R17 (lib/runtime/README.md): request building, as sent on the wire.
import nock from 'nock';
import type { BaseSpec } from '../../lib/types';
import { API, CREDENTIALS, bearerBase, testApp, testModule, untyped } from './helpers/app';
import { capture } from './helpers/http';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { NOW, sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const BEARER = `Bearer ${CREDENTIALS.token(1)}`;

interface Case {
  name: string;
  module: Parameters<typeof testModule>[0];
  base?: BaseSpec;
  parameters?: Record<string, unknown>;
  /** Skip validateApp: the definition is one the validator rejects on purpose. */
  unvalidated?: boolean;
  /** Interceptors for exactly the requests the case must send. */
  mock: (api: nock.Scope) => nock.Scope;
  /** Every header the runtime set on the first request (beyond host/content-length). */
  headers?: Record<string, string>;
  bundles?: unknown[];
  origin?: string;
}

const ok = { id: 1 };

const cases: Case[] = [
  {
    name: 'R1 a relative url is appended to baseUrl, the double slash collapsed',
    base: { ...bearerBase, baseUrl: `${API}/` },
    module: {
      type: 'action',
      communication: { url: '//v1/items', response: { output: '{{body}}' } },
    },
    mock: (api) => api.get('/v1/items').reply(200, ok),
    headers: { authorization: BEARER },
    bundles: [ok],
  },
  {
    name: 'R1 a relative url that looks like a host stays a path on the base host',
    module: {
      type: 'universal',
      mappableParameters: [{ name: 'url', type: 'text', label: 'URL', required: true }],
      communication: { url: '{{parameters.url}}', response: { output: '{{body}}' } },
    },
    unvalidated: true,
    parameters: { url: '@evil.example/x' },
    mock: (api) => api.get('/@evil.example/x').reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R1 a protocol-relative path typed by the user stays on the base host',
    module: {
      type: 'universal',
      mappableParameters: [{ name: 'url', type: 'text', label: 'URL', required: true }],
      communication: { url: '/{{parameters.url}}', response: { output: '{{body}}' } },
    },
    parameters: { url: '//evil.example/x' },
    mock: (api) => api.get('/evil.example/x').reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R2 an absolute url is used as is and the base headers still apply',
    module: {
      type: 'action',
      communication: { url: `${API}/v2/things`, response: { output: '{{body}}' } },
    },
    mock: (api) => api.get('/v2/things').matchHeader('authorization', BEARER).reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R3 headers merge key by key, case-insensitively; the module wins; names are capitalised; undefined and null are dropped',
    base: {
      ...bearerBase,
      headers: {
        Authorization: 'Bearer {{connection.accessToken}}',
        'x-client': 'base',
        'X-Trace': 'base',
      },
    },
    module: {
      type: 'action',
      communication: {
        url: '/v1/items',
        headers: {
          'X-CLIENT': 'module',
          'x-trace': null,
          'x-empty': '{{undefined}}',
          'x-number': 7,
        },
        response: { output: '{{body}}' },
      },
    },
    unvalidated: true,
    mock: (api) => api.get('/v1/items').reply(200, ok),
    headers: { authorization: BEARER, 'x-client': 'module', 'x-number': '7' },
    bundles: [ok],
  },
  {
    name: 'R4 qs merges with the base; arrays become repeated keys; booleans and numbers as text; undefined and null dropped',
    base: { ...bearerBase, qs: { api_version: 2, lang: 'en' } },
    module: {
      mappableParameters: [
        {
          name: 'status',
          type: 'select',
          label: 'Status',
          multiple: true,
          options: [
            { label: 'A', value: 'ACTIVE' },
            { label: 'C', value: 'CANCELLED' },
          ],
        },
        { name: 'email', type: 'email', label: 'Email' },
      ],
      communication: {
        url: '/v1/items',
        qs: {
          status: '{{parameters.status}}',
          email: '{{parameters.email}}',
          trial: false,
          lang: 'pt',
          gone: null,
        },
        response: { iterate: '{{body.items}}' },
      },
    },
    unvalidated: true,
    parameters: { status: ['ACTIVE', 'CANCELLED'] },
    mock: (api) =>
      api
        .get('/v1/items')
        .query({ api_version: '2', lang: 'pt', status: ['ACTIVE', 'CANCELLED'], trial: 'false' })
        .reply(200, { items: [ok] }),
    bundles: [ok],
  },
  {
    name: 'R4 query values are percent-encoded (a space as %20)',
    module: {
      mappableParameters: [{ name: 'q', type: 'text', label: 'Query' }],
      communication: {
        url: '/v1/search',
        qs: { q: '{{parameters.q}}' },
        response: { iterate: '{{body}}' },
      },
    },
    parameters: { q: 'a b&c=d/é' },
    mock: (api) => api.get('/v1/search?q=a%20b%26c%3Dd%2F%C3%A9').reply(200, [ok]),
    bundles: [ok],
  },
  {
    name: 'R5 without qs the URL keeps its own query string',
    module: {
      type: 'action',
      communication: { url: '/v1/items?fixed=1&x=y', response: { output: '{{body}}' } },
    },
    mock: (api) => api.get('/v1/items').query({ fixed: '1', x: 'y' }).reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R5 qs replaces the URL query string, and {} clears it',
    module: {
      type: 'action',
      communication: { url: '/v1/items?fixed=1', qs: {}, response: { output: '{{body}}' } },
    },
    mock: (api) => api.get('/v1/items').query({}).reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R6 the method is evaluated and upper-cased; a GET sends no body',
    module: {
      type: 'action',
      mappableParameters: [{ name: 'verb', type: 'text', label: 'Verb' }],
      communication: {
        url: '/v1/items',
        method: '{{parameters.verb}}',
        body: { ignored: true },
        response: { output: '{{body}}' },
      },
    },
    unvalidated: true,
    parameters: { verb: 'get' },
    mock: (api) => api.get('/v1/items', (body) => body === '' || body === undefined).reply(200, ok),
    headers: { authorization: BEARER },
    bundles: [ok],
  },
  {
    name: 'R7 a json body is serialised with Content-Type, undefined keys dropped, null kept, dates as ISO strings',
    module: {
      type: 'action',
      mappableParameters: [
        { name: 'title', type: 'text', label: 'Title' },
        { name: 'due', type: 'date', label: 'Due' },
      ],
      communication: {
        url: '/v1/items',
        method: 'POST',
        body: {
          title: '{{parameters.title}}',
          note: '{{parameters.note}}',
          cleared: null,
          due: '{{parameters.due}}',
          created: '{{now}}',
          nested: { list: [1, '{{parameters.title}}'] },
        },
        response: { output: '{{body}}' },
      },
    },
    unvalidated: true,
    parameters: { title: 'Buy milk', due: '2024-06-01' },
    mock: (api) =>
      api
        .post('/v1/items', {
          title: 'Buy milk',
          cleared: null,
          due: '2024-06-01T00:00:00.000Z',
          created: NOW.toISOString(),
          nested: { list: [1, 'Buy milk'] },
        })
        .reply(201, ok),
    headers: { authorization: BEARER, 'content-type': 'application/json' },
    bundles: [ok],
  },
  {
    name: 'R7 a Content-Type set by the definition wins',
    module: {
      type: 'action',
      communication: {
        url: '/v1/items',
        method: 'PUT',
        headers: { 'content-type': 'application/vnd.acme+json' },
        body: { a: 1 },
        response: { output: '{{body}}' },
      },
    },
    mock: (api) => api.put('/v1/items', { a: 1 }).reply(200, ok),
    headers: { authorization: BEARER, 'content-type': 'application/vnd.acme+json' },
    bundles: [ok],
  },
  {
    name: 'R8 an urlencoded body, arrays as repeated keys',
    module: {
      type: 'action',
      communication: {
        url: '/v1/form',
        method: 'POST',
        type: 'urlencoded',
        body: { name: 'a b', tags: ['x', 'y'], flag: true, skip: '{{undefined}}' },
        response: { output: '{{body}}' },
      },
    },
    mock: (api) => api.post('/v1/form', 'name=a%20b&tags=x&tags=y&flag=true').reply(200, ok),
    headers: { authorization: BEARER, 'content-type': 'application/x-www-form-urlencoded' },
    bundles: [ok],
  },
  {
    name: 'R9 a multipart body with a file item',
    module: {
      type: 'action',
      communication: {
        url: '/v1/upload',
        method: 'POST',
        type: 'multipart/form-data',
        body: { note: 'hello', file: { value: 'file-content', options: { filename: 'a.txt' } } },
        response: { output: '{{body}}' },
      },
    },
    mock: (api) =>
      api
        .post(
          '/v1/upload',
          (body: string) =>
            /name="note"\r\n\r\nhello\r\n/.test(body) &&
            /name="file"; filename="a.txt"\r\nContent-Type: application\/octet-stream\r\n\r\nfile-content\r\n/.test(
              body,
            ),
        )
        .matchHeader('content-type', /^multipart\/form-data; boundary=/)
        .reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R10 a text body is sent as is, without a Content-Type added',
    module: {
      type: 'action',
      communication: {
        url: '/v1/raw',
        method: 'POST',
        type: 'text',
        body: 'plain {{1 + 1}}',
        response: { output: '{{body}}' },
      },
    },
    mock: (api) => api.post('/v1/raw', 'plain 2').reply(200, ok),
    headers: { authorization: BEARER },
    bundles: [ok],
  },
  {
    name: 'R11 encodeUrl (default true) encodes the assembled URL once',
    module: {
      type: 'action',
      mappableParameters: [{ name: 'code', type: 'text', label: 'Code' }],
      communication: { url: '/v1/items/{{parameters.code}}', response: { output: '{{body}}' } },
    },
    parameters: { code: 'ação x' },
    mock: (api) => api.get('/v1/items/a%C3%A7%C3%A3o%20x').reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R11 encodeUrl false keeps what encodeURL() produced (no double encoding)',
    module: {
      type: 'action',
      mappableParameters: [{ name: 'code', type: 'text', label: 'Code' }],
      communication: {
        url: '/v1/items/{{encodeURL(parameters.code)}}',
        encodeUrl: false,
        response: { output: '{{body}}' },
      },
    },
    parameters: { code: 'a/b c' },
    mock: (api) => api.get('/v1/items/a%2Fb%20c').reply(200, ok),
    bundles: [ok],
  },
  {
    name: 'R12 temp is evaluated first and is visible to condition, url, qs and output',
    module: {
      type: 'action',
      communication: {
        temp: { path: 'v1/items', run: true },
        condition: '{{temp.run}}',
        url: '/{{temp.path}}',
        qs: { from: '{{temp.path}}' },
        response: { output: { path: '{{temp.path}}', id: '{{body.id}}' } },
      },
    },
    mock: (api) => api.get('/v1/items').query({ from: 'v1/items' }).reply(200, ok),
    bundles: [{ path: 'v1/items', id: 1 }],
  },
];

describe('request building (R rows)', () => {
  test.each(cases)('$name', async (c) => {
    const app = await load(
      testApp({ modules: [testModule(c.module)], ...(c.base ? { base: c.base } : {}) }),
      {
        validate: !c.unvalidated,
      },
    );
    const api = c.mock(nock(c.origin ?? API));
    const seen = capture(api);
    const result = await run(app, 'testModule', {
      connection: acme.get(),
      parameters: c.parameters ?? {},
      now: NOW,
    });
    api.done();
    if (c.headers) expect(seen[0]?.headers).toEqual(c.headers);
    if (c.bundles) expect(result.bundles).toEqual(c.bundles);
  });
});

test('R16 the logged request masks the base and the module sanitize paths', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          communication: {
            url: '/v1/items',
            headers: { 'X-Session': 'abc' },
            response: { output: '{{body}}' },
            log: { sanitize: ['request.headers.x-session'] },
          },
        }),
      ],
    }),
    // The validator wants the module to repeat the base's path; the runtime keeps both anyway.
    { validate: false },
  );
  const api = nock(API).get('/v1/items').matchHeader('x-session', 'abc').reply(200, ok);
  const { log } = await run(app, 'testModule', { connection: acme.get() });
  api.done();
  expect(log.requests[0]?.request.headers).toEqual({
    Authorization: '[REDACTED]',
    'X-Session': '[REDACTED]',
  });
});

test('R13 a falsy condition skips the request; condition.default becomes the output', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          mappableParameters: [{ name: 'go', type: 'boolean', label: 'Go' }],
          communication: {
            condition: {
              condition: '{{parameters.go}}',
              default: { skipped: true, go: '{{parameters.go}}' },
            },
            url: '/v1/items',
            response: { output: '{{body}}' },
          },
        }),
      ],
    }),
  );
  const result = await run(app, 'testModule', {
    connection: acme.get(),
    parameters: { go: false },
  });
  expect(result.bundles).toEqual([{ skipped: true, go: false }]);
  expect(result.log.requests).toHaveLength(0);
});

test('R4 an object as a query value is a DataError naming the key, and nothing is sent', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          communication: { url: '/v1/items', qs: untyped({ filter: { a: 1 } }) },
        }),
      ],
    }),
    { validate: false },
  );
  const error = await failure(run(app, 'testModule', { connection: acme.get() }));
  expect(error).toMatchObject({ type: 'DataError', code: 'REQUEST_INVALID' });
  expect(error.message).toContain("query parameter 'filter'");
});

test('R15 the module response.error overrides the base per status key; other statuses keep the base entry', async () => {
  const base: BaseSpec = {
    ...bearerBase,
    response: {
      error: {
        message: 'base: {{body.msg}}',
        '404': { type: 'DataError', message: 'base 404' },
        '409': { type: 'DuplicateDataError', message: 'base 409' },
      },
    },
  };
  const app = await load(
    testApp({
      base,
      modules: [
        testModule({
          type: 'action',
          mappableParameters: [{ name: 'path', type: 'text', label: 'Path' }],
          communication: {
            url: '/v1/{{parameters.path}}',
            response: {
              output: '{{body}}',
              error: {
                message: 'module: {{body.msg}}',
                '404': { type: 'IncompleteDataError', message: 'module 404 {{body.msg}}' },
              },
            },
          },
        }),
      ],
    }),
  );
  const api = nock(API)
    .get('/v1/a')
    .reply(404, { msg: 'gone' })
    .get('/v1/b')
    .reply(409, { msg: 'dup' })
    .get('/v1/c')
    .reply(418, { msg: 'teapot' });
  const a = await failure(
    run(app, 'testModule', { connection: acme.get(), parameters: { path: 'a' } }),
  );
  const b = await failure(
    run(app, 'testModule', { connection: acme.get(), parameters: { path: 'b' } }),
  );
  const c = await failure(
    run(app, 'testModule', { connection: acme.get(), parameters: { path: 'c' } }),
  );
  api.done();
  expect([a.type, a.message, a.statusCode]).toEqual([
    'IncompleteDataError',
    'module 404 gone',
    404,
  ]);
  expect([b.type, b.message]).toEqual(['DuplicateDataError', 'base 409']);
  expect([c.type, c.message]).toEqual(['RuntimeError', 'module: teapot']);
});

test('R17 directives the runtime does not implement are refused before any request', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          communication: {
            url: '/v1/items',
            aws: { key: 'k', secret: 's' },
          },
        }),
      ],
    }),
    { validate: false },
  );
  const error = await failure(run(app, 'testModule', { connection: acme.get() }));
  expect(error).toMatchObject({ type: 'RuntimeError', code: 'DEFINITION_INVALID' });
  expect(error.message).toContain('aws');
});

test('R22 an unknown root variable reads as empty, as in Make: the key is not sent', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          communication: {
            url: '/v1/items',
            qs: { limit: '{{paramters.limit}}', kept: 'yes' },
            response: { output: '{{body}}' },
          },
        }),
      ],
    }),
    { validate: false },
  );
  const api = nock(API).get('/v1/items').query({ kept: 'yes' }).reply(200, { ok: true });
  const { bundles } = await run(app, 'testModule', { connection: acme.get() });
  api.done();
  expect(bundles).toEqual([{ ok: true }]);
});

// Conformance rows R18 (lib/runtime/README.md): redirects are followed by the runtime, hop by hop,
// each hop checked against the allow-list (X1), mapped by hostMap (X3) and logged.
import nock from 'nock';
import type { BaseSpec, ConnectionSpec, ModuleSpec, RequestSpec } from '../../lib/types';
import type { Connection, HttpLogEntry } from '../../lib/runtime';
import { API, CREDENTIALS, apiKeyConnection, testApp, testModule } from './helpers/app';
import { capture } from './helpers/http';
import { installLeakCheck } from './helpers/leak-check';
import { connect, failure, load, run } from './helpers/runtime';

installLeakCheck();

const FILES = 'https://files.example.test';
const EVIL = 'https://evil.example';
const SIM = 'http://127.0.0.1:8787';
const KEY = CREDENTIALS.apiKey;

/** Connection data in a custom header (kept on every hop) and in Authorization (dropped cross-host). */
const keyBase: BaseSpec = {
  baseUrl: API,
  headers: { 'X-Api-Key': '{{connection.apiKey}}', Authorization: 'Key {{connection.apiKey}}' },
  log: { sanitize: ['request.headers.x-api-key', 'request.headers.authorization'] },
};

function keyModule(
  name: string,
  communication: RequestSpec,
  type: 'action' | 'search' = 'action',
): ModuleSpec {
  const input = { name, type, connection: 'acmeKey', communication };
  return testModule(input as Parameters<typeof testModule>[0]);
}

const asOutput = { output: '{{body}}' };
const statusOutput = { output: { status: '{{statusCode}}', location: '{{headers.location}}' } };

const modules = [
  keyModule('list', { url: '/v1/items', response: { iterate: '{{body}}' } }, 'search'),
  keyModule('create', {
    url: '/v1/items',
    method: 'POST',
    body: { name: 'pen' },
    response: asOutput,
  }),
  keyModule('replace', {
    url: '/v1/items/1',
    method: 'PUT',
    body: { name: 'pen' },
    response: asOutput,
  }),
  keyModule('get', { url: '/v1/items/1', followRedirects: false, response: statusOutput }),
  keyModule('post', {
    url: '/v1/items',
    method: 'POST',
    body: { name: 'pen' },
    followAllRedirects: false,
    response: statusOutput,
  }),
  // Declares files.example.test by naming it literally (X2).
  keyModule('file', { url: `${FILES}/v1/files/1`, response: asOutput }),
];

const connectionSpec: ConnectionSpec = apiKeyConnection();

async function redirectApp() {
  return load(testApp({ base: keyBase, connections: [connectionSpec], modules }));
}

async function keyConnection(app: Awaited<ReturnType<typeof redirectApp>>): Promise<Connection> {
  const me = nock(API).get('/v1/me').reply(200, { id: 'acct-1', name: 'Acme' });
  const connection = await connect(app, 'acmeKey', { apiKey: KEY });
  me.done();
  return connection;
}

let app: Awaited<ReturnType<typeof redirectApp>>;
let connection: Connection;
beforeAll(async () => {
  app = await redirectApp();
  connection = await keyConnection(app);
});

const moved = (location: string): Record<string, string> => ({ Location: location });

/** The log reduced to what the table asserts: method, url, qs, hop, sentTo, status. */
function hops(requests: HttpLogEntry[]): unknown[] {
  return requests.map((entry) => ({
    method: entry.request.method,
    url: entry.request.url,
    qs: entry.request.qs,
    ...(entry.redirect !== undefined ? { redirect: entry.redirect } : {}),
    ...(entry.sentTo !== undefined ? { sentTo: entry.sentTo } : {}),
    status: entry.response?.statusCode ?? entry.error?.code,
  }));
}

interface FollowCase {
  name: string;
  module: string;
  hostMap?: Record<string, string>;
  /** Interceptors for exactly the requests the case must send, in order, on their origins. */
  mock: () => nock.Scope[];
  bundles: unknown[];
  log: unknown[];
  /** Headers (beyond host/content-length) and body of each request sent, in order. */
  sent?: Array<{ method: string; path: string; headers: Record<string, string>; body: string }>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const KEY_HEADERS = { 'x-api-key': KEY, authorization: `Key ${KEY}` };

const followCases: FollowCase[] = [
  {
    name: 'R18 a 302 on the same host is followed; each hop is its own log entry',
    module: 'list',
    mock: () => [
      nock(API)
        .get('/v1/items')
        .reply(302, '', moved('/v2/items?page=1'))
        .get('/v2/items')
        .query({ page: '1' })
        .reply(200, [{ id: 1 }]),
    ],
    bundles: [{ id: 1 }],
    log: [
      { method: 'GET', url: `${API}/v1/items`, qs: {}, status: 302 },
      { method: 'GET', url: `${API}/v2/items`, qs: { page: '1' }, redirect: 1, status: 200 },
    ],
    sent: [
      { method: 'GET', path: '/v1/items', headers: KEY_HEADERS, body: '' },
      { method: 'GET', path: '/v2/items?page=1', headers: KEY_HEADERS, body: '' },
    ],
  },
  {
    name: 'R18 a 301 to another declared host is followed, without Authorization (other headers kept)',
    module: 'list',
    mock: () => [
      nock(API)
        .get('/v1/items')
        .reply(301, '', moved(`${FILES}/v1/items`)),
      nock(FILES)
        .get('/v1/items')
        .reply(200, [{ id: 2 }]),
    ],
    bundles: [{ id: 2 }],
    log: [
      { method: 'GET', url: `${API}/v1/items`, qs: {}, status: 301 },
      { method: 'GET', url: `${FILES}/v1/items`, qs: {}, redirect: 1, status: 200 },
    ],
    sent: [
      { method: 'GET', path: '/v1/items', headers: KEY_HEADERS, body: '' },
      { method: 'GET', path: '/v1/items', headers: { 'x-api-key': KEY }, body: '' },
    ],
  },
  {
    name: 'R18 303 after a POST: the next hop is a GET without body or Content-Type',
    module: 'create',
    mock: () => [
      nock(API)
        .post('/v1/items', { name: 'pen' })
        .reply(303, '', moved('/v1/items/7'))
        .get('/v1/items/7')
        .reply(200, { id: 7 }),
    ],
    bundles: [{ id: 7 }],
    log: [
      { method: 'POST', url: `${API}/v1/items`, qs: {}, status: 303 },
      { method: 'GET', url: `${API}/v1/items/7`, qs: {}, redirect: 1, status: 200 },
    ],
    sent: [
      {
        method: 'POST',
        path: '/v1/items',
        headers: { ...KEY_HEADERS, ...JSON_HEADERS },
        body: '{"name":"pen"}',
      },
      { method: 'GET', path: '/v1/items/7', headers: KEY_HEADERS, body: '' },
    ],
  },
  {
    name: 'R18 302 after a POST (followAllRedirects default true) becomes a GET without body',
    module: 'create',
    mock: () => [
      nock(API)
        .post('/v1/items', { name: 'pen' })
        .reply(302, '', moved('/v1/items/8'))
        .get('/v1/items/8')
        .reply(200, { id: 8 }),
    ],
    bundles: [{ id: 8 }],
    log: [
      { method: 'POST', url: `${API}/v1/items`, qs: {}, status: 302 },
      { method: 'GET', url: `${API}/v1/items/8`, qs: {}, redirect: 1, status: 200 },
    ],
  },
  {
    name: 'R18 307 and 308 keep the method and the body',
    module: 'create',
    mock: () => [
      nock(API)
        .post('/v1/items', { name: 'pen' })
        .reply(307, '', moved('/v2/items'))
        .post('/v2/items', { name: 'pen' })
        .reply(308, '', moved('/v3/items'))
        .post('/v3/items', { name: 'pen' })
        .reply(201, { id: 9 }),
    ],
    bundles: [{ id: 9 }],
    log: [
      { method: 'POST', url: `${API}/v1/items`, qs: {}, status: 307 },
      { method: 'POST', url: `${API}/v2/items`, qs: {}, redirect: 1, status: 308 },
      { method: 'POST', url: `${API}/v3/items`, qs: {}, redirect: 2, status: 201 },
    ],
    sent: ['/v1/items', '/v2/items', '/v3/items'].map((path) => ({
      method: 'POST',
      path,
      headers: { ...KEY_HEADERS, ...JSON_HEADERS },
      body: '{"name":"pen"}',
    })),
  },
  {
    name: 'R18 a 301 after a PUT keeps the method and the body',
    module: 'replace',
    mock: () => [
      nock(API)
        .put('/v1/items/1', { name: 'pen' })
        .reply(301, '', moved('/v2/items/1'))
        .put('/v2/items/1', { name: 'pen' })
        .reply(200, { id: 1 }),
    ],
    bundles: [{ id: 1 }],
    log: [
      { method: 'PUT', url: `${API}/v1/items/1`, qs: {}, status: 301 },
      { method: 'PUT', url: `${API}/v2/items/1`, qs: {}, redirect: 1, status: 200 },
    ],
  },
  {
    name: 'R18 followRedirects: false returns the 3xx response as is',
    module: 'get',
    mock: () => [nock(API).get('/v1/items/1').reply(301, '', moved('/v2/items/1'))],
    bundles: [{ status: 301, location: '/v2/items/1' }],
    log: [{ method: 'GET', url: `${API}/v1/items/1`, qs: {}, status: 301 }],
  },
  {
    name: 'R18 followAllRedirects: false returns the 3xx of a POST as is',
    module: 'post',
    mock: () => [nock(API).post('/v1/items', { name: 'pen' }).reply(302, '', moved('/v1/items/1'))],
    bundles: [{ status: 302, location: '/v1/items/1' }],
    log: [{ method: 'POST', url: `${API}/v1/items`, qs: {}, status: 302 }],
  },
  {
    name: 'R18 a 3xx without Location is the response',
    module: 'list',
    mock: () => [nock(API).get('/v1/items').reply(302, [])],
    bundles: [],
    log: [{ method: 'GET', url: `${API}/v1/items`, qs: {}, status: 302 }],
  },
  {
    name: 'R18 hostMap applies to every hop: a Location on the real host and one naming the mapped origin',
    module: 'list',
    hostMap: { 'api.example.test': SIM },
    mock: () => [
      nock(SIM)
        .get('/v1/items')
        .reply(302, '', moved(`${API}/v2/items`))
        .get('/v2/items')
        .reply(307, '', moved(`${SIM}/v3/items`))
        .get('/v3/items')
        .reply(200, [{ id: 3 }]),
    ],
    bundles: [{ id: 3 }],
    log: [
      { method: 'GET', url: `${API}/v1/items`, qs: {}, sentTo: SIM, status: 302 },
      { method: 'GET', url: `${API}/v2/items`, qs: {}, redirect: 1, sentTo: SIM, status: 307 },
      { method: 'GET', url: `${API}/v3/items`, qs: {}, redirect: 2, sentTo: SIM, status: 200 },
    ],
    sent: ['/v1/items', '/v2/items', '/v3/items'].map((path) => ({
      method: 'GET',
      path,
      headers: KEY_HEADERS,
      body: '',
    })),
  },
];

describe('R18 redirects are followed hop by hop', () => {
  test.each(followCases)('$name', async ({ module, hostMap, mock, bundles, log, sent }) => {
    const scopes = mock();
    const seen = scopes.map((scope) => capture(scope));
    const result = await run(app, module, { connection, ...(hostMap ? { hostMap } : {}) });
    for (const scope of scopes) scope.done();
    expect(result.bundles).toEqual(bundles);
    expect(hops(result.log.requests)).toEqual(log);
    // Secrets in the hops' logged headers are masked like the first request's.
    for (const entry of result.log.requests) {
      const key = entry.request.headers['X-Api-Key'];
      expect(key).toBe('[REDACTED]');
    }
    if (sent) expect(seen.flat()).toEqual(sent);
  });
});

/** An interceptor on evil.example that must never be hit; removed after the assertion. */
function trap(path: string): { interceptor: nock.Interceptor; scope: nock.Scope } {
  const scope = nock(EVIL);
  const interceptor = scope.get(path);
  interceptor.reply(200, { stolen: true });
  return { interceptor, scope };
}

interface RefusedCase {
  name: string;
  /** A module run, or the connection's own verification call. */
  act: () => Promise<unknown>;
  mock: () => nock.Scope;
  /** The hop that was refused, as logged (module runs: the error carries the run log). */
  refused: Record<string, unknown>;
  logged: boolean;
}

const requestsOf = (error: Record<string, unknown>): HttpLogEntry[] =>
  (error.log as { requests: HttpLogEntry[] }).requests;

const refusedCases: RefusedCase[] = [
  {
    name: 'R18 a 302 to an undeclared host is refused: the API key is never sent there',
    act: () => run(app, 'list', { connection }),
    mock: () =>
      nock(API)
        .get('/v1/items')
        .reply(302, '', moved(`${EVIL}/steal`)),
    refused: { redirect: 1, request: { method: 'GET', url: `${EVIL}/steal` } },
    logged: true,
  },
  {
    name: 'R18 the hostMap does not widen the allow-list for a hop',
    act: () => run(app, 'list', { connection, hostMap: { 'api.example.test': SIM } }),
    mock: () =>
      nock(SIM)
        .get('/v1/items')
        .reply(307, '', moved(`${EVIL}/steal`)),
    refused: { redirect: 1, request: { url: `${EVIL}/steal` } },
    logged: true,
  },
  {
    name: "R18 a connection's own request may not be redirected to an undeclared host",
    act: () => connect(app, 'acmeKey', { apiKey: KEY }),
    mock: () =>
      nock(API)
        .get('/v1/me')
        .reply(302, '', moved(`${EVIL}/steal`)),
    refused: { redirect: 1, request: { url: `${EVIL}/steal` } },
    // createConnection's errors carry the request, not a run log.
    logged: false,
  },
];

describe('R18 a redirect never takes connection data to an undeclared host', () => {
  test.each(refusedCases)('$name', async ({ act, mock, refused, logged }) => {
    const api = mock();
    const evil = trap('/steal');
    const error = await failure(act());
    api.done();
    expect(evil.scope.isDone()).toBe(false);
    nock.removeInterceptor(evil.interceptor);
    expect(error).toMatchObject({ type: 'InvalidConfigurationError', code: 'HOST_NOT_ALLOWED' });
    expect(error.message).toContain('refused to send connection data to evil.example');
    // The error names the refused hop, with the key masked.
    expect(error.request).toMatchObject({
      url: `${EVIL}/steal`,
      headers: { 'X-Api-Key': '[REDACTED]' },
    });
    if (logged) {
      const log = requestsOf(error);
      expect(log).toHaveLength(2);
      expect(log[0]?.response?.statusCode).toBeGreaterThanOrEqual(300);
      expect(log[1]).toMatchObject({ ...refused, error: { code: 'HOST_NOT_ALLOWED' } });
    } else {
      expect(error.log).toBeUndefined();
    }
  });
});

describe('R18 limits', () => {
  test('R18 more than 10 redirects is a RuntimeError TOO_MANY_REDIRECTS after 11 requests', async () => {
    const api = nock(API).get('/v1/items').times(11).reply(302, '', moved('/v1/items'));
    const error = await failure(run(app, 'list', { connection }));
    api.done();
    expect(error).toMatchObject({
      type: 'RuntimeError',
      code: 'TOO_MANY_REDIRECTS',
      statusCode: 302,
    });
    expect(error.message).toBe(
      `module list: GET ${API}/v1/items was redirected more than 10 times (last: 302 from GET ${API}/v1/items); stopped.`,
    );
    const log = requestsOf(error);
    expect(log.map((entry) => entry.redirect)).toEqual([undefined, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('R18 a Location that is not an http(s) URL is INVALID_RESPONSE', async () => {
    const api = nock(API).get('/v1/items').reply(302, '', moved('file:///etc/passwd'));
    const error = await failure(run(app, 'list', { connection }));
    api.done();
    expect(error).toMatchObject({ type: 'RuntimeError', code: 'INVALID_RESPONSE' });
    expect(error.message).toContain('which is not an http(s) URL');
  });

  test('R18 hops do not count against the request cap', async () => {
    const api = nock(API)
      .get('/v1/items')
      .reply(302, '', moved('/v2/items'))
      .get('/v2/items')
      .reply(200, [{ id: 1 }]);
    const { bundles } = await run(app, 'list', { connection, caps: { requests: 1 } });
    api.done();
    expect(bundles).toEqual([{ id: 1 }]);
  });
});

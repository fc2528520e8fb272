// Conformance rows F1-F9 (lib/runtime/README.md): faults. Each is a clear typed error (or a
// correct empty result), never a crash.
import nock from 'nock';
import type { BaseSpec } from '../../lib/types';
import { API, bearerBase, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const list = testModule({
  name: 'list',
  communication: { url: '/v1/items', response: { iterate: '{{body.items}}' } },
});

/** An error table in the style of the Hotmart base (hotmart-api §3.6). */
const mappedBase: BaseSpec = {
  ...bearerBase,
  timeout: 200,
  response: {
    error: {
      message: '[{{statusCode}}] {{ifempty(body.error_description, "API error")}}',
      '429': {
        type: 'RateLimitError',
        message: '[429] Rate limit; resets in {{headers.`ratelimit-reset`}} s',
      },
      '500': { type: 'ConnectionError', message: '[500] {{body.error}}' },
      '503': { type: 'ConnectionError', message: '[503] unavailable' },
    },
  },
};

interface Case {
  name: string;
  base?: BaseSpec;
  mock: (api: nock.Scope) => nock.Scope;
  error?: Record<string, unknown>;
  message?: RegExp;
  bundles?: unknown[];
}

const cases: Case[] = [
  {
    name: 'F1 a connection reset is a ConnectionError (NETWORK)',
    mock: (api) =>
      api.get('/v1/items').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }),
    error: { type: 'ConnectionError', code: 'NETWORK', statusCode: undefined },
    message: /GET https:\/\/api\.example\.test\/v1\/items failed: ECONNRESET \(socket hang up\)/,
  },
  {
    name: 'F2 no response within the base timeout is a ConnectionError (TIMEOUT)',
    base: mappedBase,
    mock: (api) => api.get('/v1/items').delay(1000).reply(200, { items: [] }),
    error: { type: 'ConnectionError', code: 'TIMEOUT' },
    message: /got no response within 0\.2 s/,
  },
  {
    name: 'F3 a 429 with RateLimit-Reset: the declared RateLimitError, with resetSeconds',
    base: mappedBase,
    mock: (api) =>
      api
        .get('/v1/items')
        .reply(
          429,
          { error: 'too_many_requests' },
          { 'RateLimit-Reset': '17', 'RateLimit-Remaining': '0' },
        ),
    error: {
      type: 'RateLimitError',
      statusCode: 429,
      resetSeconds: 17,
      message: '[429] Rate limit; resets in 17 s',
    },
  },
  {
    name: 'F3 a 429 with no error directives is still a RateLimitError, the reset in the message',
    mock: (api) =>
      api.get('/v1/items').reply(429, { error: 'too_many_requests' }, { 'RateLimit-Reset': '5' }),
    error: {
      type: 'RateLimitError',
      resetSeconds: 5,
      message: '[429] too_many_requests (the rate limit resets in 5 s)',
    },
  },
  {
    name: 'F4 500 maps to the declared ConnectionError',
    base: mappedBase,
    mock: (api) => api.get('/v1/items').reply(500, { error: 'internal_server_error' }),
    error: {
      type: 'ConnectionError',
      code: 'HTTP_STATUS',
      statusCode: 500,
      message: '[500] internal_server_error',
    },
  },
  {
    name: 'F4 502 without an entry uses the top-level message and RuntimeError',
    base: mappedBase,
    mock: (api) =>
      api
        .get('/v1/items')
        .reply(502, { error: 'internal_server_error', error_description: 'Query took too long' }),
    error: { type: 'RuntimeError', statusCode: 502, message: '[502] Query took too long' },
  },
  {
    name: 'F4 503 maps to the declared ConnectionError',
    base: mappedBase,
    mock: (api) => api.get('/v1/items').reply(503, { error: 'internal_server_error' }),
    error: { type: 'ConnectionError', statusCode: 503, message: '[503] unavailable' },
  },
  {
    name: 'F5 an HTML 502 page with no directives: the status text, never the HTML',
    mock: (api) =>
      api
        .get('/v1/items')
        .reply(502, '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', {
          'Content-Type': 'text/html',
        }),
    error: { type: 'RuntimeError', statusCode: 502, message: '[502] Bad Gateway' },
  },
  {
    name: 'F5 an HTML page with status 200 is an INVALID_RESPONSE, not data',
    mock: (api) =>
      api.get('/v1/items').reply(200, '<html><body>Login</body></html>', {
        'Content-Type': 'text/html; charset=utf-8',
      }),
    error: { type: 'RuntimeError', code: 'INVALID_RESPONSE', statusCode: 200 },
    message: /answered 200 with an HTML page instead of data/,
  },
  {
    name: 'F6 truncated JSON is an INVALID_RESPONSE naming the size and content type',
    mock: (api) =>
      api
        .get('/v1/items')
        .reply(200, '{"items": [{"id": 1}, {"id"', { 'Content-Type': 'application/json' }),
    error: { type: 'RuntimeError', code: 'INVALID_RESPONSE' },
    message: /not valid JSON \(27 bytes, application\/json; truncated or not JSON/,
  },
  {
    name: 'F7 an empty body with 200 is an empty result',
    mock: (api) => api.get('/v1/items').reply(200, '', { 'Content-Type': 'application/json' }),
    bundles: [],
  },
  {
    name: 'F8 an iterate container that is not an array is an INVALID_RESPONSE',
    mock: (api) => api.get('/v1/items').reply(200, { items: { id: 1 } }),
    error: { type: 'RuntimeError', code: 'INVALID_RESPONSE' },
    message: /module list › iterate: evaluated to an object; expected an array of items/,
  },
];

describe('faults (F rows)', () => {
  test.each(cases)('$name', async (c) => {
    const app = await load(testApp({ modules: [list], ...(c.base ? { base: c.base } : {}) }));
    const api = c.mock(nock(API));
    const promise = run(app, 'list', { connection: acme.get() });
    if (c.bundles) {
      expect((await promise).bundles).toEqual(c.bundles);
    } else {
      const error = await failure(promise);
      expect(error).toMatchObject(c.error ?? {});
      if (c.message) expect(error.message).toMatch(c.message);
      // Every error carries the sanitized request and the run log.
      expect(error.request).toMatchObject({
        method: 'GET',
        url: `${API}/v1/items`,
        headers: { Authorization: '[REDACTED]' },
      });
      expect(error.log).toBeDefined();
    }
    api.done();
  });
});

test('F9 an expression that throws is a RuntimeError naming the component and directive', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          name: 'broken',
          communication: { url: '/v1/items', qs: { n: '{{parseNumber()}}' } },
        }),
      ],
    }),
    { validate: false },
  );
  const error = await failure(run(app, 'broken', { connection: acme.get() }));
  expect(error).toMatchObject({ type: 'RuntimeError', code: 'EXPRESSION_FAILED' });
  expect(error.message).toMatch(/^module broken › qs: /);
});

test('F10 a fetch implementation that throws synchronously is a network failure, not a crash', async () => {
  const app = await load(testApp({ modules: [list] }));
  const error = await failure(
    run(app, 'list', {
      connection: acme.get(),
      fetch: () => {
        throw new TypeError('simulated bug');
      },
    }),
  );
  // A fetch implementation that throws synchronously is still a network failure, not a crash.
  expect(error).toMatchObject({ type: 'ConnectionError', code: 'NETWORK' });
  expect(error.message).toContain('simulated bug');
});

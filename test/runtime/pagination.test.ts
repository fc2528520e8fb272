// Conformance rows G1-G7 (lib/runtime/README.md): pagination, limit and Make's platform caps,
// with nock asserting every page is requested exactly once.
import fc from 'fast-check';
import nock from 'nock';
import type { RuntimeApp } from '../../lib/runtime';
import { API, CREDENTIALS, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const ids = (from: number, to: number): Array<{ id: number }> =>
  Array.from({ length: to - from }, (_, i) => ({ id: from + i }));

/** A Hotmart-style cursor search (hotmart-api §3.3): `page_token` from `page_info.next_page_token`. */
const cursorSearch = testModule({
  name: 'cursorSearch',
  mappableParameters: [
    { name: 'pageSize', type: 'uinteger', label: 'Page size' },
    { name: 'limit', type: 'uinteger', label: 'Limit' },
  ],
  communication: {
    url: '/v1/items',
    qs: { max_results: '{{parameters.pageSize}}' },
    response: {
      iterate: '{{body.items}}',
      output: { id: '{{item.id}}' },
      limit: '{{parameters.limit}}',
    },
    pagination: {
      condition: '{{body.page_info.next_page_token}}',
      qs: { page_token: '{{body.page_info.next_page_token}}' },
    },
  },
});

let cursorApp: RuntimeApp;
beforeAll(async () => {
  cursorApp = await load(testApp({ modules: [cursorSearch] }));
});

/**
 * Interceptors for every page of `total` items in pages of `size`, each answering once;
 * `served[page]` counts the requests each page received.
 */
function mockCursorPages(
  total: number,
  size: number,
  tokens: (page: number) => string,
): { api: nock.Scope; served: number[] } {
  const api = nock(API);
  const pages = Math.max(1, Math.ceil(total / size));
  const served = Array.from({ length: pages }, () => 0);
  for (let page = 0; page < pages; page += 1) {
    const query: Record<string, string> = { max_results: String(size) };
    if (page > 0) query.page_token = tokens(page);
    const more = (page + 1) * size < total;
    api
      .get('/v1/items')
      .query(query)
      .reply(200, () => {
        served[page] = (served[page] ?? 0) + 1;
        return {
          items: ids(page * size, Math.min(total, (page + 1) * size)),
          page_info: more
            ? { next_page_token: tokens(page + 1), results_per_page: size }
            : { results_per_page: size },
        };
      });
  }
  return { api, served };
}

/** `[1, 1, ..., 1, 0, ..., 0]`: the first `requested` pages once each, the rest never. */
const onceEach = (pages: number, requested: number): number[] =>
  Array.from({ length: pages }, (_, page) => (page < requested ? 1 : 0));

test('G4 the cursor from the previous body drives the next request; the last page has no token', async () => {
  const { api } = mockCursorPages(7, 3, (p) => `tok-${p}`);
  const { bundles, log } = await run(cursorApp, 'cursorSearch', {
    connection: acme.get(),
    parameters: { pageSize: 3 },
  });
  api.done();
  expect(bundles).toEqual(ids(0, 7));
  expect(log.requests.map((r) => [r.page, r.request.qs])).toEqual([
    [1, { max_results: '3' }],
    [2, { max_results: '3', page_token: 'tok-1' }],
    [3, { max_results: '3', page_token: 'tok-2' }],
  ]);
  expect(log.warnings).toEqual([]);
});

test('G5 reaching limit stops paging: no request for the next page', async () => {
  const api = nock(API)
    .get('/v1/items')
    .query({ max_results: '3' })
    .reply(200, { items: ids(0, 3), page_info: { next_page_token: 't1' } })
    .get('/v1/items')
    .query({ max_results: '3', page_token: 't1' })
    .reply(200, { items: ids(3, 6), page_info: { next_page_token: 't2' } });
  const { bundles } = await run(cursorApp, 'cursorSearch', {
    connection: acme.get(),
    parameters: { pageSize: 3, limit: 5 },
  });
  api.done();
  expect(bundles).toEqual(ids(0, 5));
});

test('G5 without a condition, paging stops on the first empty page', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          name: 'offsetSearch',
          communication: {
            url: '/v1/items',
            qs: { page: 1 },
            response: { iterate: '{{body.items}}' },
            pagination: { qs: { page: '{{pagination.page}}' } },
          },
        }),
      ],
    }),
  );
  const api = nock(API)
    .get('/v1/items')
    .query({ page: '1' })
    .reply(200, { items: ids(0, 2) })
    .get('/v1/items')
    .query({ page: '2' })
    .reply(200, { items: ids(2, 3) })
    .get('/v1/items')
    .query({ page: '3' })
    .reply(200, { items: [] });
  const { bundles } = await run(app, 'offsetSearch', { connection: acme.get() });
  api.done();
  expect(bundles).toEqual(ids(0, 3));
});

test('G1 mergeWithParent (default): url and method override, qs and headers merge, pagination wins per key', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          name: 'mergedSearch',
          communication: {
            url: '/v1/search',
            method: 'POST',
            headers: { 'X-Mode': 'first', 'X-Keep': 'yes' },
            qs: { size: 2, sort: 'id' },
            body: { q: 'all' },
            response: { iterate: '{{body.items}}' },
            pagination: {
              url: '/v1/search/next',
              method: 'GET',
              headers: { 'X-Mode': 'next' },
              qs: { sort: 'id-desc', cursor: '{{body.next}}' },
              condition: '{{body.next}}',
            },
          },
        }),
      ],
    }),
  );
  const api = nock(API)
    .post('/v1/search', { q: 'all' })
    .query({ size: '2', sort: 'id' })
    .matchHeader('x-mode', 'first')
    .reply(200, { items: ids(0, 2), next: 'c2' })
    .get('/v1/search/next')
    .query({ size: '2', sort: 'id-desc', cursor: 'c2' })
    .matchHeader('x-mode', 'next')
    .matchHeader('x-keep', 'yes')
    .matchHeader('authorization', `Bearer ${CREDENTIALS.token(1)}`)
    .reply(200, { items: ids(2, 3) });
  const { bundles } = await run(app, 'mergedSearch', { connection: acme.get() });
  api.done();
  expect(bundles).toEqual(ids(0, 3));
});

test('G2 mergeWithParent false: only the pagination directives are sent (the base still applies); G3 page counts from 2', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          name: 'unmergedSearch',
          communication: {
            url: '/v1/items',
            headers: { 'X-First': 'only' },
            qs: { filter: 'x', page: 1 },
            response: { iterate: '{{body.items}}' },
            pagination: {
              mergeWithParent: false,
              url: '/v1/items',
              qs: { page: '{{pagination.page}}' },
              condition: '{{pagination.page < 4}}',
            },
          },
        }),
      ],
    }),
  );
  const seen: Array<Record<string, unknown>> = [];
  const api = nock(API)
    .get('/v1/items')
    .query({ filter: 'x', page: '1' })
    .reply(200, { items: ids(0, 1) })
    .get('/v1/items')
    .query({ page: '2' })
    .reply(200, { items: ids(1, 2) })
    .get('/v1/items')
    .query({ page: '3' })
    .reply(200, { items: ids(2, 3) });
  api.on('request', (req: { headers: Record<string, unknown> }) => seen.push(req.headers));
  const { bundles } = await run(app, 'unmergedSearch', { connection: acme.get() });
  api.done();
  expect(bundles).toEqual(ids(0, 3));
  expect(seen.map((h) => [h['x-first'], h.authorization !== undefined])).toEqual([
    ['only', true],
    [undefined, true],
    [undefined, true],
  ]);
});

test('G4 iterate.container.last is available to pagination (after= cursors)', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          name: 'afterSearch',
          communication: {
            url: '/v1/items',
            qs: { limit: 2 },
            response: { iterate: '{{body.data}}' },
            pagination: {
              qs: { after: '{{iterate.container.last.id}}' },
              condition: '{{body.has_more}}',
            },
          },
        }),
      ],
    }),
  );
  const api = nock(API)
    .get('/v1/items')
    .query({ limit: '2' })
    .reply(200, { data: ids(0, 2), has_more: true })
    .get('/v1/items')
    .query({ limit: '2', after: '1' })
    .reply(200, { data: ids(2, 3), has_more: false });
  const { bundles } = await run(app, 'afterSearch', { connection: acme.get() });
  api.done();
  expect(bundles).toEqual(ids(0, 3));
});

describe("G6 Make's platform caps", () => {
  test('50 pagination requests: the 52nd page is not requested and a warning says the result is cut', async () => {
    const { served } = mockCursorPages(60, 1, (p) => `t${p}`);
    const { bundles, log } = await run(cursorApp, 'cursorSearch', {
      connection: acme.get(),
      parameters: { pageSize: 1 },
    });
    expect(bundles).toEqual(ids(0, 51));
    expect(log.warnings.map((w) => w.code)).toEqual(['CAP_PAGINATION_REQUESTS']);
    expect(served).toEqual(onceEach(60, 51));
    nock.cleanAll();
  });

  test('3200 paginated records: the page that crosses the cap is cut and no further page is requested', async () => {
    const { served } = mockCursorPages(4000, 500, (p) => `t${p}`);
    const { bundles, log } = await run(cursorApp, 'cursorSearch', {
      connection: acme.get(),
      parameters: { pageSize: 500 },
    });
    expect(bundles).toEqual(ids(0, 3200));
    expect(log.warnings.map((w) => w.code)).toEqual(['CAP_RECORDS']);
    expect(served).toEqual(onceEach(8, 7));
    nock.cleanAll();
  });

  test('exactly 3200 records on the last page is not a cut: no warning', async () => {
    const { api } = mockCursorPages(3200, 400, (p) => `t${p}`);
    const { bundles, log } = await run(cursorApp, 'cursorSearch', {
      connection: acme.get(),
      parameters: { pageSize: 400 },
    });
    api.done();
    expect(bundles).toHaveLength(3200);
    expect(log.warnings).toEqual([]);
  });

  test('the caps option lifts the caps (Infinity) or lowers them', async () => {
    const { api: all } = mockCursorPages(60, 1, (p) => `t${p}`);
    const lifted = await run(cursorApp, 'cursorSearch', {
      connection: acme.get(),
      parameters: { pageSize: 1 },
      caps: { paginationRequests: Infinity, requests: Infinity, records: Infinity },
    });
    all.done();
    expect(lifted.bundles).toHaveLength(60);

    const few = mockCursorPages(10, 2, (p) => `t${p}`);
    const lowered = await run(cursorApp, 'cursorSearch', {
      connection: acme.get(),
      parameters: { pageSize: 2 },
      caps: { requests: 3 },
    });
    expect(lowered.bundles).toEqual(ids(0, 6));
    expect(lowered.log.warnings.map((w) => w.code)).toEqual(['CAP_REQUESTS']);
    expect(few.served).toEqual(onceEach(5, 3));
    nock.cleanAll();
  });
});

describe('G7 pagination properties (random page sizes, tokens, limits, caps)', () => {
  test('terminates, no duplicates, no gaps, limit and caps respected, each page requested exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          total: fc.integer({ min: 0, max: 240 }),
          size: fc.integer({ min: 1, max: 40 }),
          tokens: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), {
            minLength: 240,
            maxLength: 240,
          }),
          limit: fc.option(fc.integer({ min: 0, max: 260 }), { nil: undefined }),
          caps: fc.record({
            paginationRequests: fc.integer({ min: 0, max: 12 }),
            requests: fc.integer({ min: 1, max: 14 }),
            records: fc.integer({ min: 0, max: 260 }),
          }),
        }),
        async ({ total, size, tokens, limit, caps }) => {
          nock.cleanAll();
          const { served } = mockCursorPages(total, size, (p) => tokens[p] as string);
          const parameters: Record<string, unknown> = { pageSize: size };
          if (limit !== undefined) parameters.limit = limit;
          const { bundles, log } = await run(cursorApp, 'cursorSearch', {
            connection: acme.get(),
            parameters,
            caps,
          });

          const maxPages = Math.min(caps.paginationRequests + 1, caps.requests);
          const wanted = Math.min(total, limit ?? Infinity);
          const expected = Math.min(wanted, caps.records, maxPages * size);
          // No gaps, no duplicates, in order: exactly the first `expected` items.
          expect(bundles).toEqual(ids(0, expected));
          // Each page requested exactly once (one interceptor per page), and only the pages needed.
          const requested = Math.max(1, Math.ceil(expected / size));
          expect(served).toEqual(onceEach(served.length, requested));
          expect(log.requests).toHaveLength(requested);
          // A warning exactly when a cap (not the data or the limit) cut the result.
          expect(log.warnings.length > 0).toBe(expected < wanted);
          nock.cleanAll();
        },
      ),
      { numRuns: 25 },
    );
  }, 30_000);
});

test('G8 a long run keeps the first and last 25 requests and a note of the rest, and counts all', async () => {
  const { api } = mockCursorPages(120, 2, (p) => `tok-${p}`);
  const { bundles, log } = await run(cursorApp, 'cursorSearch', {
    connection: acme.get(),
    parameters: { pageSize: 2 },
    caps: { paginationRequests: Infinity, requests: Infinity, records: Infinity },
  });
  api.done();
  expect(bundles).toHaveLength(120);
  expect(log.requestCount).toBe(60);
  expect(log.requests.map((r) => r.page)).toEqual([
    ...Array.from({ length: 25 }, (_, i) => i + 1),
    ...Array.from({ length: 25 }, (_, i) => i + 36),
  ]);
  const note = log.entries[25];
  expect(note).toEqual({
    kind: 'info',
    code: 'LOG_TRUNCATED',
    message: '10 request(s) after the first 25 are not kept in the log; the last 25 follow.',
  });
});

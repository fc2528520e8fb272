// Conformance rows T1-T3 (lib/runtime/README.md): streamModule is lazy and page by page.
import nock from 'nock';
import { API, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { load, stream } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const search = testModule({
  name: 'pages',
  communication: {
    url: '/v1/items',
    qs: { page: 1 },
    response: { iterate: '{{body.items}}' },
    pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.more}}' },
  },
});

test('T1 nothing is requested before iteration, and the next page only when the consumer reaches it', async () => {
  const app = await load(testApp({ modules: [search] }));
  const served: number[] = [];
  const api = nock(API)
    .get('/v1/items')
    .query({ page: '1' })
    .reply(200, () => (served.push(1), { items: [{ id: 1 }, { id: 2 }], more: true }))
    .get('/v1/items')
    .query({ page: '2' })
    .reply(200, () => (served.push(2), { items: [{ id: 3 }], more: false }));
  const bundles = stream(app, 'pages', { connection: acme.get() });
  await new Promise((resolve) => setImmediate(resolve));
  expect(served).toEqual([]);
  const iterator = bundles[Symbol.asyncIterator]();
  expect(await iterator.next()).toEqual({ done: false, value: { id: 1 } });
  expect(await iterator.next()).toEqual({ done: false, value: { id: 2 } });
  expect(served).toEqual([1]);
  expect(await iterator.next()).toEqual({ done: false, value: { id: 3 } });
  expect(served).toEqual([1, 2]);
  expect((await iterator.next()).done).toBe(true);
  api.done();
  expect(bundles.log.requests).toHaveLength(2);
});

test('T2 an error on a later page arrives after the earlier bundles, with the log attached', async () => {
  const app = await load(testApp({ modules: [search] }));
  const api = nock(API)
    .get('/v1/items')
    .query({ page: '1' })
    .reply(200, { items: [{ id: 1 }], more: true })
    .get('/v1/items')
    .query({ page: '2' })
    .reply(503, { error: 'unavailable' });
  const received: unknown[] = [];
  const bundles = stream(app, 'pages', { connection: acme.get() });
  let caught: unknown;
  try {
    for await (const bundle of bundles) received.push(bundle);
  } catch (error) {
    caught = error;
  }
  api.done();
  expect(received).toEqual([{ id: 1 }]);
  expect(caught).toMatchObject({
    type: 'RuntimeError',
    statusCode: 503,
    message: '[503] unavailable',
  });
  expect((caught as { log: unknown }).log).toBe(bundles.log);
});

test('T3 a consumer that stops early makes no further requests', async () => {
  const app = await load(testApp({ modules: [search] }));
  const api = nock(API)
    .get('/v1/items')
    .query({ page: '1' })
    .reply(200, { items: [{ id: 1 }, { id: 2 }], more: true });
  for await (const bundle of stream(app, 'pages', { connection: acme.get() })) {
    expect(bundle).toEqual({ id: 1 });
    break;
  }
  api.done();
});

// Conformance row T8 (lib/runtime/README.md): a polling trigger's epoch ("Choose where to start"
// → "Choose manually") through the public `runEpoch`; a chosen item starts runTrigger.
import path from 'node:path';
import nock from 'nock';
import {
  createConnection,
  loadApp,
  runEpoch,
  runTrigger,
  type RuntimeApp,
} from '../../lib/runtime';
import { API, testApp, testModule, untyped } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const watchOrders = testModule({
  name: 'watchOrders',
  type: 'trigger',
  staticParameters: [{ name: 'shop', type: 'text', label: 'Shop', required: true }],
  communication: {
    url: '/v1/shops/{{parameters.shop}}/orders',
    qs: { after: '{{data.lastDate}}' },
    response: {
      iterate: '{{body.orders}}',
      output: { id: '{{item.id}}', total: '{{item.total}}' },
      trigger: { type: 'date', order: 'desc', id: '{{item.id}}', date: '{{item.placed}}' },
    },
    pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.more}}' },
  },
  epoch: {
    qs: { fields: 'id,placed' },
    response: {
      output: { label: 'Order {{item.id}}', date: '{{item.placed}}' },
    },
  },
} as Parameters<typeof testModule>[0]);

const order = (id: number): { id: number; total: number; placed: string } => ({
  id,
  total: id * 10,
  placed: new Date(Date.UTC(2026, 5, id, 9)).toISOString(),
});

let app: RuntimeApp;
beforeAll(async () => {
  app = await load(
    testApp({ modules: [watchOrders, testModule({ communication: { url: '/x' } })] }),
  );
});

test('T8 the epoch is merged over the trigger’s request: choices {label, date}, paged within the RPC bound', async () => {
  const api = nock(API)
    .get('/v1/shops/north/orders')
    .query({ fields: 'id,placed' })
    .reply(200, { orders: [order(3), order(2)], more: true })
    .get('/v1/shops/north/orders')
    .query({ fields: 'id,placed', page: '2' })
    .reply(200, { orders: [order(1)], more: true })
    .get('/v1/shops/north/orders')
    .query({ fields: 'id,placed', page: '3' })
    .reply(200, { orders: [order(0)], more: true });
  const { items, starts, log } = await runEpoch(app, 'watchOrders', {
    connection: acme.get(),
    parameters: { shop: 'north' },
  });
  api.done();
  expect(items).toEqual([
    { label: 'Order 3', date: order(3).placed },
    { label: 'Order 2', date: order(2).placed },
    { label: 'Order 1', date: order(1).placed },
    { label: 'Order 0', date: order(0).placed },
  ]);
  expect(starts).toEqual(items.map((item) => ({ date: item.date })));
  expect(log.warnings.map((entry) => entry.code)).toEqual(['CAP_PAGINATION_REQUESTS']);
});

test('T8 a chosen item starts the trigger: only later items are emitted', async () => {
  const chosen = order(2).placed;
  const api = nock(API)
    .get('/v1/shops/north/orders')
    .query({ after: chosen })
    .reply(200, { orders: [order(4), order(3), order(2)], more: false });
  const { bundles, state } = await runTrigger(app, 'watchOrders', {
    connection: acme.get(),
    parameters: { shop: 'north' },
    start: { date: chosen },
  });
  api.done();
  expect(bundles).toEqual([
    { id: 3, total: 30 },
    { id: 4, total: 40 },
  ]);
  expect(state).toEqual({ lastID: 4, lastDate: order(4).placed });
});

test('T8 a module without an epoch, and a bad choice, are named', async () => {
  const none = await failure(runEpoch(app, 'testModule', { connection: acme.get() }));
  expect(none).toMatchObject({ code: 'OPTION_INVALID' });
  expect(none.message).toContain('Start with all, now, a date or an id');
  const unlabeled = await load(
    testApp({
      modules: [
        untyped<typeof watchOrders>({
          ...watchOrders,
          epoch: { response: { output: '{{item.id}}' } },
        }),
      ],
    }),
    { validate: false },
  );
  nock(API)
    .get('/v1/shops/north/orders')
    .reply(200, { orders: [order(1)], more: false });
  const error = await failure(
    runEpoch(unlabeled, 'watchOrders', { connection: acme.get(), parameters: { shop: 'north' } }),
  );
  expect(error).toMatchObject({ code: 'DEFINITION_INVALID' });
  expect(error.message).toContain('watchOrders › epoch › response.output');
});

test('T8 a trigger by id: the choice’s date is the id to start after (older layout app)', async () => {
  const helpdesk = await loadApp(
    path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-helpdesk'),
  );
  nock('https://helpdesk.acme.test').get('/api/me').reply(200, {});
  const connection = await createConnection(helpdesk, 'acme', { apiKey: 'sekrit-key' }, {});
  const api = nock('https://helpdesk.acme.test')
    .get('/api/queues/q1/tickets')
    .query({ sort: '-id', page: '1' })
    .reply(200, { tickets: [{ id: 12, subject: 'Printer' }], has_more: false });
  const { items, starts } = await runEpoch(helpdesk, 'watchNewTickets', {
    connection,
    parameters: { queue: 'q1' },
  });
  api.done();
  expect(items).toEqual([{ label: '#12 Printer', date: 12 }]);
  expect(starts).toEqual([{ id: 12 }]);
});

// List Sales replayed from Hotmart-shaped answers (exact request, Hotmart's approved-only default
// left to Hotmart, dates as dates, error table and token expiry) and against the simulator.
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const HISTORY = '/payments/api/v1/sales/history';
const D = Date.UTC(2024, 4, 2, 12, 20);
const iso = (ms: number): string => new Date(ms).toISOString();

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

test('no filter: only max_results is sent (Hotmart’s default is approved and complete sales); dates as dates', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(HISTORY)
    .query({ max_results: '10' })
    .reply(200, fixture('sales-history-1'));
  const { bundles } = await run(built.runtime, 'listSales', {
    connection,
    parameters: { limit: 10 },
  });
  scope.done();
  expect(bundles.map((b) => (b.purchase as { transaction: string }).transaction)).toEqual([
    'HP0000000003',
    'HP0000000002',
    'HP0000000001',
  ]);
  expect(bundles[2]?.purchase).toMatchObject({
    order_date: iso(D),
    approved_date: iso(D + 60_000),
  });
});

test('filters in Hotmart’s names and units', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(HISTORY)
    .query({
      transaction_status: 'REFUNDED',
      product_id: '4321987',
      buyer_email: 'buyer@example.com',
      start_date: String(Date.UTC(2024, 0, 1)),
      end_date: String(Date.UTC(2024, 1, 1)),
      max_results: '5',
    })
    .reply(200, { items: [], page_info: { results_per_page: 5 } });
  const { bundles } = await run(built.runtime, 'listSales', {
    connection,
    parameters: {
      transaction_status: ['REFUNDED'],
      product_id: '4321987',
      buyer_email: 'buyer@example.com',
      start_date: '2024-01-01T00:00:00Z',
      end_date: '2024-02-01T00:00:00Z',
      limit: 5,
    },
  });
  scope.done();
  expect(bundles).toEqual([]);
});

describe('listSales', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'listSales',
    parameters: { limit: 1 },
    intercept: (api) => api.get(HISTORY).query({ max_results: '1' }),
    success: fixture('sales-history-1'),
    bundles: [
      expect.objectContaining({
        purchase: expect.objectContaining({ transaction: 'HP0000000003' }),
      }),
    ],
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 53, size: 60 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('one transaction: the simulator’s purchase, with its dates', async () => {
    const connection = await backend.connect(built.runtime);
    const subscription = backend
      .sim()
      .subscriptions()
      .find((s) => s.status === 'ACTIVE');
    const purchase = backend.sim().purchases(subscription?.subscriber_code ?? '')?.[0];
    if (purchase === undefined) throw new Error('no purchase in the data set');
    const { bundles } = await run(built.runtime, 'listSales', {
      connection,
      now: backend.now(),
      parameters: { transaction: purchase.transaction, limit: 5 },
    });
    expect(bundles).toHaveLength(1);
    expect(bundles[0]?.purchase).toMatchObject({
      transaction: purchase.transaction,
      status: purchase.status,
      ...(purchase.approved_date === undefined
        ? {}
        : { approved_date: iso(purchase.approved_date) }),
    });
  });
});

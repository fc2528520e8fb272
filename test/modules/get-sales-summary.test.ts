// Get a Sales Summary: replayed from the reference's example (one bundle per currency, filters in
// Hotmart's units, error table) and against the simulator (its totals equal the sales history's).
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const SUMMARY = '/payments/api/v1/sales/summary';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const EXPECTED = [
  { total_items: 18, total_value: { value: 812.35, currency_code: 'BRL' } },
  { total_items: 2, total_value: { value: 58, currency_code: 'USD' } },
];

test('one bundle per currency; filters in Hotmart’s names and units', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(SUMMARY)
    .query({
      product_id: '4321987',
      transaction_status: ['APPROVED', 'COMPLETE'],
      start_date: String(Date.UTC(2024, 0, 1)),
    })
    .reply(200, fixture('sales-summary'));
  const { bundles } = await run(built.runtime, 'getSalesSummary', {
    connection,
    parameters: {
      product_id: 4321987,
      transaction_status: ['APPROVED', 'COMPLETE'],
      start_date: '2024-01-01T00:00:00Z',
    },
  });
  scope.done();
  expect(bundles).toEqual(EXPECTED);
});

describe('getSalesSummary', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'getSalesSummary',
    parameters: {},
    intercept: (api) => api.get(SUMMARY),
    success: fixture('sales-summary'),
    bundles: EXPECTED,
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 71, size: 40 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('the totals count the same sales List Sales lists', async () => {
    const connection = await backend.connect(built.runtime);
    const args = { connection, now: backend.now() };
    const product = backend.sim().subscriptions()[0]?.product.id;
    const { bundles } = await run(built.runtime, 'getSalesSummary', {
      ...args,
      parameters: { product_id: product },
    });
    const sales = await run(built.runtime, 'listSales', {
      ...args,
      parameters: { product_id: product, limit: 3200 },
    });
    const count = bundles.reduce((sum, b) => sum + (b.total_items as number), 0);
    expect(count).toBe(sales.bundles.length);
    expect(count).toBeGreaterThan(0);
  });
});

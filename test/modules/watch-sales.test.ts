// Watch Sales (polling trigger on the sales history) replayed from Hotmart-shaped answers: the
// first run and a later run with state, the 3-day look-back for late approvals, Hotmart's error
// table and token expiry.
import { runTrigger, type TriggerState } from '../../lib/runtime';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, NOW, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';

const HISTORY = '/payments/api/v1/sales/history';
const D = Date.UTC(2024, 4, 2, 12, 20);
const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

test('the first run emits the sales oldest first, up to the limit; the state is the last approval', async () => {
  const connection = await connect(built.runtime);
  const seen: Seen = [];
  const scope = hotmartApi()
    .get(HISTORY)
    .query({ max_results: '500' })
    .reply(capture(seen, 200, fixture('sales-history-1')));
  const { bundles, state } = await runTrigger(built.runtime, 'watchSales', {
    connection,
    now: NOW,
    parameters: { limit: 2 },
  });
  scope.done();
  expect(bundles.map((b) => (b.purchase as { transaction: string }).transaction)).toEqual([
    'HP0000000001',
    'HP0000000002',
  ]);
  expect(bundles[0]?.purchase).toMatchObject({
    order_date: iso(D),
    approved_date: iso(D + 60_000),
    status: 'APPROVED',
  });
  expect(state).toEqual({ lastID: 'HP0000000002', lastDate: iso(D + HOUR + 60_000) });
});

test('a later run looks 3 days back and emits only sales approved since, a late approval included', async () => {
  const connection = await connect(built.runtime);
  const previous: TriggerState = JSON.parse(
    JSON.stringify({ lastID: 'HP0000000003', lastDate: iso(D + 2 * HOUR + 60_000) }),
  ) as TriggerState;
  const scope = hotmartApi()
    .get(HISTORY)
    .query({ max_results: '500', start_date: String(D + 2 * HOUR + 60_000 - 3 * 24 * HOUR) })
    .reply(200, fixture('sales-history-2'));
  const { bundles, state } = await runTrigger(built.runtime, 'watchSales', {
    connection,
    now: NOW,
    parameters: { limit: 10 },
    state: previous,
  });
  scope.done();
  // HP…4 was ordered before HP…3 but approved after it: it is new.
  expect(bundles.map((b) => (b.purchase as { transaction: string }).transaction)).toEqual([
    'HP0000000004',
    'HP0000000005',
  ]);
  expect(state).toEqual({ lastID: 'HP0000000005', lastDate: iso(D + 5 * HOUR + 60_000) });
});

test('filters by status and product are sent as Hotmart takes them', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(HISTORY)
    .query({
      max_results: '500',
      transaction_status: ['REFUNDED', 'CHARGEBACK'],
      product_id: '4321987',
    })
    .reply(200, { items: [], page_info: { results_per_page: 50 } });
  const { bundles, state } = await runTrigger(built.runtime, 'watchSales', {
    connection,
    now: NOW,
    parameters: { transaction_status: ['REFUNDED', 'CHARGEBACK'], product_id: 4321987, limit: 5 },
  });
  scope.done();
  expect(bundles).toEqual([]);
  expect(state).toEqual({});
});

describe('watchSales', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'watchSales',
    parameters: { limit: 1 },
    intercept: (api) => api.get(HISTORY).query({ max_results: '500' }),
    success: fixture('sales-history-1'),
    bundles: [
      expect.objectContaining({
        purchase: expect.objectContaining({ transaction: 'HP0000000003' }),
      }),
    ],
  });
});

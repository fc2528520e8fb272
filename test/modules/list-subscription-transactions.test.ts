// List Subscription Transactions replayed from the reference's example (exact request, Hotmart's
// 30-day default left as documented, dates as dates and nulls kept), error table, token expiry;
// and against the simulator.
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const TRANSACTIONS = '/payments/api/v1/subscriptions/transactions';
const iso = (ms: number): string => new Date(ms).toISOString();

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

test('no filter: only max_results; each charge with its dates as dates and Hotmart’s nulls kept', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(TRANSACTIONS)
    .query({ max_results: '10' })
    .reply(200, fixture('subscriptions-transactions'));
  const { bundles } = await run(built.runtime, 'listSubscriptionTransactions', {
    connection,
    parameters: { limit: 10 },
  });
  scope.done();
  expect(bundles).toHaveLength(1);
  expect(bundles[0]).toMatchObject({
    subscriber_code: 'QX7K2M9P',
    last_update: iso(1712145600000),
    adoption_date: iso(1706875200000),
    cancellation_date: null,
    recurrency: {
      status: 'NOT_PAID',
      start_datetime: iso(1712059200000),
      scheduled_retry: iso(1712232000000),
      payment_delays_days: 2,
    },
    purchase: {
      transaction: 'HP23002013377110',
      order_date: iso(1712059200000),
      approved_date: null,
      payment: { refusal_message: 'INSUFFICIENT FUNDS', pix_expiration_date: null },
    },
  });
});

test('filters in Hotmart’s names and units', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(TRANSACTIONS)
    .query({
      product_id: '4321987',
      subscriber_code: 'QX7K2M9P',
      recurrency_status: 'NOT_PAID',
      transaction_date: String(Date.UTC(2024, 3, 1)),
      end_transaction_date: String(Date.UTC(2024, 3, 30)),
      max_results: '20',
    })
    .reply(200, { items: [], page_info: { results_per_page: 20 } });
  const { bundles } = await run(built.runtime, 'listSubscriptionTransactions', {
    connection,
    parameters: {
      product_id: 4321987,
      subscriber_code: 'QX7K2M9P',
      recurrency_status: 'NOT_PAID',
      transaction_date: '2024-04-01T00:00:00Z',
      end_transaction_date: '2024-04-30T00:00:00Z',
      limit: 20,
    },
  });
  scope.done();
  expect(bundles).toEqual([]);
});

describe('listSubscriptionTransactions', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'listSubscriptionTransactions',
    parameters: { limit: 10 },
    intercept: (api) => api.get(TRANSACTIONS).query({ max_results: '10' }),
    success: fixture('subscriptions-transactions'),
    bundles: [expect.objectContaining({ subscriber_code: 'QX7K2M9P' })],
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 59, size: 60 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('one transaction: the simulator’s charge, with its order date', async () => {
    const connection = await backend.connect(built.runtime);
    const subscription = backend
      .sim()
      .subscriptions()
      .find((s) => s.status === 'ACTIVE');
    const purchase = backend
      .sim()
      .purchases(subscription?.subscriber_code ?? '')
      ?.at(-1);
    if (purchase === undefined) throw new Error('no purchase in the data set');
    const { bundles } = await run(built.runtime, 'listSubscriptionTransactions', {
      connection,
      now: backend.now(),
      parameters: { transaction: purchase.transaction, limit: 5 },
    });
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatchObject({
      subscriber_code: subscription?.subscriber_code,
      purchase: { transaction: purchase.transaction, status: purchase.status },
    });
  });
});

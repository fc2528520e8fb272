// List Subscription Summaries replayed from a Hotmart-shaped answer (exact request, dates as
// dates, Hotmart's 30-day default overridden, error table and token expiry) and against the
// simulator (the items equal the simulator's own summaries).
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const SUMMARY = '/payments/api/v1/subscriptions/summary';
const DEFAULT_QUERY = { accession_date: '946684800000', max_results: '10' };

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const EXPECTED = {
  subscriber_code: 'QX7K2M9P',
  subscription_id: 3190042,
  status: 'DELAYED',
  lifetime: 92,
  accession_date: '2024-02-02T12:00:00.000Z',
  end_accession_date: '2024-05-02T12:00:00.000Z',
  trial: false,
  plan: { name: 'Plano Mensal Pro', recurrency_period: 30 },
  product: { name: 'Academia de Fotografia', id: 4321987 },
  offer: { code: 'k8w2p1zq' },
  last_recurrency: {
    number: 4,
    request_date: '2024-04-02T12:00:00.000Z',
    status: 'NOT_PAID',
    transaction_number: 2,
    billing_type: 'SUBSCRIPTION',
  },
  unpaid_recurrencies: [{ number: 4, charge_date: 1712059200000 }],
  subscriber: { name: 'Test Subscriber', id: 88120453, email: 'subscriber@example.com' },
};

test('asks since 2000 (not Hotmart’s 30 days) and outputs each summary with dates as dates', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(SUMMARY)
    .query(DEFAULT_QUERY)
    .reply(200, fixture('subscriptions-summary'));
  const { bundles } = await run(built.runtime, 'listSubscriptionSummaries', {
    connection,
    parameters: { limit: 10 },
  });
  scope.done();
  expect(bundles).toEqual([EXPECTED]);
});

test('filters are sent in Hotmart’s units (product ID, code, dates in ms)', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(SUMMARY)
    .query({
      product_id: '4321987',
      subscriber_code: 'QX7K2M9P',
      accession_date: String(Date.UTC(2024, 0, 1)),
      end_accession_date: String(Date.UTC(2024, 5, 30)),
      max_results: '3',
    })
    .reply(200, { items: [], page_info: { results_per_page: 3 } });
  const { bundles } = await run(built.runtime, 'listSubscriptionSummaries', {
    connection,
    parameters: {
      product_id: 4321987,
      subscriber_code: 'QX7K2M9P',
      accession_date: '2024-01-01T00:00:00Z',
      end_accession_date: '2024-06-30T00:00:00Z',
      limit: 3,
    },
  });
  scope.done();
  expect(bundles).toEqual([]);
});

describe('listSubscriptionSummaries', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'listSubscriptionSummaries',
    parameters: { limit: 10 },
    intercept: (api) => api.get(SUMMARY).query(DEFAULT_QUERY),
    success: fixture('subscriptions-summary'),
    bundles: [EXPECTED],
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 47, size: 60 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('one subscriber’s summary: the simulator’s own, with its dates as ISO dates', async () => {
    const connection = await backend.connect(built.runtime);
    const target = backend.sim().subscriptions()[0];
    if (target === undefined) throw new Error('empty data set');
    const { bundles } = await run(built.runtime, 'listSubscriptionSummaries', {
      connection,
      now: backend.now(),
      parameters: { subscriber_code: target.subscriber_code, limit: 5 },
    });
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatchObject({
      subscriber_code: target.subscriber_code,
      subscription_id: target.subscription_id,
      accession_date: new Date(target.accession_date).toISOString(),
    });
  });
});

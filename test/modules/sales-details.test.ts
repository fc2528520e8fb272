// List Sales Participants, List Sales Commissions and List Sales Price Details (hotmart-api.md
// §5.3–5.5): replayed from the reference's examples (filters in Hotmart's names and units, pages
// followed, error table), then against the simulator, where each lists the same sales as List
// Sales.
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const SALES = '/payments/api/v1/sales';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const itemsOf = (name: string): unknown[] => fixture<{ items: unknown[] }>(name).items;

test('participants: every filter in Hotmart’s names and units, and the next page followed', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(`${SALES}/users`)
    .query({
      transaction_status: ['APPROVED', 'REFUNDED'],
      product_id: '4321987',
      transaction: 'HP23001902334871',
      start_date: String(Date.UTC(2024, 0, 1)),
      end_date: String(Date.UTC(2024, 11, 31, 23, 59, 59)),
      buyer_email: 'comprador@example.com',
      commission_as: 'PRODUCER',
      max_results: '5',
    })
    .reply(200, fixture('sales-users'))
    .get(`${SALES}/users`)
    .query((query) => query.page_token === 'eyJwYWdlIjoyfQ==' && query.max_results === '5')
    .reply(200, fixture('sales-users-2'));
  const { bundles } = await run(built.runtime, 'listSalesParticipants', {
    connection,
    parameters: {
      transaction_status: ['APPROVED', 'REFUNDED'],
      product_id: 4321987,
      transaction: 'HP23001902334871',
      start_date: '2024-01-01T00:00:00Z',
      end_date: '2024-12-31T23:59:59Z',
      buyer_email: 'comprador@example.com',
      commission_as: 'PRODUCER',
      limit: 5,
    },
  });
  scope.done();
  expect(bundles).toEqual([...itemsOf('sales-users'), ...itemsOf('sales-users-2')]);
});

test('commissions: the split of each sale, as Hotmart sends it', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(`${SALES}/commissions`)
    .query({ commission_as: 'AFFILIATE', max_results: '10' })
    .reply(200, fixture('sales-commissions'));
  const { bundles } = await run(built.runtime, 'listSalesCommissions', {
    connection,
    parameters: { commission_as: 'AFFILIATE', limit: 10 },
  });
  scope.done();
  expect(bundles).toEqual(itemsOf('sales-commissions'));
});

test('price details: base, taxes, fee and coupon of each sale; the limit caps the page size', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(`${SALES}/price/details`)
    .query({ transaction_status: 'CANCELLED', max_results: '500' })
    .reply(200, fixture('sales-price-details'));
  const { bundles } = await run(built.runtime, 'listSalesPriceDetails', {
    connection,
    parameters: { transaction_status: ['CANCELLED'], limit: 3200 },
  });
  scope.done();
  expect(bundles).toEqual(itemsOf('sales-price-details'));
});

describe.each([
  ['listSalesParticipants', 'users', 'sales-users-2'],
  ['listSalesCommissions', 'commissions', 'sales-commissions'],
  ['listSalesPriceDetails', 'price/details', 'sales-price-details'],
])('%s', (module, path, success) => {
  describeHotmartErrors({
    built: () => built,
    module,
    parameters: { limit: 10 },
    intercept: (api) => api.get(`${SALES}/${path}`).query({ max_results: '10' }),
    success: fixture(success),
    bundles: itemsOf(success),
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 73, size: 40 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('each lists the sales List Sales lists, with their buyers, shares and prices', async () => {
    const connection = await backend.connect(built.runtime);
    const args = { connection, now: backend.now() };
    const product = backend.sim().subscriptions()[0]?.product.id;
    const parameters = { product_id: product, limit: 3200 };
    const sales = await run(built.runtime, 'listSales', { ...args, parameters });
    const participants = await run(built.runtime, 'listSalesParticipants', {
      ...args,
      parameters,
    });
    const commissions = await run(built.runtime, 'listSalesCommissions', { ...args, parameters });
    const prices = await run(built.runtime, 'listSalesPriceDetails', { ...args, parameters });
    expect(sales.bundles.length).toBeGreaterThan(1);
    const transactions = (bundles: Record<string, unknown>[]): unknown[] =>
      bundles.map((b) => b.transaction ?? (b.purchase as Record<string, unknown>).transaction);
    for (const listed of [participants, commissions, prices]) {
      expect(transactions(listed.bundles)).toEqual(transactions(sales.bundles));
    }
    sales.bundles.forEach((sale, i) => {
      const purchase = sale.purchase as { price: { value: number; currency_code: string } };
      const buyer = (participants.bundles[i]?.users as Array<{ role: string; user: unknown }>).find(
        (user) => user.role === 'BUYER',
      );
      expect(buyer?.user).toMatchObject({ email: (sale.buyer as { email: string }).email });
      expect(prices.bundles[i]?.total).toEqual(purchase.price);
      const [share] = commissions.bundles[i]?.commissions as Array<{
        commission: { value: number; currency_value: string };
      }>;
      expect(share?.commission.currency_value).toBe(purchase.price.currency_code);
      expect(share?.commission.value).toBeLessThan(purchase.price.value);
      expect(share?.commission.value).toBeGreaterThan(0);
    });
  });

  test('a role the simulated producer never takes selects no commissions', async () => {
    const connection = await backend.connect(built.runtime);
    const { bundles } = await run(built.runtime, 'listSalesCommissions', {
      connection,
      now: backend.now(),
      parameters: { commission_as: 'AFFILIATE', limit: 100 },
    });
    expect(bundles).toEqual([]);
  });
});

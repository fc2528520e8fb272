// List Products, List Offers of a Product and List Plans of a Product (hotmart-api.md §6), and
// the plan dropdown that List Subscriptions' plan filter uses: replayed (filters, pages, the
// product lookup the offers and plans need, error table), then against the simulator.
import { runRpc } from '../../lib/runtime';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, runFailing, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const PRODUCTS = '/products/api/v1/products';
const UCODE = '8f2c6a1e-3b7d-4c55-9e1a-0b6d2f7c9a31';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const itemsOf = (name: string): Record<string, unknown>[] =>
  fixture<{ items: Record<string, unknown>[] }>(name).items;

describe('listProductCatalog', () => {
  test('filters in Hotmart’s names, pages of 50 at most, dates as dates', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PRODUCTS)
      .query({ status: 'ACTIVE', format: 'ONLINE_COURSE', max_results: '50' })
      .reply(200, fixture('products-page-1'))
      .get(PRODUCTS)
      .query({
        status: 'ACTIVE',
        format: 'ONLINE_COURSE',
        max_results: '50',
        page_token: 'eyJyb3dzIjo1MCwicGFnZSI6Mn0=',
      })
      .reply(200, fixture('products-page-2'));
    const { bundles } = await run(built.runtime, 'listProductCatalog', {
      connection,
      parameters: { status: 'ACTIVE', format: 'ONLINE_COURSE', limit: 100 },
    });
    scope.done();
    const expected = [...itemsOf('products-page-1'), ...itemsOf('products-page-2')].map((item) => ({
      ...item,
      created_at: new Date(item.created_at as number).toISOString(),
    }));
    expect(bundles).toEqual(expected);
  });

  describeHotmartErrors({
    built: () => built,
    module: 'listProductCatalog',
    parameters: { limit: 10 },
    intercept: (api) => api.get(PRODUCTS).query({ max_results: '10' }),
    success: fixture('products-page-2'),
    bundles: itemsOf('products-page-2').map((item) => ({
      ...item,
      created_at: new Date(item.created_at as number).toISOString(),
    })),
  });
});

describe('listProductOffers and listProductPlans', () => {
  test.each([
    [
      'the product is looked up for its ucode, then its offers are listed',
      'listProductOffers',
      'offers',
    ],
    ['plans: every plan, the trial only where there is one', 'listProductPlans', 'plans'],
  ] as const)('%s', async (_title, module, list) => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PRODUCTS)
      .query({ id: '4321987' })
      .reply(200, fixture('products-page-1'))
      .get(`${PRODUCTS}/${UCODE}/${list}`)
      .reply(200, fixture(`product-${list}`));
    const { bundles } = await run(built.runtime, module, {
      connection,
      parameters: { product_id: 4321987 },
    });
    scope.done();
    expect(bundles).toEqual(itemsOf(`product-${list}`));
  });

  test('an unknown product is an error that names it, and nothing else is asked', async () => {
    const connection = await connect(built.runtime);
    for (const module of ['listProductOffers', 'listProductPlans']) {
      const scope = hotmartApi()
        .get(PRODUCTS)
        .query({ id: '1' })
        .reply(200, { items: [], page_info: { results_per_page: 50 } });
      const error = await runFailing(built.runtime, module, {
        connection,
        parameters: { product_id: 1 },
      });
      scope.done();
      expect({ type: error.type, message: error.message }).toEqual({
        type: 'InvalidConfigurationError',
        message: 'Hotmart has no product with the ID 1 in this account.',
      });
    }
  });

  test('a product not sold by subscription has no plans: the plans endpoint is not asked', async () => {
    const connection = await connect(built.runtime);
    const ebook = { ...itemsOf('products-page-1')[0], is_subscription: false };
    const scope = hotmartApi()
      .get(PRODUCTS)
      .query({ id: '4321987' })
      .reply(200, { items: [ebook], page_info: { results_per_page: 50 } });
    const { bundles } = await run(built.runtime, 'listProductPlans', {
      connection,
      parameters: { product_id: 4321987 },
    });
    scope.done();
    expect(bundles).toEqual([]);
  });
});

describe('the plan dropdown (RPC listPlans)', () => {
  test('lists the chosen product’s plans valued by name, the filter List Subscriptions takes', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PRODUCTS)
      .query({ id: '4321987' })
      .reply(200, fixture('products-page-1'))
      .get(`${PRODUCTS}/${UCODE}/plans`)
      .reply(200, fixture('product-plans'));
    const { items } = await runRpc(built.runtime, 'listPlans', {
      connection,
      parameters: { product_id: 4321987 },
    });
    scope.done();
    expect(items).toEqual([
      { label: 'Plano Mensal Pro (pl7x3mqa)', value: 'Plano Mensal Pro' },
      { label: 'Plano Anual Pro (pl9k2rtb)', value: 'Plano Anual Pro' },
    ]);
  });

  test('no product chosen: no plans and no request', async () => {
    const connection = await connect(built.runtime);
    expect((await runRpc(built.runtime, 'listPlans', { connection })).items).toEqual([]);
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 79, size: 60 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('the catalogue, offers and plans; a plan picked in the dropdown filters subscriptions', async () => {
    const connection = await backend.connect(built.runtime);
    const args = { connection, now: backend.now() };
    const catalog = await run(built.runtime, 'listProductCatalog', {
      ...args,
      parameters: { limit: 100 },
    });
    expect(catalog.bundles.length).toBeGreaterThan(1);
    const subscription = backend.sim().subscriptions()[0];
    if (subscription === undefined) throw new Error('empty data set');
    const productId = subscription.product.id;
    expect(catalog.bundles.map((b) => b.id)).toContain(productId);
    const offers = await run(built.runtime, 'listProductOffers', {
      ...args,
      parameters: { product_id: productId },
    });
    const plans = await run(built.runtime, 'listProductPlans', {
      ...args,
      parameters: { product_id: productId },
    });
    expect(plans.bundles.length).toBe(offers.bundles.length);
    expect(plans.bundles.map((plan) => plan.code)).not.toContain(String(subscription.plan.id));
    const { items } = await runRpc(built.runtime, 'listPlans', {
      ...args,
      parameters: { product_id: productId },
    });
    expect(items.map((item) => (item as { value: unknown }).value)).toContain(
      subscription.plan.name,
    );
    const filtered = await run(built.runtime, 'listSubscriptions', {
      ...args,
      parameters: { product_id: productId, plan: [subscription.plan.name], limit: 3200 },
    });
    expect(filtered.bundles.length).toBeGreaterThan(0);
    for (const bundle of filtered.bundles) {
      expect((bundle.plan as { name: string }).name).toBe(subscription.plan.name);
    }
  });

  test('the e-book, sold once, lists no plans', async () => {
    const connection = await backend.connect(built.runtime);
    const catalog = await run(built.runtime, 'listProductCatalog', {
      connection,
      now: backend.now(),
      parameters: { format: 'EBOOK', limit: 10 },
    });
    const ebook = catalog.bundles[0];
    expect(ebook).toMatchObject({ is_subscription: false });
    const plans = await run(built.runtime, 'listProductPlans', {
      connection,
      now: backend.now(),
      parameters: { product_id: ebook?.id },
    });
    expect(plans.bundles).toEqual([]);
  });
});

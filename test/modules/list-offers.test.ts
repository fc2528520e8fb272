// The offer dropdown (RPC listOffers): the product chosen in the form is looked up for its ucode,
// then its offers are listed; with no product there is nothing to ask. Replayed, then against the
// simulator's offers endpoint; and List Sales sends the chosen offer as Hotmart's `offer_code`.
import { runRpc } from '../../lib/runtime';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const PRODUCTS = '/products/api/v1/products';
const UCODE = '8f2c6a1e-3b7d-4c55-9e1a-0b6d2f7c9a31';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

test('looks the product up by id, then lists its offers as {label, value}', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get(PRODUCTS)
    .query({ id: '4321987' })
    .reply(200, fixture('products-page-1'))
    .get(`${PRODUCTS}/${UCODE}/offers`)
    .reply(200, fixture('product-offers'));
  const { items } = await runRpc(built.runtime, 'listOffers', {
    connection,
    parameters: { product_id: 4321987 },
  });
  scope.done();
  expect(items).toEqual([{ label: 'Oferta mensal (k8w2p1zq)', value: 'k8w2p1zq' }]);
});

test('no product chosen, or an unknown one: no offers and no offers request', async () => {
  const connection = await connect(built.runtime);
  const none = await runRpc(built.runtime, 'listOffers', { connection });
  expect(none.items).toEqual([]);
  const scope = hotmartApi()
    .get(PRODUCTS)
    .query({ id: '1' })
    .reply(200, { items: [], page_info: { results_per_page: 50 } });
  const unknown = await runRpc(built.runtime, 'listOffers', {
    connection,
    parameters: { product_id: 1 },
  });
  scope.done();
  expect(unknown.items).toEqual([]);
});

test('List Sales sends the chosen offer as offer_code', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get('/payments/api/v1/sales/history')
    .query({ offer_code: 'k8w2p1zq', max_results: '10' })
    .reply(200, { items: [], page_info: { results_per_page: 10 } });
  const { bundles } = await run(built.runtime, 'listSales', {
    connection,
    parameters: { offer_code: 'k8w2p1zq', limit: 10 },
  });
  scope.done();
  expect(bundles).toEqual([]);
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 61, size: 40 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('the offers of a product are its plans’ offers, the first one the main offer', async () => {
    const connection = await backend.connect(built.runtime);
    const product = backend.sim().subscriptions()[0]?.product;
    if (product === undefined) throw new Error('empty data set');
    const { items } = await runRpc(built.runtime, 'listOffers', {
      connection,
      now: backend.now(),
      parameters: { product_id: product.id },
    });
    expect(items.length).toBeGreaterThan(0);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: expect.stringMatching(/^[0-9a-z]{8}$/) }),
      ]),
    );
    const token = connection.data.accessToken as string;
    const missing = await fetch(
      `https://developers.hotmart.com${PRODUCTS}/00000000-0000-4000-8000-000000000000/offers`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(missing.status).toBe(404);
  });
});

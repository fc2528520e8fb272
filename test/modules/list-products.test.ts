// The product dropdown (RPC listProducts) replayed from Hotmart-shaped answers: the exact
// requests, the {label, value} items, pagination within Make's RPC bound, Hotmart's error table
// and token expiry; and List Subscriptions checking a chosen product against it.
import { runRpc, type RuntimeApp } from '../../lib/runtime';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, runFailing, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, RENEWED_TOKEN, tokenRequest, type Seen } from '../support/hotmart';
import { HOTMART_ERRORS } from '../support/hotmart-errors';

const PRODUCTS = '/products/api/v1/products';
const PAGE_2 = 'eyJyb3dzIjo1MCwicGFnZSI6Mn0=';

let built: BuiltApp;
let runtime: RuntimeApp;
beforeAll(async () => {
  built = await buildHotmartApp();
  runtime = built.runtime;
});
afterAll(() => built.dispose());

test('lists every product as {label, value}, following next_page_token', async () => {
  const connection = await connect(runtime);
  const seen: Seen = [];
  const scope = hotmartApi()
    .get(PRODUCTS)
    .query({ max_results: '50' })
    .reply(capture(seen, 200, fixture('products-page-1')))
    .get(PRODUCTS)
    .query({ max_results: '50', page_token: PAGE_2 })
    .reply(capture(seen, 200, fixture('products-page-2')));
  const { items, log } = await runRpc(runtime, 'listProducts', { connection });
  scope.done();
  expect(items).toEqual([
    { label: 'Academia de Fotografia (4321987)', value: 4321987 },
    { label: 'Clube de Edição (4321988)', value: 4321988 },
  ]);
  expect(seen.map((s) => s.headers.authorization)).toEqual([
    'Bearer test-access-token-FIRST-0001',
    'Bearer test-access-token-FIRST-0001',
  ]);
  expect(log.warnings).toEqual([]);
});

describe("Hotmart's error table", () => {
  test.each(HOTMART_ERRORS)('$status becomes a $type', async (errorCase) => {
    const connection = await connect(runtime);
    const scope = hotmartApi()
      .get(PRODUCTS)
      .query(true)
      .reply(errorCase.status, fixture(errorCase.fixture), errorCase.headers);
    const error = await runRpc(runtime, 'listProducts', { connection }).then(
      () => undefined,
      (rejected: unknown) => rejected as { type: string; message: string },
    );
    scope.done();
    expect({ type: error?.type, message: error?.message }).toEqual({
      type: errorCase.type,
      message: errorCase.message,
    });
  });

  test('401 token_expired: the token is renewed once and the request retried with it', async () => {
    const connection = await connect(runtime);
    const expired = hotmartApi().get(PRODUCTS).query(true).reply(401, fixture('error-401'));
    const renewal = tokenRequest([], { body: RENEWED_TOKEN });
    const retried = hotmartApi('production', RENEWED_TOKEN.access_token)
      .get(PRODUCTS)
      .query(true)
      .reply(200, fixture('products-page-2'));
    const { items } = await runRpc(runtime, 'listProducts', { connection });
    expired.done();
    renewal.done();
    retried.done();
    expect(items).toEqual([{ label: 'Clube de Edição (4321988)', value: 4321988 }]);
  });
});

test('List Subscriptions: a product the dropdown offers passes; another is refused before the search', async () => {
  const connection = await connect(runtime);
  const products = hotmartApi()
    .get(PRODUCTS)
    .query(true)
    .twice()
    .reply(200, fixture('products-page-2'));
  const search = hotmartApi()
    .get('/payments/api/v1/subscriptions')
    .query((query) => query.product_id === '4321988')
    .reply(200, fixture('subscriptions-empty'));
  const { bundles } = await run(runtime, 'listSubscriptions', {
    connection,
    parameters: { product_id: '4321988' },
    checkRpcOptions: true,
  });
  expect(bundles).toEqual([]);
  const error = await runFailing(runtime, 'listSubscriptions', {
    connection,
    parameters: { product_id: 1 },
    checkRpcOptions: true,
  });
  products.done();
  search.done();
  expect(error.message).toContain(
    "'product_id' (select): 1 is not one of the 1 option(s) rpc://listProducts gave",
  );
});

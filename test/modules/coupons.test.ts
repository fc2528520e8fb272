// Coupons: create, list and delete, replayed against Hotmart's documented requests (exact paths
// and bodies, the percentage sent as a fraction, Hotmart's `{}` answers, error table) and run
// end to end against the simulator.
import { describeHotmartErrors } from '../support/error-tests';
import { buildHotmartApp, connect, run, runFailing, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const LIST = {
  items: [
    {
      id: 700001,
      coupon_code: 'VOLTA10',
      active: true,
      status: 'ACTIVE',
      discount: 0.1,
      start_date: Date.UTC(2024, 5, 1),
      time_zone: { id: 'UTC', offset: 0 },
    },
  ],
  page_info: { results_per_page: 50 },
};

test('create: the code, the percentage as a fraction and the dates in ms; Hotmart’s {} confirmed', async () => {
  const connection = await connect(built.runtime);
  const seen: Seen = [];
  const scope = hotmartApi()
    .post('/products/api/v1/product/4321987/coupon', {
      code: 'VOLTA10',
      discount: 0.1,
      start_date: Date.UTC(2024, 5, 1),
    })
    .reply(capture(seen, 200, {}));
  const { bundles } = await run(built.runtime, 'createCoupon', {
    connection,
    parameters: {
      product_id: '4321987',
      code: 'VOLTA10',
      discount: 10,
      start_date: '2024-06-01T00:00:00Z',
    },
  });
  scope.done();
  expect(bundles).toEqual([{ product_id: 4321987, code: 'VOLTA10', discount: 0.1 }]);
});

test('create: a code over 25 characters or a discount outside 0–99 % is refused before any request', async () => {
  const connection = await connect(built.runtime);
  for (const [parameters, says] of [
    [{ product_id: 1, code: 'X'.repeat(26), discount: 10 }, 'longer than 25 characters'],
    [{ product_id: 1, code: 'OK', discount: 99 }, 'greater than the maximum 98.99'],
    [{ product_id: 1, code: 'OK', discount: 0 }, 'less than the minimum 0.01'],
  ] as const) {
    const error = await runFailing(built.runtime, 'createCoupon', { connection, parameters });
    expect(error.message).toContain(says);
  }
});

test('list: a product’s coupons, filtered by code, with their dates as dates', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get('/products/api/v1/coupon/product/4321987')
    .query({ code: 'VOLTA10' })
    .reply(200, LIST);
  const { bundles } = await run(built.runtime, 'listCoupons', {
    connection,
    parameters: { product_id: 4321987, code: 'VOLTA10', limit: 10 },
  });
  scope.done();
  expect(bundles).toEqual([{ ...LIST.items[0], start_date: '2024-06-01T00:00:00.000Z' }]);
});

test('delete: by its numeric id; Hotmart’s {} confirmed', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi().delete('/products/api/v1/coupon/700001').reply(200, {});
  const { bundles } = await run(built.runtime, 'deleteCoupon', {
    connection,
    parameters: { coupon_id: '700001' },
  });
  scope.done();
  expect(bundles).toEqual([{ coupon_id: 700001 }]);
});

describe('deleteCoupon', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'deleteCoupon',
    parameters: { coupon_id: 700001 },
    intercept: (api) => api.delete('/products/api/v1/coupon/700001'),
    success: {},
    bundles: [{ coupon_id: 700001 }],
  });
});

describe('listCoupons', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'listCoupons',
    parameters: { product_id: 4321987, limit: 10 },
    intercept: (api) => api.get('/products/api/v1/coupon/product/4321987'),
    success: LIST,
    bundles: [expect.objectContaining({ coupon_code: 'VOLTA10' })],
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 67, size: 30 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('create, list, delete: the coupon appears, then is gone; a repeated code is refused', async () => {
    const connection = await backend.connect(built.runtime);
    const productId = backend.sim().subscriptions()[0]?.product.id ?? 0;
    const args = { connection, now: backend.now() };
    await run(built.runtime, 'createCoupon', {
      ...args,
      parameters: {
        product_id: productId,
        code: 'INVERNO20',
        discount: 20,
        start_date: '2024-01-01T00:00:00Z',
      },
    });
    const listed = await run(built.runtime, 'listCoupons', {
      ...args,
      parameters: { product_id: productId, code: 'INVERNO20', limit: 10 },
    });
    expect(listed.bundles).toEqual([
      expect.objectContaining({ coupon_code: 'INVERNO20', discount: 0.2, active: true }),
    ]);
    const again = await runFailing(built.runtime, 'createCoupon', {
      ...args,
      parameters: { product_id: productId, code: 'INVERNO20', discount: 5 },
    });
    expect(again.message).toContain('(coupon_already_exists)');
    const id = listed.bundles[0]?.id as number;
    await run(built.runtime, 'deleteCoupon', { ...args, parameters: { coupon_id: id } });
    const after = await run(built.runtime, 'listCoupons', {
      ...args,
      parameters: { product_id: productId, code: 'INVERNO20', limit: 10 },
    });
    expect(after.bundles).toEqual([]);
    const gone = await runFailing(built.runtime, 'deleteCoupon', {
      ...args,
      parameters: { coupon_id: id },
    });
    expect(gone.type).toBe('DataError');
    expect(gone.statusCode).toBe(404);
  });
});

import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';
import { unexercisedInterfacePaths } from '../support/interface-check';
import { describeSubscriberCodeGuard } from '../support/subscriber-code-tests';

const PATH = '/payments/api/v1/subscriptions/QX7K2M9P/purchases';

const EXPECTED = [
  {
    transaction: 'HP23001847561120',
    approved_date: '2024-02-02T12:01:00.000Z',
    payment_engine: 'HotPay',
    status: 'COMPLETE',
    price: { value: 49.9, currency_code: 'BRL' },
    payment_type: 'CREDIT_CARD',
    payment_method: 'CREDIT_CARD_VISA',
    recurrency_number: 1,
    under_warranty: false,
    purchase_subscription: true,
  },
  {
    transaction: 'HP23001902334871',
    approved_date: '2024-03-02T12:01:00.000Z',
    payment_engine: 'HotPay',
    status: 'APPROVED',
    price: { value: 49.9, currency_code: 'BRL' },
    payment_type: 'PIX',
    payment_method: 'PIX',
    recurrency_number: 2,
    under_warranty: true,
    purchase_subscription: true,
  },
];

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

describe('getSubscriberPurchases', () => {
  test('GETs the purchases of the code and outputs one bundle per item of the bare array', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .get(PATH)
      .reply(capture(seen, 200, fixture('purchases')));

    const { bundles } = await run(built.runtime, 'getSubscriberPurchases', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P' },
    });

    scope.done();
    expect(seen).toEqual([
      {
        method: 'GET',
        path: PATH,
        headers: {
          authorization: 'Bearer test-access-token-FIRST-0001',
          'content-type': 'application/json',
          host: 'developers.hotmart.com',
        },
        body: '',
      },
    ]);
    expect(bundles).toEqual(EXPECTED);
  });

  test('an empty array is zero bundles', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi().get(PATH).reply(200, fixture('purchases-empty'));
    const { bundles } = await run(built.runtime, 'getSubscriberPurchases', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P' },
    });
    scope.done();
    expect(bundles).toEqual([]);
  });

  test('a 200 with an empty body is zero bundles, not a crash', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi().get(PATH).reply(200, '');
    const { bundles } = await run(built.runtime, 'getSubscriberPurchases', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P' },
    });
    scope.done();
    expect(bundles).toEqual([]);
  });

  test('the fixtures exercise every interface field', () => {
    const missing = unexercisedInterfacePaths(built.runtime, 'getSubscriberPurchases', EXPECTED);
    expect(missing).toEqual([]);
  });

  describeSubscriberCodeGuard(() => built, 'getSubscriberPurchases');

  describeHotmartErrors({
    built: () => built,
    module: 'getSubscriberPurchases',
    parameters: { subscriber_code: 'QX7K2M9P' },
    intercept: (api) => api.get(PATH),
    success: fixture('purchases'),
    bundles: EXPECTED,
  });
});

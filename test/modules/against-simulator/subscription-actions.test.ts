// The single-subscription modules and "Make an API Call" through the compiled app and the runtime
// against the embedded simulator: purchases equal the simulator's own, cancel and reactivate
// change its state, Hotmart's refusals become the app's mapped errors.
import type { SubscriptionItem, SubscriptionStatus } from '../../../lib/simulator';
import {
  expectedActionOutput,
  expectedPurchase,
  isoToTheSecond,
} from '../../support/expected-outputs';
import { buildHotmartApp, type BuiltApp } from '../../support/harness';
import { runFailingOn, runOn, type Exchange } from '../../support/module-backend';
import {
  asItems,
  DEFAULT_WINDOW_MS,
  simulatorBackend,
  SUBSCRIPTIONS,
} from '../../support/simulator-backend';
import type { Item } from '../../support/subscriptions';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

// A fresh simulator per test: these tests change its state.
const backend = simulatorBackend({ seed: 23, size: 200 });

function pick(what: string, predicate: (item: SubscriptionItem) => boolean): SubscriptionItem {
  const item = backend.sim().subscriptions().find(predicate);
  if (item === undefined) throw new Error(`the data set has no ${what}`);
  return item;
}

function withStatus(status: SubscriptionStatus): SubscriptionItem {
  return pick(`${status} subscription`, (item) => item.status === status);
}

function statusOf(code: string): string | undefined {
  return backend.sim().subscription(code)?.status;
}

/** Runs a module and returns its bundles with the one data request it sent. */
async function runOnce(moduleName: string, parameters: Record<string, unknown>) {
  const { runtime } = built;
  const connection = await backend.connect(runtime);
  const before = backend.exchanges().length;
  const { bundles } = await runOn(backend, runtime, moduleName, { connection, parameters });
  const sent = backend.exchanges().slice(before);
  expect(sent).toHaveLength(1);
  return { bundles, request: sent[0] as Exchange };
}

async function failOnce(moduleName: string, parameters: Record<string, unknown>) {
  const { runtime } = built;
  const connection = await backend.connect(runtime);
  const error = await runFailingOn(backend, runtime, moduleName, { connection, parameters });
  return { type: error.type, statusCode: error.statusCode, message: error.message };
}

function json(text: string): Item {
  return JSON.parse(text) as Item;
}

describe('against a 200-subscription simulator', () => {
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  describe('getSubscriberPurchases', () => {
    test("a long-standing subscriber's purchases equal the simulator's, in order, dates as ISO", async () => {
      const target = pick(
        'subscriber with five purchases',
        (item) => (backend.sim().purchases(item.subscriber_code)?.length ?? 0) >= 5,
      );
      const purchases = backend.sim().purchases(target.subscriber_code) ?? [];
      const { bundles, request } = await runOnce('getSubscriberPurchases', {
        subscriber_code: target.subscriber_code,
      });
      expect(request.path).toBe(`${SUBSCRIPTIONS}/${target.subscriber_code}/purchases`);
      expect(bundles).toEqual(asItems(purchases).map(expectedPurchase));
    });

    test('an unpaid charge has no approved_date, in the answer and in the bundle', async () => {
      const target = pick('subscriber with an unpaid charge', (item) =>
        (backend.sim().purchases(item.subscriber_code) ?? []).some(
          (p) => p.approved_date === undefined,
        ),
      );
      const purchases = backend.sim().purchases(target.subscriber_code) ?? [];
      const { bundles } = await runOnce('getSubscriberPurchases', {
        subscriber_code: target.subscriber_code,
      });
      expect(bundles).toEqual(asItems(purchases).map(expectedPurchase));
      expect(bundles.some((bundle) => !('approved_date' in bundle))).toBe(true);
    });

    test("an unknown code is the app's 404 DataError with Hotmart's description", async () => {
      expect(backend.sim().subscription('NoSuchSub1')).toBeUndefined();
      expect(await failOnce('getSubscriberPurchases', { subscriber_code: 'NoSuchSub1' })).toEqual({
        type: 'DataError',
        statusCode: 404,
        message: "[404] The subscription 'NoSuchSub1' was not found (not_found)",
      });
    });
  });

  describe('cancelSubscription', () => {
    test('the cancellation shows in the simulator and in listSubscriptions; the dates agree', async () => {
      const target = withStatus('ACTIVE');
      const code = target.subscriber_code;
      const { bundles, request } = await runOnce('cancelSubscription', { subscriber_code: code });

      expect(json(request.body)).toEqual({ send_mail: true });
      expect(bundles).toEqual([expectedActionOutput(json(request.responseBody))]);
      // The UTC text dates of the answer read back as the simulator's own instants.
      expect(bundles[0]).toMatchObject({
        status: 'INACTIVE',
        subscriber_code: code,
        creation_date: isoToTheSecond(target.request_date),
        activation_date: isoToTheSecond(target.accession_date),
        date_next_charge: isoToTheSecond(target.date_next_charge),
        shopper: { email: target.subscriber.email },
      });

      const after = backend.sim().subscription(code);
      expect(after?.status).toBe('CANCELLED_BY_SELLER');
      // end_accession_date is the cancellation request's moment (real data); access still
      // lasts until the end of the paid period (reference §4.1: date_next_charge).
      expect(after?.end_accession_date).toBe(backend.now().getTime());
      expect(after?.date_next_charge).toBe(target.date_next_charge);

      const listed = await runOnce('listSubscriptions', { subscriber_code: code });
      expect(listed.bundles).toEqual([
        expect.objectContaining({
          subscriber_code: code,
          status: 'CANCELLED_BY_SELLER',
          end_accession_date: new Date(backend.now().getTime()).toISOString(),
          date_next_charge: new Date(target.date_next_charge).toISOString(),
        }),
      ]);
    });

    test('send_mail = No reaches Hotmart as false', async () => {
      const { subscriber_code: code } = withStatus('ACTIVE');
      const { request } = await runOnce('cancelSubscription', {
        subscriber_code: code,
        send_mail: false,
      });
      expect(json(request.body)).toEqual({ send_mail: false });
      expect(statusOf(code)).toBe('CANCELLED_BY_SELLER');
    });

    test("cancelling twice is the app's DataError with Hotmart's code; the state stays", async () => {
      const { subscriber_code: code } = withStatus('DELAYED');
      await runOnce('cancelSubscription', { subscriber_code: code });
      expect(await failOnce('cancelSubscription', { subscriber_code: code })).toEqual({
        type: 'DataError',
        statusCode: 400,
        message: `[400] The subscription '${code}' is already cancelled or overdue (CANCELLED_BY_SELLER) (SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE)`,
      });
      expect(statusOf(code)).toBe('CANCELLED_BY_SELLER');
    });

    test('an overdue subscription cannot be cancelled', async () => {
      const { subscriber_code: code } = withStatus('OVERDUE');
      expect(await failOnce('cancelSubscription', { subscriber_code: code })).toEqual({
        type: 'DataError',
        statusCode: 400,
        message: `[400] The subscription '${code}' is already cancelled or overdue (OVERDUE) (SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE)`,
      });
      expect(statusOf(code)).toBe('OVERDUE');
    });
  });

  describe('reactivateSubscription', () => {
    test('a cancelled subscription stays INACTIVE until the subscriber accepts, then is ACTIVE', async () => {
      const target = withStatus('ACTIVE');
      const code = target.subscriber_code;
      await runOnce('cancelSubscription', { subscriber_code: code });

      const { bundles, request } = await runOnce('reactivateSubscription', {
        subscriber_code: code,
      });

      expect(json(request.body)).toEqual({ charge: false });
      expect(bundles).toEqual([expectedActionOutput(json(request.responseBody))]);
      expect(bundles[0]).toEqual({
        status: 'INACTIVE',
        subscriber_code: code,
        creation_date: isoToTheSecond(target.request_date),
        // In days here (reference §4.5).
        interval_between_charges: target.plan.recurrency_period,
        shopper: {
          email: target.subscriber.email,
          phone: expect.stringMatching(/^\(\d{2}\) \d+$/),
        },
      });
      expect(statusOf(code)).toBe('INACTIVE');

      expect(backend.sim().acceptReactivation(code)).toBe(true);
      const listed = await runOnce('listSubscriptions', { subscriber_code: code });
      expect(listed.bundles.map((bundle) => bundle['status'])).toEqual(['ACTIVE']);
    });

    test('Charge now = Yes reaches Hotmart as charge: true', async () => {
      const { subscriber_code: code } = withStatus('CANCELLED_BY_CUSTOMER');
      const { request, bundles } = await runOnce('reactivateSubscription', {
        subscriber_code: code,
        charge: true,
      });
      expect(json(request.body)).toEqual({ charge: true });
      expect(bundles[0]).toMatchObject({ status: 'INACTIVE', subscriber_code: code });
    });

    test("an active subscription is the app's DataError with Hotmart's code", async () => {
      const { subscriber_code: code } = withStatus('ACTIVE');
      expect(await failOnce('reactivateSubscription', { subscriber_code: code })).toEqual({
        type: 'DataError',
        statusCode: 400,
        message: `[400] The subscription '${code}' is already active (ACTIVE) (SUBSCRIPTION_ALREADY_ACTIVE)`,
      });
    });
  });

  describe('makeApiCall', () => {
    test("GET a list path with a query string: Hotmart's raw answer, its own 30-day default, rate-limit headers", async () => {
      const windowStart = backend.now().getTime() - DEFAULT_WINDOW_MS;
      const recentActive = backend
        .sim()
        .subscriptions()
        .filter((item) => item.status === 'ACTIVE' && item.accession_date >= windowStart);
      expect(recentActive.length).toBeGreaterThan(5);

      const { bundles, request } = await runOnce('makeApiCall', {
        url: SUBSCRIPTIONS,
        method: 'GET',
        qs: [
          { key: 'status', value: 'ACTIVE' },
          { key: 'max_results', value: '5' },
        ],
      });

      expect(Object.fromEntries(request.query)).toEqual({ status: 'ACTIVE', max_results: '5' });
      expect(bundles).toEqual([
        {
          body: json(request.responseBody),
          headers: expect.objectContaining({
            'content-type': expect.stringMatching(/^application\/json/),
            'ratelimit-limit': '500',
          }),
          statusCode: 200,
        },
      ]);
      // Nothing is added to a raw call: Hotmart's own default window applies, dates stay numbers.
      const body = bundles[0]?.['body'] as { items: SubscriptionItem[]; page_info: Item };
      expect(body.items.map((item) => item.subscriber_code)).toEqual(
        recentActive.slice(0, 5).map((item) => item.subscriber_code),
      );
      expect(body.page_info['total_results']).toBe(recentActive.length);
    });

    test("a path Hotmart does not know is the app's 404 DataError", async () => {
      expect(
        await failOnce('makeApiCall', { url: '/payments/api/v1/no-such-endpoint', method: 'GET' }),
      ).toEqual({
        type: 'DataError',
        statusCode: 404,
        message: '[404] The requested URL was not found (not_found)',
      });
    });

    test('POST a typed JSON body: the simulator cancels the subscription', async () => {
      const { subscriber_code: code } = withStatus('ACTIVE');
      const { bundles, request } = await runOnce('makeApiCall', {
        url: `${SUBSCRIPTIONS}/${code}/cancel`,
        method: 'POST',
        body: '{"send_mail": false}',
      });
      expect(request.body).toBe('{"send_mail": false}');
      expect(bundles[0]).toMatchObject({ statusCode: 200, body: { status: 'INACTIVE' } });
      expect(statusOf(code)).toBe('CANCELLED_BY_SELLER');
    });
  });
});

describe("dates in the cancel answer during Brazil's former daylight saving time (clock: January 2019)", () => {
  // Hotmart writes `YYYY-MM-DD HH:mm:ss` on its UTC billing clock; Brazil's old summer time
  // (UTC−02:00 until February 2019) must not shift anything: the app and the simulator both
  // read and write UTC, so the instants survive the round trip whatever Brazil's offset was.
  const summer = simulatorBackend({ seed: 5, size: 300, start: new Date('2019-01-20T12:00:00Z') });
  beforeEach(() => summer.setUp());
  afterEach(() => summer.tearDown());

  /** Brazil's daylight saving periods covering the simulator's data (two years back). */
  const DST = [
    ['2017-10-15T03:00:00Z', '2018-02-18T02:00:00Z'],
    ['2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z'],
  ].map(([from, to]) => [Date.parse(from ?? ''), Date.parse(to ?? '')] as const);
  const inSummerTime = (ms: number): boolean => DST.some(([from, to]) => ms >= from && ms < to);

  test('activation_date and creation_date read back as the subscription’s own instants', async () => {
    const target = summer
      .sim()
      .subscriptions()
      .find((s) => s.status === 'ACTIVE' && inSummerTime(s.accession_date));
    if (target === undefined) throw new Error('no active subscription started in summer time');
    const connection = await summer.connect(built.runtime);
    const { bundles } = await runOn(summer, built.runtime, 'cancelSubscription', {
      connection,
      parameters: { subscriber_code: target.subscriber_code },
    });
    expect({
      activation_date: bundles[0]?.['activation_date'],
      creation_date: bundles[0]?.['creation_date'],
    }).toEqual({
      activation_date: isoToTheSecond(target.accession_date),
      creation_date: isoToTheSecond(target.request_date),
    });
  });
});

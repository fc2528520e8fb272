// Module scenarios whose expectations are behavioural, so one test body runs against any backend
// (`module-backend.ts`): the fixture backend proves the scenarios agree with the replay tests, the
// simulator backend proves the compiled app works against a stateful Hotmart.
import { ALL_SUBSCRIPTIONS_FROM_MS } from '../../modules/list-subscriptions/accession-window';
import { expectedActionOutput, expectedPurchase } from './expected-outputs';
import type { BuiltApp } from './harness';
import { runFailingOn, runOn, type Exchange, type ModuleBackend } from './module-backend';
import { expectedSubscription, type Item } from './subscriptions';

const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const ALL_TIME = String(ALL_SUBSCRIPTIONS_FROM_MS);

function only<T>(values: readonly T[], what: string): T {
  if (values.length !== 1) throw new Error(`expected exactly one ${what}, got ${values.length}`);
  return values[0] as T;
}

function json(text: string): Item {
  return JSON.parse(text) as Item;
}

function codes(items: readonly Item[]): unknown[] {
  return items.map((item) => item['subscriber_code']);
}

export function describeModuleScenarios(built: () => BuiltApp, backend: ModuleBackend): void {
  /** The data-host requests made while `action` ran. */
  async function sentDuring<T>(action: () => Promise<T>): Promise<{ result: T; sent: Exchange[] }> {
    const before = backend.exchanges().length;
    const result = await action();
    return { result, sent: backend.exchanges().slice(before) };
  }

  describe('listSubscriptions', () => {
    test("without filters: subscriptions of any date (not Hotmart's 30-day default), every page followed", async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const { items, limit } = backend.everySubscription();
      const windowStart = backend.now().getTime() - DEFAULT_WINDOW_MS;
      // The scenario means something only if the data has subscriptions older than 30 days.
      expect(items.some((item) => Number(item['accession_date']) < windowStart)).toBe(true);

      const { result, sent } = await sentDuring(() =>
        runOn(backend, runtime, 'listSubscriptions', { connection, parameters: { limit } }),
      );

      expect(result.bundles).toEqual(items.map(expectedSubscription));
      expect(new Set(codes(result.bundles)).size).toBe(items.length);
      expect(sent.length).toBeGreaterThan(0);
      for (const request of sent) expect(request.query.get('accession_date')).toBe(ALL_TIME);
    });

    test('limit below the total: the first subscriptions of the list and no more', async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const { items, limit } = backend.firstSubscriptions();
      const { bundles } = await runOn(backend, runtime, 'listSubscriptions', {
        connection,
        parameters: { limit },
      });
      expect(bundles).toEqual(items.map(expectedSubscription));
    });

    test('subscriber_code finds a subscription that started before the 30-day window', async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const item = backend.oldSubscription();
      expect(Number(item['accession_date'])).toBeLessThan(
        backend.now().getTime() - DEFAULT_WINDOW_MS,
      );
      const { result, sent } = await sentDuring(() =>
        runOn(backend, runtime, 'listSubscriptions', {
          connection,
          parameters: { subscriber_code: item['subscriber_code'] },
        }),
      );
      expect(result.bundles).toEqual([expectedSubscription(item)]);
      expect(only(sent, 'request').query.get('subscriber_code')).toBe(item['subscriber_code']);
    });

    test('status (several): exactly the subscriptions in those statuses, sent as repeated keys', async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const { statuses, items, limit } = backend.withStatuses();
      expect(items.length).toBeGreaterThan(0);
      const { result, sent } = await sentDuring(() =>
        runOn(backend, runtime, 'listSubscriptions', {
          connection,
          parameters: { status: statuses, limit },
        }),
      );
      expect(result.bundles).toEqual(items.map(expectedSubscription));
      for (const bundle of result.bundles) expect(statuses).toContain(bundle['status']);
      expect(only(sent, 'request').query.getAll('status')).toEqual(statuses);
    });
  });

  describe('getSubscriberPurchases', () => {
    test("a subscriber's purchases, one bundle each, dates as ISO 8601", async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const { code, purchases } = backend.subscriberWithPurchases();
      const { bundles } = await runOn(backend, runtime, 'getSubscriberPurchases', {
        connection,
        parameters: { subscriber_code: code },
      });
      expect(bundles).toEqual(purchases.map(expectedPurchase));
      expect(bundles.length).toBeGreaterThanOrEqual(2);
    });

    test("an unknown subscriber is a DataError with Hotmart's 404 description", async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const code = backend.unknownSubscriberPurchases();
      const before = backend.exchanges().length;
      const error = await runFailingOn(backend, runtime, 'getSubscriberPurchases', {
        connection,
        parameters: { subscriber_code: code },
      });
      const answer = json(only(backend.exchanges().slice(before), 'request').responseBody);
      expect(answer['error']).toBe('not_found');
      expect({ type: error.type, statusCode: error.statusCode, message: error.message }).toEqual({
        type: 'DataError',
        statusCode: 404,
        message: `[404] ${String(answer['error_description']).replace(/\.\s*$/, '')} (not_found)`,
      });
    });
  });

  describe('cancelSubscription', () => {
    test("send_mail = No is sent as false; Hotmart's answer is the bundle, dates as ISO 8601", async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const code = backend.cancellable(false);
      const { result, sent } = await sentDuring(() =>
        runOn(backend, runtime, 'cancelSubscription', {
          connection,
          parameters: { subscriber_code: code, send_mail: false },
        }),
      );
      const request = only(sent, 'request');
      expect({ method: request.method, path: request.path, body: json(request.body) }).toEqual({
        method: 'POST',
        path: `/payments/api/v1/subscriptions/${code}/cancel`,
        body: { send_mail: false },
      });
      expect(result.bundles).toEqual([expectedActionOutput(json(request.responseBody))]);
      expect(result.bundles[0]).toMatchObject({ status: 'INACTIVE', subscriber_code: code });
    });
  });

  describe('reactivateSubscription', () => {
    test('charge defaults to false; the answer is the bundle', async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const code = backend.reactivatable(false);
      const { result, sent } = await sentDuring(() =>
        runOn(backend, runtime, 'reactivateSubscription', {
          connection,
          parameters: { subscriber_code: code },
        }),
      );
      const request = only(sent, 'request');
      expect(json(request.body)).toEqual({ charge: false });
      expect(result.bundles).toEqual([expectedActionOutput(json(request.responseBody))]);
      // Hotmart keeps the subscription INACTIVE until the subscriber accepts (reference §4.5).
      expect(result.bundles[0]).toMatchObject({ status: 'INACTIVE', subscriber_code: code });
    });
  });

  describe('makeApiCall', () => {
    test('GET with a query string outputs { body, headers, statusCode } as Hotmart answered', async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const { path, qs } = backend.apiCallList();
      const { result, sent } = await sentDuring(() =>
        runOn(backend, runtime, 'makeApiCall', {
          connection,
          parameters: {
            url: path,
            method: 'GET',
            qs: Object.entries(qs).map(([key, value]) => ({ key, value })),
          },
        }),
      );
      const request = only(sent, 'request');
      expect(Object.fromEntries(request.query)).toEqual(qs);
      expect(result.bundles).toEqual([
        {
          body: json(request.responseBody),
          headers: expect.objectContaining({
            'content-type': expect.stringMatching(/^application\/json/),
          }),
          statusCode: 200,
        },
      ]);
    });

    test('a path Hotmart does not know is a DataError with its 404 description', async () => {
      const { runtime } = built();
      const connection = await backend.connect(runtime);
      const path = backend.apiCallMissing();
      const before = backend.exchanges().length;
      const error = await runFailingOn(backend, runtime, 'makeApiCall', {
        connection,
        parameters: { url: path, method: 'GET' },
      });
      const request = only(backend.exchanges().slice(before), 'request');
      const answer = json(request.responseBody);
      expect(request.path).toBe(path);
      expect({ type: error.type, statusCode: error.statusCode, message: error.message }).toEqual({
        type: 'DataError',
        statusCode: 404,
        message: `[404] ${String(answer['error_description']).replace(/\.\s*$/, '')} (not_found)`,
      });
    });
  });
}

// listSubscriptions through the compiled app and the runtime against the embedded simulator at
// scale: 1,200 subscriptions, so pagination crosses several 500-item pages. Every expectation is
// computed from the simulator's own data (`sim.subscriptions()`).
import { ALL_SUBSCRIPTIONS_FROM_MS } from '../../../modules/list-subscriptions/accession-window';
import type { SubscriptionItem } from '../../../lib/simulator';
import { buildHotmartApp, type BuiltApp } from '../../support/harness';
import { runFailingOn, runOn, type Exchange } from '../../support/module-backend';
import {
  asItems,
  DAY_MS,
  DEFAULT_WINDOW_MS,
  MAX_LIMIT,
  simulatorBackend,
  SUBSCRIPTIONS,
  type SimulatorBackend,
} from '../../support/simulator-backend';
import { expectedSubscription } from '../../support/subscriptions';

const ALL_TIME = String(ALL_SUBSCRIPTIONS_FROM_MS);
const SIZE = 1200;
const DATE_FIELDS = ['accession_date', 'end_accession_date', 'request_date', 'date_next_charge'];
const ISO_8601_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

function useSimulator(size: number, reuse: boolean): SimulatorBackend {
  const backend = simulatorBackend({ seed: 11, size, reuse });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());
  return backend;
}

/** Runs listSubscriptions; returns the bundles and the list requests it sent. */
async function list(backend: SimulatorBackend, parameters: Record<string, unknown>) {
  const { runtime } = built;
  const connection = await backend.connect(runtime);
  const before = backend.exchanges().length;
  const result = await runOn(backend, runtime, 'listSubscriptions', { connection, parameters });
  const sent = backend.exchanges().slice(before);
  for (const request of sent) expect(request.path).toBe(SUBSCRIPTIONS);
  return { bundles: result.bundles, sent };
}

function expected(items: readonly SubscriptionItem[]) {
  return asItems(items).map(expectedSubscription);
}

function codesOf(bundles: readonly Record<string, unknown>[]): unknown[] {
  return bundles.map((bundle) => bundle['subscriber_code']);
}

/** `max_results` of each request, and whether it carried a page token. */
function pages(sent: readonly Exchange[]): Array<{ max_results: string | null; token: boolean }> {
  return sent.map((request) => ({
    max_results: request.query.get('max_results'),
    token: request.query.has('page_token'),
  }));
}

describe('listSubscriptions against the simulator (1,200 subscriptions)', () => {
  // Read-only tests: one data set for all of them.
  const backend = useSimulator(SIZE, true);

  describe("no filters: the app's explicit accession date, not Hotmart's 30-day default", () => {
    test('every subscription of any date, in list order, across three pages, dates as ISO text', async () => {
      const all = backend.sim().subscriptions();
      expect(all).toHaveLength(SIZE);
      const { bundles, sent } = await list(backend, { limit: MAX_LIMIT });

      expect(bundles).toEqual(expected(all));
      expect(new Set(codesOf(bundles)).size).toBe(SIZE);
      expect(pages(sent)).toEqual([
        { max_results: '500', token: false },
        { max_results: '500', token: true },
        { max_results: '500', token: true },
      ]);
      for (const request of sent) expect(request.query.get('accession_date')).toBe(ALL_TIME);
      // Dates leave the module as ISO 8601 UTC text (or absent, as Hotmart leaves them out),
      // never as epoch numbers.
      const wrong = bundles.flatMap((bundle) =>
        DATE_FIELDS.filter((field) => {
          const value = bundle[field];
          return value !== undefined && !(typeof value === 'string' && ISO_8601_UTC.test(value));
        }).map((field) => `${String(bundle['subscriber_code'])}.${field}`),
      );
      expect(wrong).toEqual([]);
      expect(bundles.some((bundle) => bundle['end_accession_date'] !== undefined)).toBe(true);
      expect(bundles.some((bundle) => !('end_accession_date' in bundle))).toBe(true);
    });

    test("Hotmart's own default, seen through Make an API Call, would hide older subscriptions", async () => {
      const { runtime } = built;
      const connection = await backend.connect(runtime);
      const windowStart = backend.now().getTime() - DEFAULT_WINDOW_MS;
      const recent = backend
        .sim()
        .subscriptions()
        .filter((s) => s.accession_date >= windowStart);
      expect(recent.length).toBeGreaterThan(0);
      expect(recent.length).toBeLessThan(SIZE);

      const { bundles } = await runOn(backend, runtime, 'makeApiCall', {
        connection,
        parameters: { url: SUBSCRIPTIONS, method: 'GET', qs: [{ key: 'max_results', value: '1' }] },
      });
      const body = bundles[0]?.['body'] as { page_info: { total_results: number } };
      expect(body.page_info.total_results).toBe(recent.length);
    });
  });

  describe('pagination: pages of up to 500 until the limit or the last page', () => {
    const first = { max_results: '500', token: false };
    const next = { max_results: '500', token: true };
    test.each([
      { limit: 499, requests: [{ max_results: '499', token: false }] },
      { limit: 500, requests: [first] },
      { limit: 700, requests: [first, next] },
      { limit: 1000, requests: [first, next] },
      { limit: SIZE, requests: [first, next, next] },
    ])('limit $limit: the first $limit, no duplicates, no gaps', async (row) => {
      const all = backend.sim().subscriptions();
      const { bundles, sent } = await list(backend, { limit: row.limit });
      expect(codesOf(bundles)).toEqual(all.slice(0, row.limit).map((s) => s.subscriber_code));
      expect(bundles).toEqual(expected(all.slice(0, row.limit)));
      expect(pages(sent)).toEqual(row.requests);
    });

    test('a limit above Make’s 3,200 is refused before any request', async () => {
      const { runtime } = built;
      const connection = await backend.connect(runtime);
      const before = backend.exchanges().length;
      const error = await runFailingOn(backend, runtime, 'listSubscriptions', {
        connection,
        parameters: { limit: MAX_LIMIT + 1 },
      });
      expect({ type: error.type, code: error.code, parameter: error.parameter }).toEqual({
        type: 'DataError',
        code: 'PARAMETER_INVALID',
        parameter: 'limit',
      });
      expect(backend.exchanges()).toHaveLength(before);
    });
  });

  describe('filters: exactly the matching subscriptions of the data set', () => {
    test('status (several): only those statuses, every one of them, repeated keys', async () => {
      const statuses = ['CANCELLED_BY_SELLER', 'OVERDUE'];
      const matching = backend
        .sim()
        .subscriptions()
        .filter((s) => statuses.includes(s.status));
      for (const status of statuses) expect(matching.some((s) => s.status === status)).toBe(true);
      const { bundles, sent } = await list(backend, { status: statuses, limit: MAX_LIMIT });
      expect(bundles).toEqual(expected(matching));
      expect(new Set(bundles.map((bundle) => bundle['status']))).toEqual(new Set(statuses));
      for (const request of sent) expect(request.query.getAll('status')).toEqual(statuses);
    });

    test('subscriber_code: the one subscription, even one older than 30 days', async () => {
      const windowStart = backend.now().getTime() - DEFAULT_WINDOW_MS;
      const old = backend
        .sim()
        .subscriptions()
        .find((s) => s.accession_date < windowStart);
      if (old === undefined) throw new Error('no subscription older than 30 days');
      const { bundles } = await list(backend, { subscriber_code: old.subscriber_code });
      expect(bundles).toEqual(expected([old]));
    });

    test('subscriber_email: every subscription of that subscriber', async () => {
      const byEmail = new Map<string, SubscriptionItem[]>();
      for (const s of backend.sim().subscriptions()) {
        byEmail.set(s.subscriber.email, [...(byEmail.get(s.subscriber.email) ?? []), s]);
      }
      const [email, mine] = [...byEmail].find(([, items]) => items.length >= 2) ?? [];
      if (email === undefined || mine === undefined) throw new Error('no subscriber with two');
      const { bundles, sent } = await list(backend, { subscriber_email: email });
      expect(bundles).toEqual(expected(mine));
      expect(sent[0]?.query.get('subscriber_email')).toBe(email);
    });

    test('product_id: every subscription of the product, of any date', async () => {
      const all = backend.sim().subscriptions();
      const productId = all[all.length - 1]?.product.id;
      const matching = all.filter((s) => s.product.id === productId);
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.length).toBeLessThan(SIZE);
      const { bundles, sent } = await list(backend, { product_id: productId, limit: MAX_LIMIT });
      expect(bundles).toEqual(expected(matching));
      expect(sent).toHaveLength(Math.ceil(matching.length / 500));
      for (const request of sent) expect(request.query.get('product_id')).toBe(String(productId));
    });

    test('transaction: the subscription that purchase created', async () => {
      const target = backend.sim().subscriptions()[SIZE - 1];
      if (target === undefined) throw new Error('empty data set');
      const { bundles } = await list(backend, { transaction: target.transaction });
      expect(bundles).toEqual(expected([target]));
    });

    test('plan (several names, with spaces): repeated keys, only those plans', async () => {
      const names = ['Plano Mensal', 'Plano Anual'];
      const matching = backend
        .sim()
        .subscriptions()
        .filter((s) => names.includes(s.plan.name));
      expect(matching.length).toBeGreaterThan(0);
      const { bundles, sent } = await list(backend, { plan: names, limit: MAX_LIMIT });
      expect(bundles).toEqual(expected(matching));
      for (const request of sent) expect(request.query.getAll('plan')).toEqual(names);
    });

    test.each([true, false])(
      'trial = %s: only subscriptions with (or without) a trial',
      async (trial) => {
        const matching = backend
          .sim()
          .subscriptions()
          .filter((s) => s.trial === trial);
        expect(matching.length).toBeGreaterThan(0);
        const { bundles, sent } = await list(backend, { trial, limit: MAX_LIMIT });
        expect(bundles).toEqual(expected(matching));
        expect(sent[0]?.query.get('trial')).toBe(String(trial));
      },
    );

    test("Accession date to alone: every subscription up to it (the app's start, not Hotmart's 30 days)", async () => {
      const to = backend.now().getTime() - 45 * DAY_MS;
      const matching = backend
        .sim()
        .subscriptions()
        .filter((s) => s.accession_date <= to);
      expect(matching.length).toBeGreaterThan(0);
      const { bundles, sent } = await list(backend, {
        end_accession_date: new Date(to).toISOString(),
        limit: MAX_LIMIT,
      });
      expect(bundles).toEqual(expected(matching));
      expect(sent[0]?.query.get('accession_date')).toBe(ALL_TIME);
    });

    test('accession date range: dates given as ISO text are sent as epoch milliseconds', async () => {
      const to = backend.now().getTime() - 60 * DAY_MS;
      const from = to - 90 * DAY_MS;
      const matching = backend
        .sim()
        .subscriptions()
        .filter((s) => s.accession_date >= from && s.accession_date <= to);
      expect(matching.length).toBeGreaterThan(0);
      const { bundles, sent } = await list(backend, {
        accession_date: new Date(from).toISOString(),
        end_accession_date: new Date(to).toISOString(),
        limit: MAX_LIMIT,
      });
      expect(bundles).toEqual(expected(matching));
      expect(sent[0]?.query.get('accession_date')).toBe(String(from));
      expect(sent[0]?.query.get('end_accession_date')).toBe(String(to));
    });

    test('next-charge date range: only the subscriptions charged within it', async () => {
      const from = backend.now().getTime();
      const to = from + 7 * DAY_MS;
      const matching = backend
        .sim()
        .subscriptions()
        .filter((s) => s.date_next_charge >= from && s.date_next_charge <= to);
      expect(matching.length).toBeGreaterThan(0);
      const { bundles, sent } = await list(backend, {
        date_next_charge: new Date(from).toISOString(),
        end_date_next_charge: new Date(to).toISOString(),
        limit: MAX_LIMIT,
      });
      expect(bundles).toEqual(expected(matching));
      expect(sent[0]?.query.get('date_next_charge')).toBe(String(from));
      expect(sent[0]?.query.get('end_date_next_charge')).toBe(String(to));
    });
  });
});

describe('listSubscriptions after a state change', () => {
  const backend = useSimulator(200, false);

  test('cancellation date range: a subscription cancelled now is found, and only in range', async () => {
    const { runtime } = built;
    const connection = await backend.connect(runtime);
    const target = backend
      .sim()
      .subscriptions()
      .find((s) => s.status === 'ACTIVE');
    if (target === undefined) throw new Error('no active subscription');
    await runOn(backend, runtime, 'cancelSubscription', {
      connection,
      parameters: { subscriber_code: target.subscriber_code },
    });
    const now = backend.now().getTime();
    const around = await runOn(backend, runtime, 'listSubscriptions', {
      connection,
      parameters: {
        cancelation_date: new Date(now - 60_000).toISOString(),
        end_cancelation_date: new Date(now + 60_000).toISOString(),
      },
    });
    expect(codesOf(around.bundles)).toEqual([target.subscriber_code]);
    expect(around.bundles[0]?.['status']).toBe('CANCELLED_BY_SELLER');
    const earlier = await runOn(backend, runtime, 'listSubscriptions', {
      connection,
      parameters: {
        subscriber_code: target.subscriber_code,
        cancelation_date: new Date(now - 30 * DAY_MS).toISOString(),
        end_cancelation_date: new Date(now - 60_000).toISOString(),
      },
    });
    expect(earlier.bundles).toEqual([]);
  });
});

describe("Make's cap: 3,200 records (3,500 subscriptions)", () => {
  const backend = useSimulator(3500, false);

  test('limit 3,200 reads seven pages and returns the first 3,200, each once', async () => {
    const all = backend.sim().subscriptions();
    const { bundles, sent } = await list(backend, { limit: MAX_LIMIT });
    expect(sent).toHaveLength(7);
    expect(codesOf(bundles)).toEqual(all.slice(0, MAX_LIMIT).map((s) => s.subscriber_code));
    expect(new Set(codesOf(bundles)).size).toBe(MAX_LIMIT);
  });
});

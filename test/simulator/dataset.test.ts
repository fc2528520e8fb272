// The seeded data set: deterministic, sized as asked, shaped like the reference's examples.
import { createSimulator } from '../../lib/simulator';
import type { SubscriptionItem } from '../../lib/simulator';
import fc from 'fast-check';
import { addPeriods, type RecurrencyPeriod } from '../../lib/simulator/calendar';
import type { CatalogPlan } from '../../lib/simulator/catalog';
import { dueRecurrences } from '../../lib/simulator/dataset';
import { call, DAY, setup, START, SUBSCRIPTIONS, testClock } from './helpers';

const STATUSES = [
  'ACTIVE',
  'INACTIVE',
  'DELAYED',
  'OVERDUE',
  'STARTED',
  'CANCELLED_BY_CUSTOMER',
  'CANCELLED_BY_SELLER',
  'CANCELLED_BY_ADMIN',
];

describe('simulator data set', () => {
  it('is the same for the same seed and clock day', () => {
    const a = createSimulator({ seed: 7, size: 200, now: testClock().now });
    const b = createSimulator({ seed: 7, size: 200, now: testClock(START + 3_600_000).now });
    expect(b.subscriptions()).toEqual(a.subscriptions());
    const code = a.subscriptions()[42]!.subscriber_code;
    expect(b.purchases(code)).toEqual(a.purchases(code));
  });

  it('differs for another seed', () => {
    const a = createSimulator({ seed: 7, size: 50, now: testClock().now });
    const b = createSimulator({ seed: 8, size: 50, now: testClock().now });
    const codesA = new Set(a.subscriptions().map((s) => s.subscriber_code));
    expect(b.subscriptions().filter((s) => codesA.has(s.subscriber_code))).toEqual([]);
  });

  it('has the configured size, 1,000 by default, and a larger size extends a smaller one', () => {
    const clock = testClock();
    expect(createSimulator({ now: clock.now }).subscriptions()).toHaveLength(1000);
    const small = createSimulator({ size: 30, now: clock.now }).subscriptions();
    const large = createSimulator({ size: 60, now: clock.now }).subscriptions();
    expect(small).toHaveLength(30);
    const largeByCode = new Map(large.map((s) => [s.subscriber_code, s]));
    for (const item of small) expect(largeByCode.get(item.subscriber_code)).toEqual(item);
    expect(createSimulator({ size: 0, now: clock.now }).subscriptions()).toEqual([]);
  });

  it('shapes every subscription like the reference example, with fake people', () => {
    const items = createSimulator({ now: testClock().now }).subscriptions();
    const codes = new Set<string>();
    for (const item of items) {
      expect(item).toEqual<SubscriptionItem>({
        subscriber_code: expect.stringMatching(/^[A-Z0-9]{8}$/),
        subscription_id: expect.any(Number),
        status: expect.any(String),
        accession_date: expect.any(Number),
        // The cancellation request's moment: only cancelled subscriptions have the key at all.
        ...(item.status.startsWith('CANCELLED') ? { end_accession_date: expect.any(Number) } : {}),
        request_date: expect.any(Number),
        date_next_charge: expect.any(Number),
        trial: expect.any(Boolean),
        transaction: expect.stringMatching(/^HP\d{14}$/),
        plan: {
          name: expect.any(String),
          id: expect.any(Number),
          recurrency_period: expect.any(Number),
          ...('max_charge_cycles' in item.plan ? { max_charge_cycles: expect.any(Number) } : {}),
        },
        product: {
          id: expect.any(Number),
          name: expect.any(String),
          ucode: expect.stringMatching(
            /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
          ),
        },
        price: { value: expect.any(Number), currency_code: expect.stringMatching(/^[A-Z]{3}$/) },
        subscriber: {
          name: expect.stringMatching(/^\S+ \S+$/),
          email: expect.stringMatching(/^[a-z]+\.[a-z]+\d+@example\.com$/),
          ucode: expect.any(String),
        },
      });
      expect(STATUSES).toContain(item.status);
      expect([7, 30, 60, 90, 180, 360]).toContain(item.plan.recurrency_period);
      expect(String(item.product.id)).toHaveLength(7);
      // Epoch milliseconds (13 digits), accession before the clock, request just before it.
      expect(String(item.accession_date)).toHaveLength(13);
      expect(item.accession_date).toBeLessThan(START);
      expect(item.request_date).toBeLessThan(item.accession_date);
      codes.add(item.subscriber_code);
    }
    expect(codes.size).toBe(items.length);
    const statuses = new Set(items.map((item) => item.status));
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    expect(items.some((item) => !('end_accession_date' in item))).toBe(true);
    expect(JSON.stringify(items)).not.toContain('null');
    expect(items.some((item) => item.plan.max_charge_cycles === undefined)).toBe(true);
  });

  it('keeps purchases coherent with their subscription', () => {
    const sim = createSimulator({ size: 300, now: testClock().now });
    for (const item of sim.subscriptions()) {
      const purchases = sim.purchases(item.subscriber_code)!;
      expect(purchases.length).toBeGreaterThan(0);
      expect(purchases[0]!.transaction).toBe(item.transaction);
      const unpaid = purchases.filter((p) => p.approved_date === undefined);
      if (item.status === 'ACTIVE') expect(unpaid).toEqual([]);
      if (item.status === 'DELAYED') expect(unpaid.length).toBeGreaterThan(0);
      if (item.status === 'INACTIVE' || item.status === 'STARTED') {
        expect(purchases).toHaveLength(1);
        expect(unpaid).toHaveLength(1);
      }
    }
  });

  it('has subscribers paying from their Hotmart balance, as real payloads show them', () => {
    const sim = createSimulator({ size: 400, now: testClock().now });
    const payments = sim
      .subscriptions()
      .map((item) => sim.purchases(item.subscriber_code)![0]!)
      .map((p) => [p.payment_type, p.payment_method]);
    const balance = payments.filter(([type]) => type === 'HOTMART_BALANCE');
    expect(balance.length).toBeGreaterThan(0);
    expect(balance.length).toBeLessThan(payments.length / 5);
    expect(new Set(balance.map(([, method]) => method))).toEqual(new Set(['HOTMART']));
  });

  // Real data: an unpaid renewal is OVERDUE, and a card Hotmart could not charge is retried,
  // each attempt a row of the same recurrence.
  it('writes an unpaid renewal as OVERDUE, after NO_FUNDS rows for card retries', () => {
    const sim = createSimulator({ size: 400, now: testClock().now });
    let retried = 0;
    let renewals = 0;
    for (const item of sim.subscriptions()) {
      const purchases = sim.purchases(item.subscriber_code)!;
      const unpaid = purchases.filter((p) => p.approved_date === undefined);
      const renewal = unpaid.filter((p) => p.recurrency_number > 1);
      if (renewal.length === 0) continue;
      renewals += 1;
      expect(renewal).toEqual(unpaid);
      expect(new Set(renewal.map((p) => p.recurrency_number)).size).toBe(1);
      expect(renewal.map((p) => p.status)).toEqual([
        ...renewal.slice(1).map(() => 'NO_FUNDS'),
        'OVERDUE',
      ]);
      expect(new Set(renewal.map((p) => p.transaction)).size).toBe(renewal.length);
      if (renewal.length > 1) {
        retried += 1;
        expect(renewal.every((p) => p.payment_type === 'CREDIT_CARD')).toBe(true);
      }
    }
    expect(renewals).toBeGreaterThan(5);
    expect(retried).toBeGreaterThan(0);
  });

  it.each([
    [{ size: -1 }, /size/],
    [{ size: 1.5 }, /size/],
    [{ seed: Number.NaN }, /seed/],
    [{ tokenTtlSeconds: 0 }, /tokenTtlSeconds/],
    [{ rateLimitPerMinute: 0 }, /rateLimitPerMinute/],
    [{ credentials: { clientId: 'a:b', clientSecret: 'x' } }, /clientId/],
    [{ credentials: { clientId: 'a', clientSecret: '' } }, /clientSecret/],
    [{ now: () => new Date('not a date') }, /now/],
  ])('refuses bad options %p with a message naming the option', (options, message) => {
    expect(() => createSimulator(options)).toThrow(message);
  });
});

describe('lazy parts of the data set', () => {
  // The count of due cycles as it was first written: counting every cycle from the accession.
  function countFromStart(accession: number, plan: CatalogPlan, until: number): number {
    let count = 0;
    const cap = plan.maxChargeCycles ?? Number.POSITIVE_INFINITY;
    while (count < cap && addPeriods(accession, plan.recurrencyPeriod, count) <= until) count += 1;
    return count;
  }

  it('counts due cycles as counting each one from the accession does', () => {
    const plan = (period: RecurrencyPeriod, cap: number | null): CatalogPlan =>
      ({ recurrencyPeriod: period, maxChargeCycles: cap }) as CatalogPlan;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2030-01-01') }),
        fc.integer({ min: -40 * DAY, max: 9 * 365 * DAY }),
        fc.constantFrom<RecurrencyPeriod>(7, 30, 60, 90, 180, 360),
        fc.option(fc.integer({ min: 1, max: 60 })),
        (accession, offset, period, cap) => {
          const until = accession + offset;
          expect(dueRecurrences(accession, plan(period, cap), until)).toBe(
            countFromStart(accession, plan(period, cap), until),
          );
        },
      ),
      { numRuns: 2000 },
    );
    // Month ends: the 31st of January plus one month is the last day of February.
    const jan31 = Date.parse('2024-01-31T10:00:00Z');
    for (const until of ['2024-02-29T09:59:59Z', '2024-02-29T10:00:00Z', '2024-03-31T10:00:00Z']) {
      expect(dueRecurrences(jan31, plan(30, null), Date.parse(until))).toBe(
        countFromStart(jan31, plan(30, null), Date.parse(until)),
      );
    }
  });

  it('builds a purchase history the same before or after the subscription changes', async () => {
    const a = await setup({ seed: 11, size: 80 });
    const b = await setup({ seed: 11, size: 80 });
    const code = a.sim.subscriptions().find((s) => s.status === 'ACTIVE')!.subscriber_code;
    const readFirst = a.sim.purchases(code);
    for (const { sim, token } of [a, b]) {
      const cancelled = await call(sim, token, 'POST', `${SUBSCRIPTIONS}/${code}/cancel`, {
        send_mail: false,
      });
      expect(cancelled.status).toBe(200);
    }
    // a built its history before the cancel, b after: the same history, the same current view.
    expect(b.sim.purchases(code)).toEqual(a.sim.purchases(code));
    expect(readFirst!.length).toBeGreaterThan(0);
  });
});

// The simulator writes Hotmart's `YYYY-MM-DD HH:mm:ss` texts and due days on Hotmart's billing
// clock, UTC (modules/README.md, "Dates received").
import { createSimulator } from '../../lib/simulator';
import { addPeriods, dueDayOf, formatHotmartDateTime } from '../../lib/simulator/calendar';
import { utcDateTimeText } from '../support/expected-outputs';

test('date texts are UTC at 5,000 instants spread over 2016–2027, sub-second ones included', () => {
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const from = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2027, 11, 31) - from;
  for (let i = 0; i < 5_000; i += 1) {
    const ms = from + Math.floor(next() * span);
    expect(formatHotmartDateTime(ms)).toBe(utcDateTimeText(ms));
  }
  expect(formatHotmartDateTime(Date.UTC(2018, 10, 4, 2, 59, 59, 999))).toBe('2018-11-04 02:59:59');
});

test('a first charge between 00:00 and 03:00 UTC falls on the UTC due day (Brazil’s is the day before)', () => {
  const lateNightInBrazil = Date.UTC(2024, 4, 10, 1, 30);
  expect(dueDayOf(lateNightInBrazil, 30)).toBe(10);
  // 2024-05-10 is a Friday (5); weekly plans count Monday = 1 … Sunday = 7.
  expect(dueDayOf(lateNightInBrazil, 7)).toBe(5);
  expect(dueDayOf(Date.UTC(2024, 4, 12, 23, 59), 7)).toBe(7);
});

test('renewals are due at 12:00:00 UTC on the due day, as in every real next-charge time', () => {
  const sim = createSimulator({ seed: 9, size: 300, now: () => new Date('2024-06-15T08:30:00Z') });
  const renewing = sim
    .subscriptions()
    // Paid at least once: the next charge is a renewal, not the first purchase.
    .filter((s) =>
      (sim.purchases(s.subscriber_code) ?? []).some((p) => p.approved_date !== undefined),
    );
  expect(renewing.length).toBeGreaterThan(200);
  for (const subscription of renewing) {
    expect(new Date(subscription.date_next_charge).toISOString().slice(10)).toBe('T12:00:00.000Z');
  }
});

// Charge dates are computed in plain arithmetic: the same instants as Date's UTC setters give,
// with the day clamped to shorter months (31 January plus one month is the end of February).
test('addPeriods matches calendar months from Date at 20,000 instants over 1901–2096', () => {
  const byDate = (ms: number, months: number): number => {
    const day = new Date(ms).getUTCDate();
    const target = new Date(ms);
    target.setUTCDate(1);
    target.setUTCMonth(target.getUTCMonth() + months);
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
    target.setUTCDate(Math.min(day, last.getUTCDate()));
    return target.getTime();
  };
  const periods = [30, 60, 90, 180, 360] as const;
  let seed = 11;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const from = Date.UTC(1901, 0, 1);
  const span = Date.UTC(2080, 0, 1) - from;
  const mismatches: unknown[] = [];
  for (let i = 0; i < 20_000; i += 1) {
    const ms = from + Math.floor(next() * span);
    const period = periods[i % periods.length] ?? 30;
    const count = Math.floor(next() * 24);
    const expected = byDate(ms, (period / 30) * count);
    if (addPeriods(ms, period, count) !== expected)
      mismatches.push({ ms, period, count, expected });
  }
  expect(mismatches.slice(0, 3)).toEqual([]);
  expect(new Date(addPeriods(Date.UTC(2024, 0, 31, 12), 30, 1)).toISOString()).toBe(
    '2024-02-29T12:00:00.000Z',
  );
});

// Calendar arithmetic and formatDate's quick path replace dayjs on the hot path
// (lib/iml/calendar.ts, lib/iml/quick-format.ts). dayjs stays the reference: on random input,
// every result must be the one dayjs gives.
import fc from 'fast-check';
import dayjs, { type ManipulateType, type UnitType } from 'dayjs';
import { formatDate } from '../../lib/iml/dates';
import { addToWall, setOnWall, type CalendarField } from '../../lib/iml/calendar';
import { quickPlan } from '../../lib/iml/quick-format';

// Years -300 to 3000 (years 0–99 included: Date.UTC reads them as 1900s).
const WALL = fc.integer({ min: -71_700_000_000_000, max: 32_503_680_000_000 });
const AMOUNT = fc.oneof(
  fc.integer({ min: -2_000, max: 2_000 }),
  fc.double({ min: -500, max: 500, noNaN: true }),
);
const SAME = (received: number, expected: number): void =>
  expect(Number.isNaN(expected) ? Number.NaN : received).toBe(expected);

test('addToWall adds days, months and years as dayjs does', () => {
  fc.assert(
    fc.property(WALL, AMOUNT, fc.constantFrom('day', 'month', 'year'), (wall, amount, unit) => {
      const expected = dayjs
        .utc(wall)
        .add(amount, unit as ManipulateType)
        .valueOf();
      SAME(addToWall(wall, amount, unit as 'day'), expected);
    }),
    { numRuns: 3_000 },
  );
});

test('the month-end clamp, leap years and year 0 match dayjs', () => {
  const cases: [string, number, 'month' | 'year'][] = [
    ['2024-01-31T10:00:00Z', 1, 'month'],
    ['2023-01-31T10:00:00Z', 1, 'month'],
    ['2024-02-29T10:00:00Z', 1, 'year'],
    ['2024-03-31T10:00:00Z', -1, 'month'],
    ['0001-03-31T00:00:00Z', -13, 'month'],
  ];
  for (const [text, amount, unit] of cases) {
    const wall = Date.parse(text);
    expect(addToWall(wall, amount, unit)).toBe(dayjs.utc(wall).add(amount, unit).valueOf());
  }
  expect(new Date(addToWall(Date.parse('2024-01-31T10:00:00Z'), 1, 'month')).toISOString()).toBe(
    '2024-02-29T10:00:00.000Z',
  );
});

test('setOnWall sets every field as dayjs does, rolling over out-of-range values', () => {
  const fields: CalendarField[] = ['second', 'minute', 'hour', 'day', 'date', 'month', 'year'];
  fc.assert(
    fc.property(
      WALL,
      fc.constantFrom(...fields),
      fc.oneof(
        fc.integer({ min: -100, max: 3_000 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
      ),
      (wall, field, value) => {
        const expected = dayjs
          .utc(wall)
          .set(field as UnitType, value)
          .valueOf();
        SAME(setOnWall(wall, field, value), expected);
      },
    ),
    { numRuns: 3_000 },
  );
});

const QUICK_TOKENS = ['YYYY', 'YY', 'M', 'MM', 'D', 'DD', 'H', 'HH', 'm', 'mm', 's', 'ss', 'SSS'];
const PUNCTUATION = ['-', ':', ' ', '/', '.', ',', 'T', '_', '|', '0'];

test('formatDate writes numeric formats in UTC as dayjs does', () => {
  // Tokens apart, so two never merge into another one (`DD` + `DD` is `DDDD`, the day of year).
  const part = fc
    .tuple(fc.constantFrom(...QUICK_TOKENS), fc.constantFrom(...PUNCTUATION))
    .map(([token, punctuation]) => token + punctuation);
  const format = fc.array(part, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(WALL, format, (time, pattern) => {
      expect(formatDate(new Date(time), pattern, 'UTC')).toBe(dayjs.utc(time).format(pattern));
    }),
    { numRuns: 3_000 },
  );
});

test('only numeric tokens and punctuation take the quick path', () => {
  const split = (format: string): string[] => format.match(/YYYY|YY|M{1,4}|D{1,4}|./g) ?? [];
  expect(quickPlan(split('YYYY-MM-DD HH:mm'))).not.toBeNull();
  expect(quickPlan(split('MMM D'))).toBeNull();
  expect(quickPlan(split('[at] D'))).toBeNull();
  expect(quickPlan(split('Z'))).toBeNull();
  expect(quickPlan([])).toBeNull();
});

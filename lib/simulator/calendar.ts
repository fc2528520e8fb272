// Date arithmetic for billing cycles. Hotmart bills monthly-type plans on the same day of the
// month (the "due day"), so months are calendar months here, not 30-day blocks.

// Held in module constants for speed under jest's vm contexts, as in random.ts.
const { floor, min, trunc } = Math;

export const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** `plan.recurrency_period` values (days) Hotmart documents (reference §9.5). */
export type RecurrencyPeriod = 7 | 30 | 60 | 90 | 180 | 360;

export function startOfUtcDay(ms: number): number {
  return floor(ms / DAY_MS) * DAY_MS;
}

function addUtcMonths(ms: number, months: number): number {
  const days = floor(ms / DAY_MS);
  const timeOfDay = ms - days * DAY_MS;
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) + trunc(months);
  const targetYear = floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  // Clamp: a subscription started on the 31st renews on the last day of shorter months.
  const lastDay = daysInMonth(targetYear, targetMonth);
  return daysFromCivil(targetYear, targetMonth, min(day, lastDay)) * DAY_MS + timeOfDay;
}

// Calendar fields from days since 1970-01-01 and back, in plain arithmetic (proleptic
// Gregorian, Howard Hinnant's algorithms): the dataset computes thousands of charge dates at
// every start, and Date's setters cost five times as much.
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1_460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const shifted = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Hotmart bills renewals at 12:00:00 UTC on the due day (modules/README.md, "Dates received"). */
const RENEWAL_HOUR_UTC = 12;

/** 12:00:00 UTC on the UTC day of `ms`: when Hotmart charges a renewal due that day. */
export function renewalTime(ms: number): number {
  return startOfUtcDay(ms) + RENEWAL_HOUR_UTC * 60 * MINUTE_MS;
}

/** The date of the charge `count` cycles after `start`. */
export function addPeriods(start: number, period: RecurrencyPeriod, count: number): number {
  if (period === 7) return start + count * 7 * DAY_MS;
  return addUtcMonths(start, (period / 30) * count);
}

/** `interval_type_between_charges` + `interval_between_charges` of the cancel response (§4.3). */
/** A period's name as Hotmart's plans (`periodicity`) and transactions (`recurrency_type`) write it. */
export const PERIODICITY: Readonly<Record<RecurrencyPeriod, string>> = {
  7: 'WEEKLY',
  30: 'MONTHLY',
  60: 'BIMONTHLY',
  90: 'QUARTERLY',
  180: 'BIANNUAL',
  360: 'ANNUAL',
};

export function intervalOf(period: RecurrencyPeriod): { type: 'WEEK' | 'MONTH'; count: number } {
  return period === 7 ? { type: 'WEEK', count: 1 } : { type: 'MONTH', count: period / 30 };
}

// Hotmart's billing clock is UTC (modules/README.md, "Dates received"): its date strings, due
// days and next-charge times are all read in UTC.
const pad = (value: number): string => String(value).padStart(2, '0');

/** `"YYYY-MM-DD HH:mm:ss"` in UTC, as the cancel and reactivate responses show dates. */
export function formatHotmartDateTime(ms: number): string {
  const date = new Date(ms);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

/** Day of the month (1–31), or for weekly plans the weekday (1 = Monday … 7 = Sunday), in UTC. */
export function dueDayOf(ms: number, period: RecurrencyPeriod): number {
  const date = new Date(ms);
  if (period !== 7) return date.getUTCDate();
  const weekday = date.getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

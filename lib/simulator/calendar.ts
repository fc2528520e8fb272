// Date arithmetic for billing cycles. Hotmart bills monthly-type plans on the same day of the
// month (the "due day"), so months are calendar months here, not 30-day blocks.

export const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** `plan.recurrency_period` values (days) Hotmart documents (reference §9.5). */
export type RecurrencyPeriod = 7 | 30 | 60 | 90 | 180 | 360;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  const target = new Date(ms);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  // Clamp: a subscription started on the 31st renews on the last day of shorter months.
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.getTime();
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

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

/** The date of the charge `count` cycles after `start`. */
export function addPeriods(start: number, period: RecurrencyPeriod, count: number): number {
  if (period === 7) return start + count * 7 * DAY_MS;
  return addUtcMonths(start, (period / 30) * count);
}

/** `interval_type_between_charges` + `interval_between_charges` of the cancel response (§4.3). */
export function intervalOf(period: RecurrencyPeriod): { type: 'WEEK' | 'MONTH'; count: number } {
  return period === 7 ? { type: 'WEEK', count: 1 } : { type: 'MONTH', count: period / 30 };
}

// Hotmart does not state the time zone of its date strings; Brazil time is the likely one
// (reference §3.2). São Paulo's wall clock, daylight saving included: Brazil observed it until
// February 2019, and the seeded data reaches back two years before the simulator's clock.
const SAO_PAULO_WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Sao_Paulo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** São Paulo's offset from UTC at `ms`, in ms, asked of Intl (slow: about 10 µs a call). */
function exactOffset(ms: number): number {
  const parts: Record<string, string> = {};
  for (const part of SAO_PAULO_WALL_CLOCK.formatToParts(new Date(ms)))
    parts[part.type] = part.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(ms / SECOND_MS) * SECOND_MS;
}

// Offsets per UTC month: when the offset is the same at a month's first and last millisecond, no
// change happened in between (a zone changes at most twice a year, never twice in one month), so
// one Intl call answers the whole month. A month with a change (null) asks Intl every time.
const monthOffsets = new Map<number, number | null>();

function saoPauloOffset(ms: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const key = year * 12 + month;
  let offset = monthOffsets.get(key);
  if (offset === undefined) {
    const first = exactOffset(Date.UTC(year, month, 1));
    offset = first === exactOffset(Date.UTC(year, month + 1, 1) - 1) ? first : null;
    monthOffsets.set(key, offset);
  }
  return offset ?? exactOffset(ms);
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** The wall-clock fields in São Paulo at `ms`. */
function wallClock(ms: number): Record<string, string> {
  const wall = new Date(ms + saoPauloOffset(ms));
  return {
    year: String(wall.getUTCFullYear()),
    month: pad(wall.getUTCMonth() + 1),
    day: pad(wall.getUTCDate()),
    hour: pad(wall.getUTCHours()),
    minute: pad(wall.getUTCMinutes()),
    second: pad(wall.getUTCSeconds()),
  };
}

/** `"YYYY-MM-DD HH:mm:ss"` in Brazil time, as the cancel and reactivate responses show dates. */
export function formatHotmartDateTime(ms: number): string {
  const parts = wallClock(ms);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Day of the month (1–31), or for weekly plans the weekday (1 = Monday … 7 = Sunday), in Brazil. */
export function dueDayOf(ms: number, period: RecurrencyPeriod): number {
  const parts = wallClock(ms);
  const day = Number(parts.day);
  if (period !== 7) return day;
  const weekday = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

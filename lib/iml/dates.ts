// Date handling on dayjs (moment-compatible tokens, IANA zones). Inside the engine a date is a
// JavaScript Date (an instant); zones matter only when text is parsed or produced and for
// calendar arithmetic (days, months, years, set*).

import dayjs, { type Dayjs } from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import isoWeek from 'dayjs/plugin/isoWeek';
import weekOfYear from 'dayjs/plugin/weekOfYear';
import weekYear from 'dayjs/plugin/weekYear';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { addToWall, setOnWall, type CalendarField, type CalendarUnit } from './calendar';
import { quickFormat, quickPlan } from './quick-format';
import { parseWeekDate, WEEK_TOKEN } from './week-dates';
import { ImlArgumentError } from './errors';
import { isDate } from './values';
import { fromWallTime, zoneOffset } from './zones';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);
dayjs.extend(advancedFormat);
// advancedFormat's week tokens (w, ww, W, WW, gggg, GGGG) call these plugins' methods.
dayjs.extend(weekOfYear);
dayjs.extend(isoWeek);
dayjs.extend(weekYear);

export const DEFAULT_TIMEZONE = 'UTC';

const validZones = new Set<string>(['UTC']);

/** Returns `zone` when it is an IANA zone name Intl knows; IML_INVALID_ARGUMENT otherwise. */
export function checkTimezone(zone: string): string {
  if (validZones.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ImlArgumentError(`Unknown time zone '${zone}'`);
  }
  validZones.add(zone);
  return zone;
}

const ISO_LOCAL = /^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;
// Texts such as 'Tue, 01 Nov 2022 10:00:00 GMT' (HTTP dates) carry a month or day name.
const NAMED = /[A-Za-z]{3}/;

function inZone(date: Date, zone: string): Dayjs {
  return zone === 'UTC' ? dayjs.utc(date) : dayjs(date).tz(zone);
}

/** Parses ISO 8601 (or an HTTP-style date); text without an offset is wall time in `zone`. */
export function textToTime(text: string, zone: string): number {
  const trimmed = text.trim();
  if (ISO_ZONED.test(trimmed)) return dayjs.utc(trimmed).valueOf();
  if (ISO_LOCAL.test(trimmed)) {
    const parsed = zone === 'UTC' ? dayjs.utc(trimmed) : dayjs.tz(trimmed, checkTimezone(zone));
    return parsed.valueOf();
  }
  if (NAMED.test(trimmed)) return Date.parse(trimmed);
  return Number.NaN;
}

/**
 * Coerces a function argument to a Date: Date as is, numbers as Unix milliseconds, strings as
 * ISO 8601. undefined, null and '' are "empty" and give undefined.
 */
export function toDate(value: unknown, zone: string, what: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let time = Number.NaN;
  if (isDate(value)) time = value.getTime();
  else if (typeof value === 'number') time = value;
  else if (typeof value === 'string') time = textToTime(value, zone);
  const date = new Date(time);
  // A finite number can still lie outside Date's range (±8.64e15 ms, about ±275,000 years).
  if (Number.isNaN(date.getTime())) throw new ImlArgumentError(`${what} is not a valid date`);
  return date;
}

/**
 * A date a function produced, checked: arithmetic and parsing can leave Date's range (and give
 * an invalid Date that would print as "Invalid Date"); that is IML_INVALID_ARGUMENT, because an
 * argument (the amount, the field value, the text) is what put it there.
 */
export function checkedResult(date: Date, fn: string): Date {
  if (Number.isNaN(date.getTime())) {
    throw new ImlArgumentError(`Function '${fn}': the result is outside the supported date range`);
  }
  return date;
}

/** formatDate: moment-style tokens (X = Unix seconds, x = Unix ms) rendered in `zone`. */
export function formatDate(date: Date, format: string, zone: string): string {
  checkTimezone(zone);
  if (format === 'x') return String(date.getTime());
  if (format === 'X') return String(Math.floor(date.getTime() / 1_000));
  const quick = zone === 'UTC' ? planOf(format).quick : null;
  if (quick !== null) return quickFormat(date, quick);
  return inZone(date, zone).format(withUnixLiterals(format, date, zone));
}

/**
 * A format's tokens, as moment reads them: bracketed literals, the longest token at each place,
 * any other character on its own. Splitting first keeps `MMMo` from being read as `MM` + `Mo`.
 */
const FORMAT_TOKENS =
  /\[[^\]]*\]|Mo|MM?M?M?|DDDo|DDDD|DDD|Do|DD?|do|dd?d?d?|wo|ww?|Wo|WW?|Qo|Q|YYYY|YY|Y|gggg|gg|GGGG|GG|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|[\s\S]/g;

/** moment's English long date formats, expanded before the other tokens. */
const LOCALIZED: Readonly<Record<string, string>> = {
  LTS: 'h:mm:ss A',
  LT: 'h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  LLL: 'MMMM D, YYYY h:mm A',
  LL: 'MMMM D, YYYY',
  L: 'MM/DD/YYYY',
  llll: 'ddd, MMM D, YYYY h:mm A',
  lll: 'MMM D, YYYY h:mm A',
  ll: 'MMM D, YYYY',
  l: 'M/D/YYYY',
};

function expandLocalized(format: string): string {
  return format.replace(/\[[^\]]*\]|LTS|LT|L{1,4}|l{1,4}/g, (token) => LOCALIZED[token] ?? token);
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… (moment's English ordinals). */
function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * Tokens dayjs cannot format itself, written as bracketed literals first: X/x (dayjs's timezone
 * plugin shifts the instant by the zone's offset before formatting, so its X/x come out wrong
 * outside UTC; an epoch value does not depend on a zone), E (ISO day of the week, 1–7), e (day of
 * the week, 0–6), DDD/DDDD (day of the year) and moment's tokens that advancedFormat lacks: the
 * ordinals `Mo Qo DDDo do Wo`, `Y`, `gg`/`GG`, `S`/`SS` and `SSSS`…, `zz`; localized formats
 * (`L`, `LL`, `LT`, …) are expanded to their English patterns.
 */
function withUnixLiterals(format: string, date: Date, zone: string): string {
  const { expanded, special } = planOf(format);
  if (!special) return expanded;
  const zoned = inZone(date, zone);
  const dayOfYear = (): number => zoned.startOf('day').diff(zoned.startOf('year'), 'day') + 1;
  const literal = (text: string | number): string => `[${text}]`;
  return expanded.replace(FORMAT_TOKENS, (token) => {
    switch (token) {
      case 'x':
        return literal(date.getTime());
      case 'X':
        return literal(Math.floor(date.getTime() / 1_000));
      case 'E':
        return literal(zoned.isoWeekday());
      case 'e':
        return literal(zoned.day());
      case 'DDD':
        return literal(dayOfYear());
      case 'DDDD':
        return literal(String(dayOfYear()).padStart(3, '0'));
      case 'DDDo':
        return literal(ordinal(dayOfYear()));
      case 'Mo':
        return literal(ordinal(zoned.month() + 1));
      case 'Qo':
        return literal(ordinal(Math.floor(zoned.month() / 3) + 1));
      case 'do':
        return literal(ordinal(zoned.day()));
      case 'Wo':
        return literal(ordinal(zoned.isoWeek()));
      case 'Y':
        return literal(zoned.year());
      case 'gg':
        return literal(String(zoned.weekYear() % 100).padStart(2, '0'));
      case 'GG':
        return literal(String(zoned.isoWeekYear() % 100).padStart(2, '0'));
      case 'zz':
        return 'z';
      default:
        return /^S+$/.test(token) ? literal(fraction(zoned.millisecond(), token.length)) : token;
    }
  });
}

/** Tokens withUnixLiterals writes itself (everything else is dayjs's). */
const SPECIAL_TOKENS = new Set([
  'x',
  'X',
  'E',
  'e',
  'DDD',
  'DDDD',
  'DDDo',
  'Mo',
  'Qo',
  'do',
  'Wo',
  'Y',
  'gg',
  'GG',
  'zz',
]);

interface FormatPlan {
  /** The format with localized tokens expanded. */
  readonly expanded: string;
  /** Whether it has a token withUnixLiterals must write. */
  readonly special: boolean;
  /** The expanded format without weekday names (`ddd`, `dddd`), or null when it has none. */
  readonly withoutWeekdays: string | null;
  /** How formatDate writes it in UTC without dayjs, or null when dayjs must (quick-format.ts). */
  readonly quick: ReturnType<typeof quickPlan>;
}

// Formats are few and repeated (one per template): each is planned once.
const plans = new Map<string, FormatPlan>();
const MAX_PLANS = 1_000;

function planOf(format: string): FormatPlan {
  let plan = plans.get(format);
  if (plan === undefined) {
    const expanded = /[Ll]/.test(format) ? expandLocalized(format) : format;
    const tokens = expanded.match(FORMAT_TOKENS) ?? [];
    const special = tokens.some(
      (token) => SPECIAL_TOKENS.has(token) || (/^S+$/.test(token) && token !== 'SSS'),
    );
    const weekdays = tokens.some((token) => token === 'ddd' || token === 'dddd');
    const withoutWeekdays = weekdays
      ? tokens.filter((token) => token !== 'ddd' && token !== 'dddd').join('')
      : null;
    plan = { expanded, special, withoutWeekdays, quick: special ? null : quickPlan(tokens) };
    if (plans.size >= MAX_PLANS) plans.clear();
    plans.set(format, plan);
  }
  return plan;
}

/** `S` tenths, `SS` hundredths, `SSS` milliseconds, longer: milliseconds and zeros (moment). */
function fraction(ms: number, digits: number): string {
  const padded = String(ms).padStart(3, '0');
  return digits <= 3 ? padded.slice(0, digits) : padded + '0'.repeat(digits - 3);
}

// Bracketed text is literal in a format; a Z outside brackets means the text carries an offset.
function formatHasOffset(format: string): boolean {
  return format.replace(/\[[^\]]*\]/g, '').includes('Z');
}

const UNIX_NUMBER = /^-?\d+(\.\d+)?$/;

/** parseDate: reads `text` with moment-style `format`; wall times are in `zone`. */
export function parseDate(text: string, format: string, zone: string): Date {
  checkTimezone(zone);
  // Unix tokens alone are the hot path of every list module (Hotmart sends epoch ms): a number
  // needs no format parser. Anything that is not a plain decimal number still goes to dayjs.
  if ((format === 'x' || format === 'X') && UNIX_NUMBER.test(text)) {
    const time = format === 'x' ? Number(text) : Number(text) * 1_000;
    if (Number.isFinite(time)) return new Date(format === 'x' ? Math.trunc(time) : time);
  }
  // Localized formats (`L`, `LL`, `LT`, …) read as their English patterns, as formatDate writes them.
  const pattern = planOf(format).expanded;
  // dayjs's parser ignores week and day-of-year tokens (it would read today's date): they have a
  // parser of their own, whose wall time is resolved in the zone like dayjs's.
  if (WEEK_TOKEN.test(pattern.replace(/\[[^\]]*\]/g, ''))) {
    const wall = parseWeekDate(text, pattern);
    return zone === 'UTC' ? new Date(wall) : new Date(fromWallTime(wall, zone, undefined));
  }
  // dayjs's parser cannot read weekday names (`ddd`, `dddd`, as in `LLLL`), which moment reads
  // and ignores: the name is taken out of both the text and the format.
  const { withoutWeekdays } = planOf(format);
  const parsed =
    withoutWeekdays === null
      ? dayjs.utc(text, pattern)
      : dayjs.utc(text.replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/i, ''), withoutWeekdays);
  if (!parsed.isValid()) {
    throw new ImlArgumentError(`Text does not match the date format '${format}'`);
  }
  // X/x and a Z/ZZ token give an absolute instant; otherwise the fields are wall time in `zone`.
  if (format === 'X' || format === 'x' || formatHasOffset(pattern) || zone === 'UTC') {
    return parsed.toDate();
  }
  return dayjs.tz(parsed.format('YYYY-MM-DDTHH:mm:ss.SSS'), zone).toDate();
}

/** What addToDate adds: durations, or calendar units. */
export type DateUnit = 'second' | 'minute' | 'hour' | CalendarUnit;

/**
 * Adds `amount` units. Seconds, minutes and hours are exact durations. Days, months and years
 * follow `zone`'s calendar: the wall-clock time is kept across a daylight-saving change
 * (12:00 plus one day is 12:00 the next day, 23 or 25 hours later), then resolved in the zone
 * again (see fromWallTime for skipped and repeated hours). May return an invalid Date when the
 * result leaves Date's range; callers check.
 */
export function addToDate(date: Date, amount: number, unit: DateUnit, zone: string): Date {
  if (unit === 'second' || unit === 'minute' || unit === 'hour') {
    const factor = unit === 'second' ? 1_000 : unit === 'minute' ? 60_000 : 3_600_000;
    return new Date(date.getTime() + amount * factor);
  }
  return onWallTime(date, zone, false, (wall) => addToWall(wall, amount, unit));
}

/**
 * Sets one calendar field of the wall-clock time in `zone`; values out of range roll over as in
 * moment. In the repeated autumn hour the date's own offset is kept when still possible, so
 * setMinute on the second 01:30 stays in the second 01:30. May return an invalid Date.
 */
export function setDateField(date: Date, unit: CalendarField, value: number, zone: string): Date {
  return onWallTime(date, zone, true, (wall) => setOnWall(wall, unit, value));
}

/** Applies `change` to the wall-clock time of `date` in `zone` (see calendar.ts), then resolves it. */
function onWallTime(
  date: Date,
  zone: string,
  keepOffset: boolean,
  change: (wall: number) => number,
): Date {
  checkTimezone(zone);
  const time = date.getTime();
  const offset = zoneOffset(time, zone);
  const changed = change(time + offset);
  return new Date(fromWallTime(changed, zone, keepOffset ? offset : undefined));
}

// Date handling on dayjs (moment-compatible tokens, IANA zones). Inside the engine a date is a
// JavaScript Date (an instant); zones matter only when text is parsed or produced and for
// calendar arithmetic (days, months, years, set*).

import dayjs, { type Dayjs, type ManipulateType, type UnitType } from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import isoWeek from 'dayjs/plugin/isoWeek';
import weekOfYear from 'dayjs/plugin/weekOfYear';
import weekYear from 'dayjs/plugin/weekYear';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
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
  return inZone(date, zone).format(withUnixLiterals(format, date, zone));
}

/**
 * Tokens dayjs cannot format itself, written as bracketed literals first: X/x (dayjs's timezone
 * plugin shifts the instant by the zone's offset before formatting, so its X/x come out wrong
 * outside UTC; an epoch value does not depend on a zone), E (ISO day of the week, 1–7), e (day of
 * the week, 0–6) and DDD/DDDD (day of the year), which advancedFormat lacks.
 */
function withUnixLiterals(format: string, date: Date, zone: string): string {
  if (!/[XxEe]|DDD/.test(format.replace(/\[[^\]]*\]/g, ''))) return format;
  const zoned = inZone(date, zone);
  return format.replace(/\[[^\]]*\]|DDDD|DDD|X|x|E|e/g, (token) => {
    switch (token) {
      case 'x':
        return `[${date.getTime()}]`;
      case 'X':
        return `[${Math.floor(date.getTime() / 1_000)}]`;
      case 'E':
        return `[${zoned.isoWeekday()}]`;
      case 'e':
        return `[${zoned.day()}]`;
      case 'DDD':
      case 'DDDD': {
        const day = zoned.startOf('day').diff(zoned.startOf('year'), 'day') + 1;
        return `[${token === 'DDDD' ? String(day).padStart(3, '0') : day}]`;
      }
      default:
        return token;
    }
  });
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
  // dayjs's parser ignores week and day-of-year tokens (it would read today's date): they have a
  // parser of their own, whose wall time is resolved in the zone like dayjs's.
  if (WEEK_TOKEN.test(format.replace(/\[[^\]]*\]/g, ''))) {
    const wall = parseWeekDate(text, format);
    return zone === 'UTC' ? new Date(wall) : new Date(fromWallTime(wall, zone, undefined));
  }
  const parsed = dayjs.utc(text, format);
  if (!parsed.isValid()) {
    throw new ImlArgumentError(`Text does not match the date format '${format}'`);
  }
  // X/x and a Z/ZZ token give an absolute instant; otherwise the fields are wall time in `zone`.
  if (format === 'X' || format === 'x' || formatHasOffset(format) || zone === 'UTC') {
    return parsed.toDate();
  }
  return dayjs.tz(parsed.format('YYYY-MM-DDTHH:mm:ss.SSS'), zone).toDate();
}

/**
 * Adds `amount` units. Seconds, minutes and hours are exact durations. Days, months and years
 * follow `zone`'s calendar: the wall-clock time is kept across a daylight-saving change
 * (12:00 plus one day is 12:00 the next day, 23 or 25 hours later), then resolved in the zone
 * again (see fromWallTime for skipped and repeated hours). May return an invalid Date when the
 * result leaves Date's range; callers check.
 */
export function addToDate(date: Date, amount: number, unit: ManipulateType, zone: string): Date {
  if (unit === 'second' || unit === 'minute' || unit === 'hour') {
    const factor = unit === 'second' ? 1_000 : unit === 'minute' ? 60_000 : 3_600_000;
    return new Date(date.getTime() + amount * factor);
  }
  return onWallTime(date, zone, false, (wall) => wall.add(amount, unit));
}

/**
 * Sets one calendar field of the wall-clock time in `zone`; values out of range roll over as in
 * moment. In the repeated autumn hour the date's own offset is kept when still possible, so
 * setMinute on the second 01:30 stays in the second 01:30. May return an invalid Date.
 */
export function setDateField(date: Date, unit: UnitType, value: number, zone: string): Date {
  return onWallTime(date, zone, true, (wall) => wall.set(unit, value));
}

/** Applies `change` to the wall-clock time of `date` in `zone` (as a UTC dayjs), then resolves it. */
function onWallTime(
  date: Date,
  zone: string,
  keepOffset: boolean,
  change: (wall: Dayjs) => Dayjs,
): Date {
  checkTimezone(zone);
  const time = date.getTime();
  const offset = zoneOffset(time, zone);
  const changed = change(dayjs.utc(time + offset)).valueOf();
  return new Date(fromWallTime(changed, zone, keepOffset ? offset : undefined));
}

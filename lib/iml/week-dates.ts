// parseDate for the tokens dayjs's parser ignores (it would silently read today's date): ISO
// weeks (`GGGG`, `W`/`WW`, `E`), locale weeks (`gggg`, `w`/`ww`, `e`; the default English locale:
// weeks start on Sunday and week 1 holds 1 January) and the day of the year (`DDD`/`DDDD`), with
// the calendar tokens and the time of day beside them. The result is the wall-clock time as a
// UTC epoch; the caller resolves it in the time zone.
import { ImlArgumentError } from './errors';

/** Tokens that send a format here instead of to dayjs. */
export const WEEK_TOKEN = /DDD|[WwgGEe]/;

const DAY_MS = 86_400_000;

/** Longest first, so `GGGG` is not read as four `G`s and `DDDD` not as `DDD` + `D`. */
const TOKENS: ReadonlyArray<[string, string]> = [
  ['YYYY', '(\\d{4})'],
  ['GGGG', '(\\d{4})'],
  ['gggg', '(\\d{4})'],
  ['DDDD', '(\\d{3})'],
  ['DDD', '(\\d{1,3})'],
  ['SSS', '(\\d{3})'],
  ['WW', '(\\d{2})'],
  ['ww', '(\\d{2})'],
  ['MM', '(\\d{2})'],
  ['DD', '(\\d{2})'],
  ['HH', '(\\d{2})'],
  ['mm', '(\\d{2})'],
  ['ss', '(\\d{2})'],
  ['W', '(\\d{1,2})'],
  ['w', '(\\d{1,2})'],
  ['M', '(\\d{1,2})'],
  ['D', '(\\d{1,2})'],
  ['H', '(\\d{1,2})'],
  ['m', '(\\d{1,2})'],
  ['s', '(\\d{1,2})'],
  ['E', '([1-7])'],
  ['e', '([0-6])'],
];

/** Letters that would be tokens elsewhere: refused here rather than read as literal text. */
const OTHER_TOKEN = /[A-Za-z]/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The format as one anchored regex and the token behind each group. */
function compileFormat(format: string): { regex: RegExp; tokens: string[] } {
  let source = '';
  const tokens: string[] = [];
  let i = 0;
  while (i < format.length) {
    if (format[i] === '[') {
      const close = format.indexOf(']', i);
      if (close !== -1) {
        source += escapeRegex(format.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, i));
    if (token !== undefined) {
      source += token[1];
      tokens.push(token[0]);
      i += token[0].length;
      continue;
    }
    const char = format[i] as string;
    if (OTHER_TOKEN.test(char)) {
      throw new ImlArgumentError(
        `parseDate cannot combine the token '${char}' with week or day-of-year tokens in '${format}'`,
      );
    }
    source += escapeRegex(char);
    i += 1;
  }
  return { regex: new RegExp(`^${source}$`), tokens };
}

/** Day number (days since 1970-01-01) of a calendar date. */
function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The Monday of ISO week 1: the week that holds 4 January. */
function isoWeekOne(year: number): number {
  const jan4 = dayOf(year, 1, 4);
  const isoWeekday = ((new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7) + 1;
  return jan4 - (isoWeekday - 1);
}

/** The Sunday that starts locale week 1: the week that holds 1 January. */
function localeWeekOne(year: number): number {
  const jan1 = dayOf(year, 1, 1);
  return jan1 - new Date(jan1 * DAY_MS).getUTCDay();
}

/**
 * Reads `text` with a `format` that uses week or day-of-year tokens; returns the wall time as
 * epoch milliseconds (UTC fields), or throws a typed argument error.
 */
export function parseWeekDate(text: string, format: string): number {
  const { regex, tokens } = compileFormat(format);
  const match = regex.exec(text);
  if (match === null) {
    throw new ImlArgumentError(`Text does not match the date format '${format}'`);
  }
  const value = new Map<string, number>();
  tokens.forEach((token, i) => value.set(token, Number(match[i + 1])));
  const get = (...names: string[]): number | undefined => {
    for (const name of names) if (value.has(name)) return value.get(name);
    return undefined;
  };

  const week = get('WW', 'W');
  const localeWeek = get('ww', 'w');
  const dayOfYear = get('DDDD', 'DDD');
  const year = get('YYYY');
  const month = get('MM', 'M');
  const dayOfMonth = get('DD', 'D');
  let day: number;
  if (week !== undefined) {
    const isoYear = get('GGGG', 'YYYY');
    if (isoYear === undefined || week < 1 || week > 53) throw mismatch(format);
    day = isoWeekOne(isoYear) + (week - 1) * 7 + ((get('E') ?? 1) - 1);
  } else if (localeWeek !== undefined) {
    const weekYear = get('gggg', 'YYYY');
    if (weekYear === undefined || localeWeek < 1 || localeWeek > 53) throw mismatch(format);
    day = localeWeekOne(weekYear) + (localeWeek - 1) * 7 + (get('e') ?? 0);
  } else if (dayOfYear !== undefined) {
    if (year === undefined || dayOfYear < 1 || dayOfYear > 366) throw mismatch(format);
    day = dayOf(year, 1, 1) + dayOfYear - 1;
  } else if (year !== undefined && month !== undefined && dayOfMonth !== undefined) {
    // A weekday beside a full calendar date adds nothing (as in moment).
    day = dayOf(year, month, dayOfMonth);
  } else {
    throw new ImlArgumentError(
      `parseDate needs a year with the week, weekday or day-of-year tokens of '${format}'`,
    );
  }
  const hours = get('HH', 'H') ?? 0;
  const minutes = get('mm', 'm') ?? 0;
  const seconds = get('ss', 's') ?? 0;
  const millis = get('SSS') ?? 0;
  if (hours > 23 || minutes > 59 || seconds > 59) throw mismatch(format);
  return day * DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1_000 + millis;
}

function mismatch(format: string): ImlArgumentError {
  return new ImlArgumentError(`Text does not match the date format '${format}'`);
}

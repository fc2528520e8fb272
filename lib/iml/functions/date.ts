// Date functions on dayjs (see ../dates.ts). Results are Date objects; formatDate returns text.
// A missing zone argument means the evaluation's zone (options.timezone, default UTC).

import type { CalendarField } from '../calendar';
import {
  addToDate,
  checkedResult,
  formatDate,
  parseDate,
  setDateField,
  toDate,
  type DateUnit,
} from '../dates';
import { ImlArgumentError } from '../errors';
import { isDate } from '../values';
import { optionalText, requiredNumber, requiredText } from './args';
import { eager, type EagerFunction, type FunctionContext, type FunctionTable } from './types';

function zoneArg(value: unknown, fn: string, position: number, context: FunctionContext): string {
  return optionalText(value, fn, position) ?? context.timezone;
}

function dateArg(value: unknown, fn: string, context: FunctionContext): Date | undefined {
  return toDate(value, context.timezone, `Function '${fn}': argument 1`);
}

function addFunction(name: string, unit: DateUnit): EagerFunction {
  return eager(2, 2, ([date, amount], context) => {
    const start = dateArg(date, name, context);
    if (start === undefined) return undefined;
    const result = addToDate(start, requiredNumber(amount, name, 2), unit, context.timezone);
    return checkedResult(result, name);
  });
}

function setFunction(
  name: string,
  unit: CalendarField,
  toField: (value: unknown) => number,
): EagerFunction {
  return eager(2, 2, ([date, value], context) => {
    const start = dateArg(date, name, context);
    if (start === undefined) return undefined;
    return checkedResult(setDateField(start, unit, toField(value), context.timezone), name);
  });
}

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A 1-based number, or an English name (full or three letters) looked up in `names`. */
function numberOrName(fn: string, names: readonly string[]): (value: unknown) => number {
  return (value) => {
    if (typeof value === 'string' && /[a-z]/i.test(value)) {
      const wanted = value.trim().toLowerCase();
      const index = names.findIndex((name) => name === wanted || name.slice(0, 3) === wanted);
      if (index === -1)
        throw new ImlArgumentError(`Function '${fn}': argument 2 is not a known name`);
      return index;
    }
    return requiredNumber(value, fn, 2) - 1;
  };
}

const plainNumber = (fn: string) => (value: unknown) => requiredNumber(value, fn, 2);

export const dateFunctions: FunctionTable = {
  /** formatDate(date, format, [timezone]): text with moment-style tokens (X, x for Unix). */
  formatDate: eager(2, 3, ([date, format, zone], context) => {
    const value = dateArg(date, 'formatDate', context);
    if (value === undefined) return undefined;
    const pattern = requiredText(format, 'formatDate', 2);
    return formatDate(value, pattern, zoneArg(zone, 'formatDate', 3, context));
  }),

  /** parseDate(text, format, [timezone]): a Date; wall times are read in the zone. */
  parseDate: eager(2, 3, ([text, format, zone], context) => {
    if (isDate(text)) return new Date(text.getTime());
    // An epoch number with a Unix token is an instant already: no text round trip (this is every
    // date of a Hotmart list page). An explicit zone still goes the long way, to be checked.
    if (typeof text === 'number' && Number.isFinite(text) && zone === undefined) {
      if (format === 'x') return checkedResult(new Date(Math.trunc(text)), 'parseDate');
      if (format === 'X') return checkedResult(new Date(text * 1_000), 'parseDate');
    }
    const value = optionalText(text, 'parseDate', 1);
    if (value === undefined || value === '') return undefined;
    const pattern = requiredText(format, 'parseDate', 2);
    return checkedResult(
      parseDate(value, pattern, zoneArg(zone, 'parseDate', 3, context)),
      'parseDate',
    );
  }),

  addSeconds: addFunction('addSeconds', 'second'),
  addMinutes: addFunction('addMinutes', 'minute'),
  addHours: addFunction('addHours', 'hour'),
  addDays: addFunction('addDays', 'day'),
  addMonths: addFunction('addMonths', 'month'),
  addYears: addFunction('addYears', 'year'),

  setSecond: setFunction('setSecond', 'second', plainNumber('setSecond')),
  setMinute: setFunction('setMinute', 'minute', plainNumber('setMinute')),
  setHour: setFunction('setHour', 'hour', plainNumber('setHour')),
  /** setDay(date, day): 1 = Sunday … 7 = Saturday (or a day name); other numbers roll weeks. */
  setDay: setFunction('setDay', 'day', numberOrName('setDay', DAY_NAMES)),
  /** setDate(date, day of month). */
  setDate: setFunction('setDate', 'date', plainNumber('setDate')),
  /** setMonth(date, month): 1 = January … 12 (or a month name). */
  setMonth: setFunction('setMonth', 'month', numberOrName('setMonth', MONTH_NAMES)),
  setYear: setFunction('setYear', 'year', plainNumber('setYear')),
};

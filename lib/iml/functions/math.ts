// Math functions. Aggregates (sum, average, median, stdevP, min, max) take numbers or arrays of
// numbers in any mix, skip empty values, and accept numeric strings.

import { ImlArgumentError } from '../errors';
import { integerIn, optionalNumber, optionalText, requiredText } from './args';
import { eager, type EagerFunction, type FunctionTable } from './types';

function numbersOf(args: readonly unknown[], fn: string): number[] {
  const numbers: number[] = [];
  args.forEach((arg, i) => {
    const values = Array.isArray(arg) ? (arg as unknown[]) : [arg];
    for (const value of values) {
      const number = optionalNumber(value, fn, i + 1);
      if (number !== undefined) numbers.push(number);
    }
  });
  return numbers;
}

function unary(name: string, apply: (value: number) => number): EagerFunction {
  return eager(1, 1, ([value]) => {
    const number = optionalNumber(value, name, 1);
    return number === undefined ? undefined : apply(number);
  });
}

function aggregate(name: string, apply: (values: number[]) => number | undefined): EagerFunction {
  return eager(1, Number.POSITIVE_INFINITY, (args) => apply(numbersOf(args, name)));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : sum(values) / values.length;
}

function groupThousands(digits: string, separator: string): string {
  let grouped = '';
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += separator;
    grouped += digits.charAt(i);
  }
  return grouped;
}

export const mathFunctions: FunctionTable = {
  abs: unary('abs', Math.abs),
  ceil: unary('ceil', Math.ceil),
  floor: unary('floor', Math.floor),
  /** round(number): nearest integer, halves up (JavaScript's Math.round). */
  round: unary('round', Math.round),
  /** trunc(number, [decimals]): cut (toward zero) to `decimals` places, 0 by default. */
  trunc: eager(1, 2, ([value, decimals]) => {
    const number = optionalNumber(value, 'trunc', 1);
    if (number === undefined) return undefined;
    const places = decimals === undefined ? 0 : integerIn(decimals, 'trunc', 2, 0, 15);
    if (places === 0 || Number.isInteger(number) || !Number.isFinite(number)) {
      return Math.trunc(number);
    }
    // Through the decimal text, so 1.005 cut to 2 places is 1, not 1.00 less a binary error.
    const [whole = '0', fraction = ''] = Math.abs(number).toFixed(20).split('.');
    const cut = Number(`${whole}.${fraction.slice(0, places)}`);
    return number < 0 ? -cut : cut;
  }),

  sum: aggregate('sum', sum),
  average: aggregate('average', mean),
  min: aggregate('min', (values) =>
    values.length === 0 ? undefined : values.reduce((a, b) => Math.min(a, b)),
  ),
  max: aggregate('max', (values) =>
    values.length === 0 ? undefined : values.reduce((a, b) => Math.max(a, b)),
  ),
  median: aggregate('median', (values) => {
    if (values.length === 0) return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
      ? sorted[middle]
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  }),
  /** stdevP(values): population standard deviation. */
  stdevP: aggregate('stdevP', (values) => {
    const average = mean(values);
    if (average === undefined) return undefined;
    return Math.sqrt(mean(values.map((value) => (value - average) ** 2)) ?? 0);
  }),

  /**
   * formatNumber(number, decimals, [decimal separator = ','], [thousands separator = '.']):
   * Make's defaults are the European ones.
   */
  formatNumber: eager(2, 4, ([value, decimals, decimalSeparator, thousandsSeparator]) => {
    const number = optionalNumber(value, 'formatNumber', 1);
    if (number === undefined) return undefined;
    if (!Number.isFinite(number)) {
      throw new ImlArgumentError("Function 'formatNumber': argument 1 must be a finite number");
    }
    const places = integerIn(decimals, 'formatNumber', 2, 0, 20);
    const point = optionalText(decimalSeparator, 'formatNumber', 3) ?? ',';
    const thousands = optionalText(thousandsSeparator, 'formatNumber', 4) ?? '.';
    const fixed = Math.abs(number).toFixed(places);
    const [whole = '0', fraction] = fixed.split('.');
    const sign = number < 0 && Number(fixed) !== 0 ? '-' : '';
    const grouped = groupThousands(whole, thousands);
    return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${point}${fraction}`;
  }),

  /** parseNumber(text, [decimal separator = '.']): other separators and spaces are ignored. */
  parseNumber: eager(1, 2, ([value, decimalSeparator]) => {
    if (typeof value === 'number') return value;
    const text = optionalText(value, 'parseNumber', 1);
    if (text === undefined || text.trim() === '') return undefined;
    const point =
      decimalSeparator === undefined ? '.' : requiredText(decimalSeparator, 'parseNumber', 2);
    let cleaned = '';
    for (const ch of text) {
      if (ch === point) cleaned += '.';
      else if ((ch >= '0' && ch <= '9') || ch === '-') cleaned += ch;
    }
    const number = Number(cleaned);
    if (cleaned === '' || Number.isNaN(number)) {
      throw new ImlArgumentError("Function 'parseNumber': argument 1 is not a number");
    }
    return number;
  }),
};

// The semantics of IML's operators. Equality is strict; `+` concatenates when either side is a
// string; a Date on either side of a comparison makes both sides instants (ISO strings parsed in
// the evaluation's time zone), so `data.expires < now` works after `data` went through JSON.

import type { BinaryOperator } from './ast';
import { textToTime } from './dates';
import { ImlTypeError } from './errors';
import { checkLength, isDate, toText, typeName } from './values';

function comparableTime(value: unknown, zone: string): number {
  if (isDate(value)) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return textToTime(value, zone);
  return Number.NaN;
}

/** `=`, `==`, `===`: strict equality; with a Date on either side, equal instants. */
export function strictEquals(left: unknown, right: unknown, zone: string): boolean {
  if (isDate(left) || isDate(right)) {
    const a = comparableTime(left, zone);
    const b = comparableTime(right, zone);
    return !Number.isNaN(a) && a === b;
  }
  return left === right;
}

/** Number conversion for arithmetic: JavaScript's Number(), dates as Unix milliseconds. */
export function toArithmetic(value: unknown, operator: string): number {
  if (typeof value === 'number') return value;
  if (isDate(value)) return value.getTime();
  if (
    (value !== null && typeof value === 'object') ||
    typeof value === 'symbol' ||
    typeof value === 'function' ||
    typeof value === 'bigint'
  ) {
    throw new ImlTypeError(`Operator '${operator}' cannot use a value of type ${typeName(value)}`);
  }
  return Number(value);
}

/** `+`: concatenation when either side is a string, numeric addition otherwise. */
function plus(left: unknown, right: unknown): unknown {
  if (typeof left === 'string' || typeof right === 'string') {
    return checkLength(toText(left, "operator '+'") + toText(right, "operator '+'"));
  }
  return toArithmetic(left, '+') + toArithmetic(right, '+');
}

function isScalar(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean'
  );
}

/**
 * `<`, `<=`, `>`, `>=`: instants when a Date is involved, code-unit order for two strings,
 * numbers otherwise. Values that cannot be ordered (objects, unparseable dates, NaN) → false.
 */
function compare(
  operator: '<' | '<=' | '>' | '>=',
  left: unknown,
  right: unknown,
  zone: string,
): boolean {
  let a: number | string;
  let b: number | string;
  if (isDate(left) || isDate(right)) {
    a = comparableTime(left, zone);
    b = comparableTime(right, zone);
  } else if (typeof left === 'string' && typeof right === 'string') {
    a = left;
    b = right;
  } else {
    if (!isScalar(left) || !isScalar(right)) return false;
    a = Number(left);
    b = Number(right);
  }
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

/** Applies a (non-short-circuit) binary operator. */
export function applyBinary(
  operator: BinaryOperator,
  left: unknown,
  right: unknown,
  zone: string,
): unknown {
  switch (operator) {
    case '+':
      return plus(left, right);
    case '-':
      return toArithmetic(left, '-') - toArithmetic(right, '-');
    case '*':
      return toArithmetic(left, '*') * toArithmetic(right, '*');
    case '/':
      return toArithmetic(left, '/') / toArithmetic(right, '/');
    case '%':
      return toArithmetic(left, '%') % toArithmetic(right, '%');
    case '=':
    case '==':
    case '===':
      return strictEquals(left, right, zone);
    case '!=':
    case '!==':
      return !strictEquals(left, right, zone);
    default:
      return compare(operator, left, right, zone);
  }
}

// Value semantics shared by operators, templates and functions: own-property lookup, truthiness,
// text conversion, equality and ordering. Dates travel as Date objects; binary data as Buffer.

import { ImlLimitError, ImlTypeError } from './errors';
import { IML_LIMITS } from './limits';
import { isPlainObject, isRootPrototype, setOwn, type PlainObject } from '../shared';

export { isPlainObject, setOwn, type PlainObject };

// Used with .call on the hot path: the fastest own-key test here (a wrapper or Object.hasOwn
// measured 2.5× slower on the IML lone-path bench).
// eslint-disable-next-line @typescript-eslint/unbound-method
const hasOwn = Object.prototype.hasOwnProperty;

/** Keys never read or written, whatever the object: they reach the prototype machinery. */
export const BLOCKED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isDate(value: unknown): value is Date {
  return value instanceof Date;
}

export function isBinary(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** Reads an own property of a plain object; anything else (arrays, inherited, blocked) → undefined. */
export function getOwn(value: unknown, key: string): unknown {
  return BLOCKED_KEYS.has(key) ? undefined : readKey(value, key);
}

/** getOwn for a key already known not to be blocked (static path keys, checked at compile time). */
export function readKey(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!isRootPrototype(Object.getPrototypeOf(value))) return undefined;
  return hasOwn.call(value, key) ? (value as PlainObject)[key] : undefined;
}

/** 1-based array index; `-1` is the last item; 0, out of range and non-integers → undefined. */
export function getIndex(value: unknown, index: unknown): unknown {
  if (Array.isArray(value)) {
    if (typeof index !== 'number' || !Number.isInteger(index) || index === 0) return undefined;
    const position = index > 0 ? index - 1 : value.length + index;
    if (position < 0 || position >= value.length) return undefined;
    return value[position] as unknown;
  }
  if (typeof index === 'string') return getOwn(value, index);
  return undefined;
}

/** JavaScript truthiness: '', 0, NaN, null, undefined, false are false; [] and {} are true. */
export function isTruthy(value: unknown): boolean {
  return Boolean(value);
}

/** "Empty" for ifempty: undefined, null and '' only (an empty array or object is a value). */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isDate(value)) return 'date';
  if (isBinary(value)) return 'binary';
  return typeof value;
}

/** ISO 8601 in UTC with milliseconds, the form Make uses for dates in text. */
export function dateToText(value: Date): string {
  return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
}

/**
 * Converts a value to text for mixed templates and `+`: primitives as in JavaScript, undefined
 * and null as '', dates as ISO 8601, binary as UTF-8. Objects and arrays are refused (a silent
 * "[object Object]" in a URL is the classic integration bug) — use createJSON or toString.
 */
export function toText(value: unknown, where: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return '';
    default:
      break;
  }
  if (value === null) return '';
  if (isDate(value)) return dateToText(value);
  if (isBinary(value)) return Buffer.from(value).toString('utf8');
  throw new ImlTypeError(
    `Cannot convert ${typeName(value)} to text in ${where}; use createJSON() or toString()`,
  );
}

/** Like toText, but objects and arrays become JSON (explicit conversions: toString, join). */
export function toDisplayText(value: unknown): string {
  if (value !== null && typeof value === 'object' && !isDate(value) && !isBinary(value)) {
    return JSON.stringify(value) ?? '';
  }
  if (typeof value === 'function' || typeof value === 'symbol') return '';
  return toText(value, 'text conversion');
}

export function checkLength(text: string): string {
  if (text.length > IML_LIMITS.maxStringLength) {
    throw new ImlLimitError(
      `Text of ${text.length} characters exceeds the limit of ${IML_LIMITS.maxStringLength}`,
    );
  }
  return text;
}

/**
 * Follows a dotted path as `get()` does: 'a.b.c', numeric segments index arrays (1-based,
 * negative from the end), a number path indexes the value directly.
 */
export function getPath(value: unknown, path: string | number): unknown {
  if (typeof path === 'number') {
    return Array.isArray(value) ? getIndex(value, path) : getOwn(value, String(path));
  }
  let current = value;
  for (const segment of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    current =
      Array.isArray(current) && /^-?\d+$/.test(segment)
        ? getIndex(current, Number(segment))
        : getOwn(current, segment);
  }
  return current;
}

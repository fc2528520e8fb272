// Argument coercion shared by the built-ins. The policy (README, "Function arguments"):
// undefined and null are "empty" and flow through (text/date/math functions return undefined,
// array functions treat them as []); numbers and booleans convert to text where text is expected;
// numeric strings convert to numbers; anything else is IML_INVALID_ARGUMENT naming the function
// and the argument's position.

import { ImlArgumentError } from '../errors';
import { isBinary, isDate, isPlainObject, typeName, dateToText, type PlainObject } from '../values';

function wrongType(
  fn: string,
  position: number,
  expected: string,
  value: unknown,
): ImlArgumentError {
  return new ImlArgumentError(
    `Function '${fn}': argument ${position} must be ${expected}, received ${typeName(value)}`,
  );
}

/** Text, or undefined when the argument is empty. */
export function optionalText(value: unknown, fn: string, position: number): string | undefined {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isDate(value)) return dateToText(value);
  if (isBinary(value)) return Buffer.from(value).toString('utf8');
  throw wrongType(fn, position, 'text', value);
}

/** Text that must be present (a format, a separator, a key name). */
export function requiredText(value: unknown, fn: string, position: number): string {
  const text = optionalText(value, fn, position);
  if (text === undefined) throw wrongType(fn, position, 'text', value);
  return text;
}

/** An array; undefined and null count as the empty array. */
export function arrayOf(value: unknown, fn: string, position: number): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  throw wrongType(fn, position, 'an array', value);
}

/** A number (numeric strings accepted), or undefined when the argument is empty. */
export function optionalNumber(value: unknown, fn: string, position: number): number | undefined {
  if (typeof value === 'number') return value;
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const number = Number(value.trim());
    if (value.trim() !== '' && !Number.isNaN(number)) return number;
  }
  throw wrongType(fn, position, 'a number', value);
}

export function requiredNumber(value: unknown, fn: string, position: number): number {
  const number = optionalNumber(value, fn, position);
  if (number === undefined) throw wrongType(fn, position, 'a number', value);
  return number;
}

/** A whole number within [min, max] (counts, decimal places, depths). */
export function integerIn(
  value: unknown,
  fn: string,
  position: number,
  min: number,
  max: number,
): number {
  const number = requiredNumber(value, fn, position);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ImlArgumentError(
      `Function '${fn}': argument ${position} must be a whole number from ${min} to ${max}`,
    );
  }
  return number;
}

/** A plain object, or undefined when the argument is empty. */
export function optionalObject(
  value: unknown,
  fn: string,
  position: number,
): PlainObject | undefined {
  if (isPlainObject(value)) return value;
  if (value === undefined || value === null) return undefined;
  throw wrongType(fn, position, 'an object', value);
}

/** Bytes of a text or binary argument (hashing, base64). */
export function bytesOf(value: unknown, fn: string, position: number): Buffer | undefined {
  if (isBinary(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const text = optionalText(value, fn, position);
  return text === undefined ? undefined : Buffer.from(text, 'utf8');
}

/** One of a fixed set of option strings (sort order, encodings, algorithms). */
export function oneOf<T extends string>(
  value: unknown,
  fn: string,
  position: number,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === null) return fallback;
  const text = requiredText(value, fn, position);
  const found = allowed.find((option) => option === text);
  if (found === undefined) {
    throw new ImlArgumentError(
      `Function '${fn}': argument ${position} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
    );
  }
  return found;
}

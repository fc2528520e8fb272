// Values leave the IML engine (request parts, bundles, stored connection data) as plain JSON:
// inside IML dates are `Date` objects (`now`, `addSeconds(...)`), outside they are ISO strings, the
// form Make itself passes around (make-app-format §11.3). Object keys whose value is `undefined`
// are dropped (§18 #3).
import { isPlainObject } from '../shared';

/**
 * `value` with every `Date` turned into its ISO string and every `undefined` object property
 * dropped. Returns the input itself when nothing needs changing (bundles are mostly plain JSON,
 * and copying a 500-item page per request would be wasted work). An invalid date becomes `null`,
 * as `JSON.stringify` would make it. Runs once per bundle, so it is written for speed: primitives
 * are handled inline, objects are only copied from the first key that changes.
 */
export function toWire(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return isoOf(value);
  // Deeper than any template can build (IML limits its own nesting), a value is parsed response
  // data, which holds no Date and no undefined: walking it further could only overflow the stack.
  if (depth > MAX_WIRE_DEPTH) return value;
  if (Array.isArray(value)) return wireArray(value, depth);
  if (!isPlainObject(value)) return value;
  return wireObject(value, depth);
}

/** Levels toWire looks into; see toWire. */
const MAX_WIRE_DEPTH = 256;

/**
 * `toWire` for a value the caller owns: a top-level object or array just built by the IML engine
 * from an object/array template (a fresh object every evaluation) is converted in place, saving a
 * copy per bundle; anything below the top level may be shared (a spread item's nested objects are
 * the parsed body's) and is converted copy-on-write as usual.
 */
export function toWireOwned(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) value[i] = toWire(item);
    }
    return value;
  }
  if (!isPlainObject(value)) return toWire(value);
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) delete value[key];
    else if (typeof item === 'object' && item !== null) value[key] = toWire(item);
  }
  return value;
}

/**
 * The ISO 8601 text of `date` (`null` when invalid). Every date of every bundle passes here, and
 * `Date.prototype.toISOString` costs about twice what assembling the same text from the UTC fields
 * does; years outside 1000–9999 (signed six-digit years) keep the built-in.
 */
export function isoOf(date: Date): string | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString();
  const ms = date.getUTCMilliseconds();
  return (
    `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}` +
    `.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`
  );
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function wireArray(source: unknown[], depth: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < source.length; i += 1) {
    const item: unknown = source[i];
    const converted = typeof item === 'object' && item !== null ? toWire(item, depth + 1) : item;
    if (copy === undefined && converted !== item) copy = source.slice(0, i);
    if (copy !== undefined) copy.push(converted);
  }
  return copy ?? source;
}

// Held locally, as in lib/iml/values.ts: used with .call on the hot path below.
// eslint-disable-next-line @typescript-eslint/unbound-method
const hasOwn = Object.prototype.hasOwnProperty;

function wireObject(source: Record<string, unknown>, depth: number): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  // for…in with an own-key test, not Object.keys: every nested object of every bundle passes
  // here, and an array of keys per object was most of this walk's cost (a 64-item page of the
  // bench's subscriptions: about 45 µs of the runtime's 120 µs more than the hand loop).
  for (const key in source) {
    if (!hasOwn.call(source, key)) continue;
    const item = source[key];
    if (item === undefined) {
      copy ??= { ...source };
      delete copy[key];
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    const converted = toWire(item, depth + 1);
    if (converted !== item) {
      // Spreading keeps the source's shape (fast); building key by key would not.
      copy ??= { ...source };
      copy[key] = converted;
    }
  }
  return copy ?? source;
}

// One plain-object rule for the whole interpreter: the IML engine's (realm-independent, so objects
// from jest's vm contexts or structuredClone count as data too).
export { isPlainObject };

/** A short human description of a value's type for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

export { setOwn } from '../shared';

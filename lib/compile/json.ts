import { isPlainObject } from '../shared';

/** A JSON value as it appears in a generated file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Deep copy of a JSON-compatible value, keeping key order (key order is meaningful in IML: a
 * sibling key after a `{{...}}` spread overrides it, and `sequence` collections keep it).
 * Object properties whose value is `undefined` are dropped, exactly as `JSON.stringify` would
 * drop them, so the compiled map and the rendered text never disagree. Anything JSON cannot hold
 * (functions, symbols, bigint, non-finite numbers, `undefined` array items, class instances) is a
 * definition mistake and throws with the JSON pointer where it was found.
 */
export function cloneJson(value: unknown, pointer = ''): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${pointer || '/'}: ${value} is not JSON`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      if (item === undefined) throw new TypeError(`${pointer}/${index}: undefined is not JSON`);
      return cloneJson(item, `${pointer}/${index}`);
    });
  }
  if (isPlainObject(value)) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      out[key] = cloneJson(item, `${pointer}/${escapePointerToken(key)}`);
    }
    return out;
  }
  throw new TypeError(`${pointer || '/'}: a ${describe(value)} is not JSON`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined value';
  if (typeof value === 'object' && value !== null) return `${value.constructor?.name ?? 'object'}`;
  return typeof value;
}

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(path: ReadonlyArray<string | number>): string {
  return path.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** The tokens of an RFC 6901 pointer (`''` → none), unescaped. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

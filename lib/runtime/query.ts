// Query strings (make-app-format §5, decisions §18 #3 and #22): `qs` replaces the URL's own query
// string (`{}` clears it); arrays become repeated keys (`status=A&status=B`); `undefined` and
// `null` are left out; booleans are `true`/`false`, numbers decimal, dates ISO; an object is an
// error (no silent `[object Object]`). Keys and values are percent-encoded (RFC 3986, `%20` for a
// space, as Make's HTTP client does).
import { DataError } from './errors';
import { describeType, isPlainObject, setOwn } from './wire';

export type QueryRecord = Record<string, string | string[]>;

function scalar(key: string, value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new DataError(
    `${where}: query parameter '${key}' evaluated to ${describeType(value)}; a query value must be text, a number, a boolean or an array of those.`,
    { code: 'REQUEST_INVALID', where },
  );
}

/** Merges evaluated `qs` objects (later wins per key) into key → value(s). */
export function mergeQuery(layers: readonly unknown[], where: string): QueryRecord {
  const out: QueryRecord = {};
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    if (!isPlainObject(layer)) {
      throw new DataError(`${where}: qs evaluated to ${describeType(layer)}; expected an object.`, {
        code: 'REQUEST_INVALID',
        where,
      });
    }
    for (const [key, raw] of Object.entries(layer)) {
      if (Array.isArray(raw)) {
        const values = raw
          .map((item) => scalar(key, item, where))
          .filter((item): item is string => item !== undefined);
        if (values.length > 0) setOwn(out, key, values);
        else delete out[key];
        continue;
      }
      const value = scalar(key, raw, where);
      if (value === undefined) delete out[key];
      else setOwn(out, key, value);
    }
  }
  return out;
}

export function serializeQuery(query: QueryRecord): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const encodedKey = encodeURIComponent(key);
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${encodedKey}=${encodeURIComponent(item)}`);
    } else {
      parts.push(`${encodedKey}=${encodeURIComponent(value)}`);
    }
  }
  return parts.join('&');
}

/** Parses a query string back into a record (for logging a URL's own query). */
export function parseQuery(search: string): QueryRecord {
  const out: QueryRecord = {};
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (text === '') return out;
  for (const [key, value] of new URLSearchParams(text)) {
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    if (existing === undefined) setOwn(out, key, value);
    else if (Array.isArray(existing)) existing.push(value);
    else setOwn(out, key, [existing, value]);
  }
  return out;
}

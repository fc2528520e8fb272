// Header names are case-insensitive; Make normalises them to a capitalised form (`tEsT` → `Test`,
// `content-type` → `Content-Type`; make-app-format §5, decision §18 #21). Merging is therefore by
// lower-cased name, and the later layer wins.
import { DataError } from './errors';
import { memoize } from '../shared';
import { describeType, setOwn } from './wire';

// Every request of a run sends the same few header names; capitalising each anew was about a third
// of merging the headers in a profile of one-item pages.
export const capitaliseHeaderName = memoize((name: string): string =>
  name
    .split('-')
    .map((part) => (part === '' ? part : part[0]!.toUpperCase() + part.slice(1).toLowerCase()))
    .join('-'),
);

function headerValue(name: string, value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new DataError(
    `${where}: header '${name}' evaluated to ${describeType(value)}; a header value must be text.`,
    {
      code: 'REQUEST_INVALID',
      where,
    },
  );
}

/**
 * Merges evaluated header objects (lowest precedence first) into one record with Make's
 * capitalised names. `undefined` and `null` values are dropped (§18 #3) — and drop an inherited
 * header of that name too, so a module can switch a base header off.
 */
export function mergeHeaders(layers: readonly unknown[], where: string): Record<string, string> {
  const byLower = new Map<string, [string, string]>();
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      throw new DataError(
        `${where}: headers evaluated to ${describeType(layer)}; expected an object.`,
        {
          code: 'REQUEST_INVALID',
          where,
        },
      );
    }
    for (const [name, raw] of Object.entries(layer)) {
      const value = headerValue(name, raw, where);
      const key = name.toLowerCase();
      if (value === undefined) byLower.delete(key);
      else byLower.set(key, [capitaliseHeaderName(name), value]);
    }
  }
  const out: Record<string, string> = {};
  for (const [name, value] of byLower.values()) setOwn(out, name, value);
  return out;
}

export function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

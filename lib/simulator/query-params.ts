// Typed readers for query-string filters. A value of the wrong type is a 400 that names the
// parameter; an absent or empty value means "not set". Unknown parameters are never read, which is
// how Hotmart silently ignores them (reference §3.6).
import { invalidParameter, invalidValueParameter } from './errors';

function single(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value.trim() === '' ? undefined : value.trim();
}

export function optionalString(query: URLSearchParams, name: string): string | undefined {
  return single(query, name);
}

/** Whole non-negative number (ids, epoch milliseconds). */
export function optionalInteger(query: URLSearchParams, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,16}$/.test(value)) throw invalidValueParameter(name, 'a whole number');
  return Number(value);
}

/** Dates are epoch milliseconds, UTC (reference §3.2). */
export function optionalEpochMs(query: URLSearchParams, name: string): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,16}$/.test(value)) {
    throw invalidValueParameter(name, 'a date in epoch milliseconds');
  }
  return Number(value);
}

export function optionalBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw invalidValueParameter(name, 'true or false');
  return lower === 'true';
}

/** Repeatable parameter (`status=A&status=B`); every value must belong to the enum. */
export function enumList<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T[] {
  const values = query
    .getAll(name)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw invalidParameter(
        `The value '${value}' is not valid for the parameter '${name}'. Allowed values: ${allowed.join(', ')}.`,
      );
    }
  }
  return values as T[];
}

export function optionalEnum<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  return enumList(new URLSearchParams([[name, value]]), name, allowed)[0];
}

export function stringList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

// Array functions. Arrays are never mutated: every function returns a new array. Positions given
// to `slice` are 0-based like JavaScript's; paths given to `map`, `sort` and `distinct` are
// dotted `get()` paths.

import { ImlArgumentError } from '../errors';
import { IML_LIMITS } from '../limits';
import { strictEquals } from '../operators';
import {
  getOwn,
  getPath,
  isDate,
  isPlainObject,
  setOwn,
  toDisplayText,
  checkLength,
  type PlainObject,
} from '../values';
import {
  arrayOf,
  integerIn,
  oneOf,
  optionalNumber,
  optionalObject,
  optionalText,
  requiredText,
} from './args';
import { eager, type FunctionTable } from './types';

/** Identity used by deduplicate/distinct: type plus value; objects by their JSON text. */
function identity(value: unknown): string {
  if (isDate(value)) return `date:${value.getTime()}`;
  if (value !== null && typeof value === 'object') return `json:${JSON.stringify(value)}`;
  return `${typeof value}:${String(value)}`;
}

function unique(items: readonly unknown[], key: (item: unknown) => unknown): unknown[] {
  const seen = new Set<string>();
  const result: unknown[] = [];
  for (const item of items) {
    const id = identity(key(item));
    if (!seen.has(id)) {
      seen.add(id);
      result.push(item);
    }
  }
  return result;
}

type SortOrder = 'asc' | 'desc' | 'asc ci' | 'desc ci';
const SORT_ORDERS: readonly SortOrder[] = ['asc', 'desc', 'asc ci', 'desc ci'];

/** Numbers numerically, dates by instant, everything else as text; empty values sort last. */
function compareForSort(a: unknown, b: unknown, caseInsensitive: boolean): number {
  const aEmpty = a === undefined || a === null;
  const bEmpty = b === undefined || b === null;
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (isDate(a) && isDate(b)) return a.getTime() - b.getTime();
  let x = toDisplayText(a);
  let y = toDisplayText(b);
  if (caseInsensitive) {
    x = x.toLowerCase();
    y = y.toLowerCase();
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function filterValues(values: unknown): Set<string> {
  const list = Array.isArray(values)
    ? (values as unknown[])
    : (optionalText(values, 'map', 4) ?? '').split(',');
  return new Set(list.map((value) => toDisplayText(value).trim()));
}

export const arrayFunctions: FunctionTable = {
  /** add(array, value1, …): a new array with the values appended. */
  add: eager(2, Number.POSITIVE_INFINITY, ([array, ...values]) => [
    ...arrayOf(array, 'add', 1),
    ...values,
  ]),

  deduplicate: eager(1, 1, ([array]) => unique(arrayOf(array, 'deduplicate', 1), (item) => item)),

  /** distinct(array, [path]): first item of each distinct value (of the path, when given). */
  distinct: eager(1, 2, ([array, path]) => {
    const items = arrayOf(array, 'distinct', 1);
    if (path === undefined || path === null) return unique(items, (item) => item);
    const key = requiredText(path, 'distinct', 2);
    return unique(items, (item) => getPath(item, key));
  }),

  first: eager(1, 1, ([array]) => arrayOf(array, 'first', 1)[0]),

  /** flatten(array, [depth = 1]): sub-arrays concatenated up to depth levels. */
  flatten: eager(1, 2, ([array, depth]) => {
    const levels =
      depth === undefined ? 1 : integerIn(depth, 'flatten', 2, 0, IML_LIMITS.maxValueDepth);
    return arrayOf(array, 'flatten', 1).flat(levels);
  }),

  /** join(array, [separator = ',']): items as text (objects as JSON, empty as ''). */
  join: eager(1, 2, ([array, separator]) => {
    const glue = separator === undefined ? ',' : (optionalText(separator, 'join', 2) ?? '');
    return checkLength(arrayOf(array, 'join', 1).map(toDisplayText).join(glue));
  }),

  /** keys(object): its own keys. */
  keys: eager(1, 1, ([object]) => Object.keys(optionalObject(object, 'keys', 1) ?? {})),

  last: eager(1, 1, ([array]) => {
    const items = arrayOf(array, 'last', 1);
    return items[items.length - 1];
  }),

  /**
   * map(array, path, [filterPath], [filterValues]): the values at path, optionally only for
   * items whose filterPath value is one of filterValues (array or comma-separated text).
   * Items without a value at path are skipped.
   */
  map: eager(2, 4, ([array, path, filterPath, values]) => {
    const items = arrayOf(array, 'map', 1);
    const key = requiredText(path, 'map', 2);
    let selected = items;
    if (filterPath !== undefined && filterPath !== null) {
      const filterKey = requiredText(filterPath, 'map', 3);
      const allowed = filterValues(values);
      selected = items.filter((item) => {
        const value = getPath(item, filterKey);
        return value !== undefined && allowed.has(toDisplayText(value));
      });
    }
    return selected.map((item) => getPath(item, key)).filter((value) => value !== undefined);
  }),

  /**
   * merge(a, b, …): arrays are concatenated; when the first non-empty argument is an object,
   * all arguments must be objects and are merged shallowly (later keys win).
   */
  merge: eager(1, Number.POSITIVE_INFINITY, (args) => {
    const present = args.filter((arg) => arg !== undefined && arg !== null);
    if (present.length > 0 && isPlainObject(present[0])) {
      const result: PlainObject = {};
      args.forEach((arg, i) => {
        const object = optionalObject(arg, 'merge', i + 1);
        if (object !== undefined)
          for (const key of Object.keys(object)) setOwn(result, key, object[key]);
      });
      return result;
    }
    const result: unknown[] = [];
    args.forEach((arg, i) => result.push(...arrayOf(arg, 'merge', i + 1)));
    return result;
  }),

  /** remove(array, value1, …): the items not strictly equal to any value. */
  remove: eager(2, Number.POSITIVE_INFINITY, ([array, ...values], context) =>
    arrayOf(array, 'remove', 1).filter(
      (item) => !values.some((value) => strictEquals(item, value, context.timezone)),
    ),
  ),

  reverse: eager(1, 1, ([array]) => [...arrayOf(array, 'reverse', 1)].reverse()),

  /** shuffle(array): a random permutation (Fisher–Yates). */
  shuffle: eager(1, 1, ([array]) => {
    const items = [...arrayOf(array, 'shuffle', 1)];
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }),

  /** slice(array, start, [end]): 0-based, end exclusive, negatives from the end (JavaScript). */
  slice: eager(2, 3, ([array, start, end]) =>
    arrayOf(array, 'slice', 1).slice(
      optionalNumber(start, 'slice', 2) ?? 0,
      optionalNumber(end, 'slice', 3),
    ),
  ),

  /** sort(array, [order = 'asc'], [path]): 'asc', 'desc', 'asc ci', 'desc ci'; stable. */
  sort: eager(1, 3, ([array, order, path]) => {
    // sort(array, key): a second argument that is not an order is the key (Make's documented form).
    const keyFirst =
      path === undefined && typeof order === 'string' && !SORT_ORDERS.some((o) => o === order);
    const direction = keyFirst ? 'asc' : oneOf(order, 'sort', 2, SORT_ORDERS, 'asc');
    const keyArg = keyFirst ? order : path;
    const key =
      keyArg === undefined || keyArg === null
        ? undefined
        : requiredText(keyArg, 'sort', keyFirst ? 2 : 3);
    const caseInsensitive = direction.endsWith(' ci');
    const sign = direction.startsWith('desc') ? -1 : 1;
    const valueOf = (item: unknown): unknown => (key === undefined ? item : getPath(item, key));
    return [...arrayOf(array, 'sort', 1)].sort((a, b) => {
      const x = valueOf(a);
      const y = valueOf(b);
      const emptyOrder = compareForSort(x, y, caseInsensitive);
      // Empty values stay last in both directions.
      if (x === undefined || x === null || y === undefined || y === null) return emptyOrder;
      return sign * emptyOrder;
    });
  }),

  /** toArray(object): [{ key, value }, …] for each own key. */
  toArray: eager(1, 1, ([object]) => {
    if (Array.isArray(object)) return [...(object as unknown[])];
    const source = optionalObject(object, 'toArray', 1) ?? {};
    return Object.keys(source).map((key) => ({ key, value: source[key] }));
  }),

  /**
   * toCollection(array, keyName, valueName): an object from key/value items. Items without a
   * key are skipped; with duplicate keys the last one wins; empty input gives {}.
   */
  toCollection: eager(3, 3, ([array, keyName, valueName]) => {
    const items = arrayOf(array, 'toCollection', 1);
    const keyField = requiredText(keyName, 'toCollection', 2);
    const valueField = requiredText(valueName, 'toCollection', 3);
    const result: PlainObject = {};
    for (const item of items) {
      const key = getOwn(item, keyField);
      if (key === undefined || key === null || key === '') continue;
      if (typeof key === 'object' && !isDate(key)) {
        throw new ImlArgumentError("Function 'toCollection': item keys must be text or numbers");
      }
      setOwn(result, toDisplayText(key), getOwn(item, valueField));
    }
    return result;
  }),

  /** isArray(value): true for arrays. */
  isArray: eager(1, 1, ([value]) => Array.isArray(value)),
};

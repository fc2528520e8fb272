// General functions: get, if, ifempty, switch, omit, pick.

import { ImlArgumentError } from '../errors';
import { strictEquals } from '../operators';
import { getPath, isEmpty, isTruthy, setOwn, type PlainObject } from '../values';
import { optionalObject, requiredText } from './args';
import { eager, lazy, type FunctionTable } from './types';

function keyList(args: readonly unknown[], fn: string): Set<string> {
  const keys = new Set<string>();
  args.forEach((arg, i) => {
    const values = Array.isArray(arg) ? (arg as unknown[]) : [arg];
    for (const key of values) keys.add(requiredText(key, fn, i + 2));
  });
  return keys;
}

function filterKeys(object: PlainObject, keep: (key: string) => boolean): PlainObject {
  const result: PlainObject = {};
  for (const key of Object.keys(object)) {
    if (keep(key)) setOwn(result, key, object[key]);
  }
  return result;
}

export const generalFunctions: FunctionTable = {
  /** get(object or array, path): a dotted path read at run time ('a.b', '2.name'). */
  get: eager(2, 2, ([value, path]) => {
    if (typeof path === 'number') return getPath(value, path);
    if (typeof path !== 'string') {
      throw new ImlArgumentError("Function 'get': argument 2 must be a path (text or number)");
    }
    return getPath(value, path);
  }),

  /** if(condition, then, else): only the chosen branch is evaluated. */
  if: lazy(2, 3, ([condition, then, otherwise], context) =>
    isTruthy(condition!(context)) ? then!(context) : otherwise?.(context),
  ),

  /** ifempty(value, fallback): fallback when value is undefined, null or ''. */
  ifempty: lazy(2, 2, ([value, fallback], context) => {
    const result = value!(context);
    return isEmpty(result) ? fallback!(context) : result;
  }),

  /** switch(expression, value1, result1, …, [else]): strict comparison, first match wins. */
  switch: lazy(3, Number.POSITIVE_INFINITY, (args, context) => {
    const subject = args[0]!(context);
    let i = 1;
    for (; i + 1 < args.length; i += 2) {
      if (strictEquals(subject, args[i]!(context), context.timezone)) return args[i + 1]!(context);
    }
    return i < args.length ? args[i]!(context) : undefined;
  }),

  /** omit(object, key1, …): a copy without the keys (keys may also be given as arrays). */
  omit: eager(2, Number.POSITIVE_INFINITY, ([object, ...keys]) => {
    const source = optionalObject(object, 'omit', 1);
    if (source === undefined) return undefined;
    const drop = keyList(keys, 'omit');
    return filterKeys(source, (key) => !drop.has(key));
  }),

  /** pick(object, key1, …): a copy with only the keys. */
  pick: eager(2, Number.POSITIVE_INFINITY, ([object, ...keys]) => {
    const source = optionalObject(object, 'pick', 1);
    if (source === undefined) return undefined;
    const keep = keyList(keys, 'pick');
    return filterKeys(source, (key) => keep.has(key));
  }),
};

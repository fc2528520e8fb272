// The one walk over Make's parameter lists (connection, module and RPC parameters, interfaces).
// Make shows `nested` parameters beside their parent when a select option or a boolean is chosen,
// so every list nested in a parameter or in one of its options belongs to the same level.
import { isPlainObject, type PlainObject } from './objects';

export interface ParameterVisitor {
  /** Every parameter object of the list and of every list nested in it. */
  parameter(param: PlainObject): void;
  /** A nested list loaded at run time (`nested: "rpc://…"`, an RPC option store with `nested`). */
  dynamic?(): void;
}

/**
 * Walks `list` and, for each parameter, its `nested` list (`[...]` or `{ store: [...] }`), and the
 * `nested` lists of its select options (`options` as `[...]`, `{ store: [...], nested }`, grouped
 * options `{ label, options: [...] }` included). Collection and array `spec` children live under
 * their parent and are not visited. Anything that is not a list or a parameter object is skipped.
 */
export function walkParameters(list: unknown, visitor: ParameterVisitor): void {
  if (!Array.isArray(list)) return;
  for (const param of list) {
    if (!isPlainObject(param)) continue;
    visitor.parameter(param);
    walkNested(param.nested, visitor);
    const options = param.options;
    if (Array.isArray(options)) {
      walkOptions(options, visitor);
    } else if (isPlainObject(options)) {
      walkNested(options.nested, visitor);
      if (typeof options.store === 'string' && options.nested !== undefined) visitor.dynamic?.();
      if (Array.isArray(options.store)) walkOptions(options.store, visitor);
    }
  }
}

function walkOptions(options: readonly unknown[], visitor: ParameterVisitor): void {
  for (const option of options) {
    if (!isPlainObject(option)) continue;
    walkNested(option.nested, visitor);
    if (Array.isArray(option.options)) walkOptions(option.options, visitor);
  }
}

function walkNested(nested: unknown, visitor: ParameterVisitor): void {
  if (nested === undefined) return;
  if (typeof nested === 'string') visitor.dynamic?.();
  else if (Array.isArray(nested)) walkParameters(nested, visitor);
  else if (isPlainObject(nested)) {
    if (typeof nested.store === 'string') visitor.dynamic?.();
    else walkParameters(nested.store, visitor);
  }
}

/** Names of the parameters whose `type` satisfies `wanted`, at every level walkParameters visits. */
export function parameterNames(list: unknown, wanted: (type: unknown) => boolean): Set<string> {
  const names = new Set<string>();
  walkParameters(list, {
    parameter: (param) => {
      if (typeof param.name === 'string' && wanted(param.type)) names.add(param.name);
    },
  });
  return names;
}

// Reading parameter lists (module params, connection params, interface) without trusting them.
import { isRecord } from '../compile/json';

export interface DeclaredNames {
  names: Set<string>;
  /**
   * True when the list has dynamic fields (`nested: "rpc://..."`, or options loaded from an RPC
   * with `nested`), so its complete set of names is only known at run time.
   */
  open: boolean;
}

/**
 * The names a parameter list puts at the top level of `parameters`: every parameter's `name`,
 * plus the names of `nested` parameters (shown when a select option or a boolean is chosen; Make
 * puts them beside their parent, not under it). Collection `spec` children live under their
 * collection and are not top-level names.
 */
export function declaredNames(params: unknown): DeclaredNames {
  const result: DeclaredNames = { names: new Set(), open: false };
  collect(params, result);
  return result;
}

function collect(params: unknown, into: DeclaredNames): void {
  if (!Array.isArray(params)) return;
  for (const param of params) {
    if (!isRecord(param)) continue;
    if (typeof param.name === 'string') into.names.add(param.name);
    collectNested(param.nested, into);
    const options = param.options;
    if (typeof options === 'string') continue;
    if (Array.isArray(options)) {
      for (const option of options) {
        if (!isRecord(option)) continue;
        collectNested(option.nested, into);
        // grouped options: { label, options: [...] }
        if (Array.isArray(option.options)) {
          for (const inner of option.options)
            if (isRecord(inner)) collectNested(inner.nested, into);
        }
      }
    } else if (isRecord(options)) {
      collectNested(options.nested, into);
      if (typeof options.store === 'string' && options.nested !== undefined) into.open = true;
      if (Array.isArray(options.store)) {
        for (const option of options.store)
          if (isRecord(option)) collectNested(option.nested, into);
      }
    }
  }
}

function collectNested(nested: unknown, into: DeclaredNames): void {
  if (nested === undefined) return;
  if (typeof nested === 'string') {
    into.open = true;
  } else if (Array.isArray(nested)) {
    collect(nested, into);
  } else if (isRecord(nested)) {
    if (typeof nested.store === 'string') into.open = true;
    else collect(nested.store, into);
  }
}

/** Names of `password` parameters (top level and nested): the values that must never be logged. */
export function passwordNames(params: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const param of list) {
      if (!isRecord(param)) continue;
      if (param.type === 'password' && typeof param.name === 'string') out.add(param.name);
      if (Array.isArray(param.nested)) visit(param.nested);
    }
  };
  visit(params);
  return out;
}

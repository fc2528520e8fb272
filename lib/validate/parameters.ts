// Reading parameter lists (module params, connection params, interface) without trusting them.
import { parameterNames, walkParameters } from '../shared';

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
  walkParameters(params, {
    parameter: (param) => {
      if (typeof param.name === 'string') result.names.add(param.name);
    },
    dynamic: () => {
      result.open = true;
    },
  });
  return result;
}

/**
 * Names of `password` parameters (top level, nested, and nested under select options): the values
 * that must never be logged. The runtime redacts with the same walk (lib/shared/parameters.ts).
 */
export function passwordNames(params: unknown): Set<string> {
  return parameterNames(params, (type) => type === 'password');
}

// A parameter's search button (make-app-format §11.1 `rpc`): `{url: "rpc://name", label,
// parameters?}` puts a button beside the field; it opens a small form with the button's own
// parameters, runs the RPC with them (and the module's values) and lets the user pick one item,
// whose value fills the field.
import { parseAddress } from './dynamic-parameters';
import { RuntimeError } from './errors';
import { processParameters } from './parameters';
import { runRpc, type RpcResult } from './run-rpc';
import { findModule, type RuntimeApp } from './runtime-app';
import type { RunOptions } from './start-run';
import { isPlainObject } from './wire';

export interface SearchButtonOptions extends RunOptions {
  /** Values of the button's own form (its `parameters`). */
  buttonParameters?: Record<string, unknown>;
}

/** The parameter named `name` in a list, nested lists included (depth first). */
function findParameter(list: unknown, name: string): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list as unknown[]) {
    if (!isPlainObject(item)) continue;
    if (item.name === name) return item;
    const nested = findParameter(item.nested, name) ?? findParameter(item.spec, name);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/**
 * Runs the search button of a module's parameter: the RPC its `rpc.url` names, with the module's
 * values (`parameters`), the address's query and the button's form values over them. Resolves to
 * the RPC's items, like runRpc.
 */
export async function runSearchButton(
  app: RuntimeApp,
  moduleName: string,
  parameterName: string,
  options: SearchButtonOptions = {},
): Promise<RpcResult> {
  const module = findModule(app, moduleName);
  const where = `module ${module.name} › parameter ${parameterName} › search`;
  const parameter =
    findParameter(module.staticParameters, parameterName) ??
    findParameter(module.mappableParameters, parameterName);
  const button = parameter?.rpc;
  if (
    !isPlainObject(button) ||
    typeof button.url !== 'string' ||
    !button.url.startsWith('rpc://')
  ) {
    throw new RuntimeError(
      `module ${module.name}: parameter '${parameterName}' has no search button (an rpc: {url: "rpc://…"} attribute).`,
      { code: 'OPTION_INVALID', where },
    );
  }
  const { name: rpcName, extra } = parseAddress(button.url);
  const form = processParameters(
    Array.isArray(button.parameters) ? (button.parameters as unknown[]) : [],
    options.buttonParameters ?? {},
    { where },
  );
  const { buttonParameters: _b, ...rest } = options;
  return runRpc(app, rpcName, {
    ...rest,
    parameters: { ...(options.parameters ?? {}), ...extra, ...form },
  });
}

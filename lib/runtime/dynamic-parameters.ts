// Parameters whose options or fields come from an RPC (make-app-format §2.6, §11): a select with
// `options: "rpc://name"` (or `{store: "rpc://name"}`), a parameter whose `nested` is
// `"rpc://name"`, an `"rpc://name"` item in a parameter list. Make's editor loads them while the
// user fills in the form; a scenario run does not reload them, so by default the runtime passes
// such values through unchecked. With the `checkRpcOptions` run option the runtime does what the
// form did: it runs each RPC with the module's parameters, declares the fields it returned (so
// they are checked and converted like static ones), and refuses a select value the RPC does not
// offer.
import { DataError } from './errors';
import { processParameters } from './parameters';
import { runRpc } from './run-rpc';
import type { RunLog } from './run-log';
import type { RuntimeApp } from './runtime-app';
import type { RunOptions } from './start-run';
import { isPlainObject } from './wire';

/** How deep `rpc://` fields may nest (fields that load fields …) before the run is refused. */
const MAX_DEPTH = 5;

interface Context {
  app: RuntimeApp;
  where: string;
  options: RunOptions;
  log: RunLog;
  /** The values the RPCs see as `parameters.*`: the module's, as processed so far. */
  values: Record<string, unknown>;
  /** One run per RPC address in a module run. */
  loaded: Map<string, Promise<unknown[]>>;
}

/** `rpc://name?key=value` → the RPC's name and the parameters its address adds. */
export function parseAddress(address: string): { name: string; extra: Record<string, string> } {
  const rest = address.slice('rpc://'.length);
  const query = rest.indexOf('?');
  const name = query === -1 ? rest : rest.slice(0, query);
  const extra: Record<string, string> = {};
  if (query !== -1) {
    for (const [key, value] of new URLSearchParams(rest.slice(query + 1))) extra[key] = value;
  }
  return { name, extra };
}

function rpcAddress(value: unknown): string | undefined {
  if (typeof value === 'string' && value.startsWith('rpc://')) return value;
  if (isPlainObject(value) && typeof value.store === 'string' && value.store.startsWith('rpc://')) {
    return value.store;
  }
  return undefined;
}

/** The items an RPC address gives, run once per module run; its log entries join the module's. */
function load(context: Context, address: string): Promise<unknown[]> {
  let pending = context.loaded.get(address);
  if (pending === undefined) {
    const { name, extra } = parseAddress(address);
    const {
      parameters: _p,
      data: _d,
      payload: _pl,
      webhook: _w,
      caps: _c,
      ...shared
    } = context.options;
    pending = runRpc(context.app, name, {
      ...shared,
      parameters: { ...context.values, ...extra },
    }).then(({ items, log }) => {
      for (const entry of log.entries) context.log.record(entry);
      return items;
    });
    context.loaded.set(address, pending);
  }
  return pending;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The parameter list with every `rpc://` list item and nested list replaced by what it loads. */
async function expand(
  context: Context,
  list: readonly unknown[],
  depth: number,
): Promise<unknown[]> {
  if (depth > MAX_DEPTH) {
    throw new DataError(
      `${context.where}: rpc:// fields nest more than ${MAX_DEPTH} levels deep; the form cannot be completed.`,
      { code: 'PARAMETER_INVALID', where: context.where },
    );
  }
  const out: unknown[] = [];
  for (const item of list) {
    const address = typeof item === 'string' ? rpcAddress(item) : undefined;
    if (address !== undefined) {
      out.push(...(await expand(context, await load(context, address), depth + 1)));
      continue;
    }
    if (!isPlainObject(item) || typeof item.name !== 'string') {
      out.push(item);
      continue;
    }
    const value = context.values[item.name];
    const open = isSet(value) && (item.type !== 'boolean' || value === true);
    // The form loads a select's options before the fields its choice opens.
    const optionsAddress = item.type === 'select' ? rpcAddress(item.options) : undefined;
    if (open && optionsAddress !== undefined && item.validate !== false) {
      await load(context, optionsAddress);
    }
    const nestedAddress = rpcAddress(item.nested);
    if (open && nestedAddress !== undefined) {
      const fields = await expand(context, await load(context, nestedAddress), depth + 1);
      out.push({ ...item, nested: fields });
    } else if (open && Array.isArray(item.nested)) {
      out.push({ ...item, nested: await expand(context, item.nested as unknown[], depth) });
    } else {
      out.push(item);
    }
  }
  return out;
}

/** Every parameter of an expanded list whose value is set, nested ones included. */
function* setParameters(
  list: readonly unknown[],
  values: Record<string, unknown>,
): Generator<Record<string, unknown>> {
  for (const item of list) {
    if (!isPlainObject(item) || typeof item.name !== 'string') continue;
    if (!isSet(values[item.name])) continue;
    yield item;
    if (Array.isArray(item.nested)) yield* setParameters(item.nested as unknown[], values);
  }
}

function label(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Loads the `rpc://` options and fields of a module's parameters and returns the values
 * processed again against the completed form. Rejects with a DataError naming the parameter when
 * a select value is not among the options its RPC gave.
 */
export async function checkRpcParameters(
  app: RuntimeApp,
  specs: readonly unknown[],
  given: Record<string, unknown>,
  processed: Record<string, unknown>,
  run: { where: string; options: RunOptions; log: RunLog },
): Promise<Record<string, unknown>> {
  const context: Context = { ...run, app, values: processed, loaded: new Map() };
  const expanded = await expand(context, specs, 0);
  const values = processParameters(expanded, given, { where: run.where });
  context.values = values;
  for (const spec of setParameters(expanded, values)) {
    const address = spec.type === 'select' ? rpcAddress(spec.options) : undefined;
    if (address === undefined || spec.validate === false) continue;
    const offered = (await load(context, address))
      .filter(isPlainObject)
      .map((option) => String(option.value));
    const chosen = values[spec.name as string];
    for (const value of Array.isArray(chosen) ? (chosen as unknown[]) : [chosen]) {
      if (!offered.includes(String(value))) {
        const name = spec.name as string;
        throw new DataError(
          `${run.where}: invalid value of parameter '${name}' (select): ${label(value)} is not one of the ${offered.length} option(s) ${address} gave.`,
          { code: 'PARAMETER_INVALID', parameter: name, where: run.where },
        );
      }
    }
  }
  return values;
}

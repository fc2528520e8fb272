// Running an RPC the way Make does (make-app-format §2.6): the live data behind a module's form
// (dynamic options, dynamic fields, samples). Its parameters are the module's (passed as
// `parameters.*`), checked against the RPC's own parameter list; its communication is a search's
// (request-less or requests, `iterate`, `output`, `limit`, pagination) within Make's RPC bound of
// three pages. Items come back as they are output (dynamic options are `{label, value}`), not as
// module bundles.
import type { Caps } from './caps';
import { withRunLog } from './boundary';
import { runCommunication } from './communication';
import { MakeError } from './errors';
import { startRun, type RunOptions } from './start-run';
import type { Scope } from './iml';
import type { RunEnv } from './run-env';
import { RunLog } from './run-log';
import { findRpc, type RuntimeApp } from './runtime-app';
import { toWire } from './wire';

/**
 * Make stops an RPC after three pages (two pagination requests; decision, see README R24); the
 * other caps are a module's. The `caps` run option overrides them, as for modules.
 */
export const RPC_CAPS: Readonly<Partial<Caps>> = Object.freeze({ paginationRequests: 2 });

/** Make's execution limit for an RPC (make-app-format §2.6). */
export const RPC_TIME_LIMIT_MS = 40_000;

/**
 * A run of an RPC (or epoch) past its time limit keeps what it had, like a run past a cap (README
 * R25): the error becomes a `CAP_RUN_TIME` warning. True when `error` was that.
 */
function cutAtTimeLimit(error: unknown, log: RunLog): boolean {
  if (!(error instanceof MakeError) || error.code !== 'RUN_TIME_LIMIT') return false;
  log.warn('CAP_RUN_TIME', `${error.message} The result is cut.`);
  return true;
}

export interface RpcResult {
  /** What the RPC output, item by item (dates as ISO strings). */
  items: unknown[];
  log: RunLog;
}

/**
 * The items a list-like communication (an RPC's, an epoch's) outputs, within its run's caps and
 * time budget: an output that is an array is the list itself, as for a search.
 */
export async function listItems(
  communication: unknown,
  scope: Scope,
  env: RunEnv,
  app: RuntimeApp,
): Promise<unknown[]> {
  const items: unknown[] = [];
  const chunks = runCommunication(communication, scope, env, {
    base: app.definition.base,
    allowPagination: true,
  });
  try {
    for await (const chunk of chunks) {
      for (const output of chunk.outputs) {
        const value = toWire(output);
        if (value === undefined) continue;
        if (Array.isArray(value)) items.push(...(value as unknown[]));
        else items.push(value);
      }
    }
  } catch (error) {
    if (!cutAtTimeLimit(error, env.log)) throw error;
  }
  return items;
}

/**
 * Runs an RPC and resolves to its items and run log. Every failure rejects with a MakeError whose
 * non-enumerable `log` is the run log.
 */
export async function runRpc(
  app: RuntimeApp,
  rpcName: string,
  options: RunOptions = {},
): Promise<RpcResult> {
  return withRunLog(options, async (log) => {
    const rpc = findRpc(app, rpcName);
    const { scope, env } = await startRun(app, {
      where: `rpc ${rpc.name}`,
      needs: rpc as { connection: string | null; altConnection?: string | null },
      parameters: rpc.parameters as unknown[],
      metadata: {},
      options,
      log,
      defaultCaps: RPC_CAPS,
      keepUndeclared: true,
      defaultTimeLimit: RPC_TIME_LIMIT_MS,
    });
    const items = await listItems(rpc.communication, scope, env, app);
    return { items, log };
  });
}

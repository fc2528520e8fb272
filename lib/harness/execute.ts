// Runs one module of a loaded app against a resolved target: the code path shared by `run`,
// `record`, `npm start` and the docs examples. Streams the bundles (so `--limit` stops paging
// early) and reports progress from the run log as it grows.
import {
  createConnection,
  runEpoch,
  runRpc,
  runTrigger,
  type TriggerStart,
  type TriggerState,
  streamModule,
  type Bundle,
  type Connection,
  type HttpLogEntry,
  type RunLog,
  type RuntimeApp,
} from '../runtime';
import type { ResolvedTarget } from './target';

export interface Progress {
  /** HTTP requests the module made so far (one per page for a search). */
  pages: number;
  bundles: number;
  /** From Hotmart's RateLimit-* headers of the latest response, when present. */
  rateLimit?: { used: number; limit: number };
}

export interface ExecuteOptions {
  app: RuntimeApp;
  moduleName: string;
  parameters: Record<string, unknown>;
  target: ResolvedTarget;
  /** Stop after this many bundles. */
  limit?: number;
  /** The run's clock (record pins it so a replay sends the same dates). */
  now?: Date;
  /** Reuse a connection (npm start runs every module on one). */
  connection?: Connection;
  /**
   * Replaces fetch (record's capture). The target's hostMap is then the wrapper's job, so the
   * wrapper sees the app's own URLs.
   */
  fetch?: typeof fetch;
  onProgress?: (progress: Progress) => void;
  /** Each bundle as it arrives (the CLI prints them then). */
  onBundle?: (bundle: Bundle) => void;
}

export interface ExecuteResult {
  bundles: Bundle[];
  /** Requests of this run: the connection's (when created here) and the module's. */
  requests: number;
  durationMs: number;
  rateLimit?: { used: number; limit: number };
  /** The connection used (undefined for a module without one). */
  connection: Connection | undefined;
}

const PROGRESS_INTERVAL_MS = 100;

export function rateLimitOf(entries: readonly HttpLogEntry[]): Progress['rateLimit'] {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const headers = entries[i]?.response?.headers;
    const limit = Number(headers?.['ratelimit-limit']);
    const remaining = Number(headers?.['ratelimit-remaining']);
    if (Number.isFinite(limit) && Number.isFinite(remaining) && limit > 0) {
      return { used: limit - remaining, limit };
    }
  }
  return undefined;
}

function progressOf(log: RunLog, bundles: number): Progress {
  const rateLimit = rateLimitOf(log.requests);
  return { pages: log.requestCount, bundles, ...(rateLimit ? { rateLimit } : {}) };
}

export async function executeModule(options: ExecuteOptions): Promise<ExecuteResult> {
  const started = Date.now();
  const { target } = options;
  // With a fetch wrapper the wrapper routes; otherwise the runtime's hostMap does.
  const routing = options.fetch ? { fetch: options.fetch } : { hostMap: target.hostMap };
  const clock = options.now ? { now: () => options.now as Date } : {};
  const connectionName = options.app.definition.modules.find(
    (module) => module.name === options.moduleName,
  )?.connection;
  const ownConnection = options.connection === undefined && typeof connectionName === 'string';
  const connection =
    options.connection ??
    (typeof connectionName === 'string'
      ? await createConnection(options.app, connectionName, target.connectionParameters, {
          ...routing,
          ...clock,
        })
      : undefined);
  const stream = streamModule(options.app, options.moduleName, {
    parameters: options.parameters,
    ...(connection ? { connection } : {}),
    ...routing,
    ...(options.now ? { now: options.now } : {}),
  });
  const bundles: Bundle[] = [];
  let lastReport = 0;
  for await (const bundle of stream) {
    bundles.push(bundle);
    options.onBundle?.(bundle);
    if (options.onProgress && Date.now() - lastReport >= PROGRESS_INTERVAL_MS) {
      lastReport = Date.now();
      options.onProgress(progressOf(stream.log, bundles.length));
    }
    if (options.limit !== undefined && bundles.length >= options.limit) break;
  }
  options.onProgress?.(progressOf(stream.log, bundles.length));
  const rateLimit = rateLimitOf(stream.log.requests);
  return {
    bundles,
    requests:
      stream.log.requestCount + (ownConnection && connection ? connection.log.requestCount : 0),
    durationMs: Date.now() - started,
    ...(rateLimit ? { rateLimit } : {}),
    connection,
  };
}

/** A connection of the named type on the target, or undefined when the component needs none (null). */
export function connectionFor(
  app: RuntimeApp,
  connectionName: string | null | undefined,
  target: ResolvedTarget,
): Promise<Connection | undefined> {
  if (typeof connectionName !== 'string') return Promise.resolve(undefined);
  return createConnection(app, connectionName, target.connectionParameters, {
    hostMap: target.hostMap,
  });
}

/** What every component run on a target reports besides its result. */
interface Measured {
  /** Requests of this run: the connection's and the component's. */
  requests: number;
  durationMs: number;
}

export interface ExecuteRpcOptions {
  app: RuntimeApp;
  rpcName: string;
  parameters: Record<string, unknown>;
  target: ResolvedTarget;
}

export interface ExecuteRpcResult extends Measured {
  items: unknown[];
}

/**
 * Runs one component against a target: a connection of the type it names (when it names one) on
 * the target, then `run` with the target's host map and that connection.
 */
async function onTarget<T extends { log: RunLog }>(
  app: RuntimeApp,
  connectionName: string | null | undefined,
  target: ResolvedTarget,
  run: (options: { hostMap: Record<string, string>; connection?: Connection }) => Promise<T>,
): Promise<T & Measured> {
  const started = Date.now();
  const connection = await connectionFor(app, connectionName, target);
  const result = await run({ hostMap: target.hostMap, ...(connection ? { connection } : {}) });
  return {
    ...result,
    requests: result.log.requestCount + (connection ? connection.log.requestCount : 0),
    durationMs: Date.now() - started,
  };
}

function moduleConnection(app: RuntimeApp, moduleName: string): string | null | undefined {
  return app.definition.modules.find((module) => module.name === moduleName)?.connection;
}

/** Runs one RPC against a target: a connection of the RPC's type when it has one, then runRpc. */
export async function executeRpc(options: ExecuteRpcOptions): Promise<ExecuteRpcResult> {
  const { app, rpcName } = options;
  const connection = app.definition.rpcs.find((rpc) => rpc.name === rpcName)?.connection;
  const { items, requests, durationMs } = await onTarget(app, connection, options.target, (on) =>
    runRpc(app, rpcName, { ...on, parameters: options.parameters }),
  );
  return { items, requests, durationMs };
}

export interface ExecuteEpochOptions {
  app: RuntimeApp;
  moduleName: string;
  parameters: Record<string, unknown>;
  target: ResolvedTarget;
}

export interface ExecuteEpochResult extends Measured {
  items: Array<Record<string, unknown>>;
  /** runTrigger's `start` for each item. */
  starts: TriggerStart[];
}

/** Lists a polling trigger's epoch choices ("Choose where to start") against a target. */
export async function executeEpoch(options: ExecuteEpochOptions): Promise<ExecuteEpochResult> {
  const { app, moduleName } = options;
  const { items, starts, requests, durationMs } = await onTarget(
    app,
    moduleConnection(app, moduleName),
    options.target,
    (on) => runEpoch(app, moduleName, { ...on, parameters: options.parameters }),
  );
  return { items, starts, requests, durationMs };
}

export interface ExecuteTriggerOptions {
  app: RuntimeApp;
  moduleName: string;
  parameters: Record<string, unknown>;
  target: ResolvedTarget;
  state: TriggerState | undefined;
  start?: TriggerStart;
}

export interface ExecuteTriggerResult extends Measured {
  bundles: Bundle[];
  state: TriggerState;
}

/** Runs a polling trigger once against a target, from `state` (or `start` on a first run). */
export async function executeTrigger(
  options: ExecuteTriggerOptions,
): Promise<ExecuteTriggerResult> {
  const { app, moduleName } = options;
  const { bundles, state, requests, durationMs } = await onTarget(
    app,
    moduleConnection(app, moduleName),
    options.target,
    (on) =>
      runTrigger(app, moduleName, {
        ...on,
        parameters: options.parameters,
        ...(options.state === undefined ? {} : { state: options.state }),
        ...(options.start === undefined ? {} : { start: options.start }),
      }),
  );
  return { bundles, state, requests, durationMs };
}

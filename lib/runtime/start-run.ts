// Everything before a run's first request, shared by modules, RPCs, triggers and webhooks: the
// run options, the clock, the connection checked and refreshed when due, parameters processed,
// and the scope and run environment the communication runs in.
import { resolveCaps, type Caps } from './caps';
import type { Connection } from './connection';
import { InvalidConfigurationError, RuntimeError } from './errors';
import { checkHostMap, type HostMap } from './hosts';
import { createScope, evaluate, type EvalClock, type Scope } from './iml';
import { processParameters } from './parameters';
import type { RunDeadline, RunEnv } from './run-env';
import type { RunLog, RunLogOptions } from './run-log';
import type { RuntimeApp } from './runtime-app';
import { isAbsoluteUrl } from './url';

export interface RunOptions {
  /** Values of the module's static and mappable parameters. */
  parameters?: Record<string, unknown>;
  /** The connection created with `createConnection`, for modules that have one. */
  connection?: Connection;
  /** The run's clock: a Date or a function returning one. Default: the connection's clock, else the system clock. */
  now?: Date | (() => Date);
  /** IANA time zone for IML date functions. Default: the connection's, else `UTC`. */
  timezone?: string;
  /** Sends a host's requests to another origin (applied last; logs show the app's own URLs). */
  hostMap?: Record<string, string>;
  /** Make's platform caps; `Infinity` lifts one. Default: 50 pagination requests, 100 requests, 3200 records. */
  caps?: Partial<Caps>;
  /** Replaces the global fetch. */
  fetch?: typeof fetch;
  /** The largest response body read, counted after decompression. Default 100 MiB. */
  maxResponseBytes?: number;
  /** The `environment` IML root. Default `{}`. */
  environment?: Record<string, unknown>;
  /** Run-log options (body size bound). */
  log?: RunLogOptions;
  /** How to wait `repeat.delay` milliseconds between repetitions. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** The `data` IML root (a polling trigger's `lastID`/`lastDate`). Default `{}`. */
  data?: Record<string, unknown>;
  /** The `payload` IML root: what the webhook passed to an instant trigger (receiveWebhook). */
  payload?: unknown;
  /**
   * The `webhook` IML root: the webhook's registration (`id`, `url` and what `attach` stored), seen
   * by attach, detach and update and by an instant trigger's templates.
   */
  webhook?: Record<string, unknown>;
  /**
   * Load the `rpc://` options and fields of the module's parameters, as Make's form does, to
   * declare the fields they add and refuse a select value no RPC offered (one run per RPC).
   * Default false: a scenario run does not reload them.
   */
  checkRpcOptions?: boolean;
  /**
   * The run's whole time budget in milliseconds: past it, the request in flight is aborted. Default:
   * 40 000 for RPCs and epochs (Make's RPC limit), none for modules (each request has its timeout).
   */
  timeLimit?: number;
}

/** The run's clock, zone and the app's functions: the options', else the connection's, else now/UTC. */
export function clockOf(
  app: RuntimeApp,
  options: RunOptions,
  connection: Connection | undefined,
): EvalClock {
  const now =
    options.now instanceof Date
      ? options.now
      : typeof options.now === 'function'
        ? options.now()
        : connection
          ? connection.clock()
          : new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RuntimeError('options.now must be a valid Date or a function returning one.', {
      code: 'OPTION_INVALID',
    });
  }
  return {
    now,
    timezone: options.timezone ?? connection?.timezone ?? 'UTC',
    functions: app.functions,
  };
}

/** What a module or an RPC names as its connections. */
interface ConnectionNeeds {
  readonly connection: string | null;
  readonly altConnection?: string | null | undefined;
}

function checkConnection(
  where: string,
  needs: ConnectionNeeds,
  connection: Connection | undefined,
): Connection | undefined {
  if (needs.connection === null) return undefined;
  const accepted = [needs.connection, needs.altConnection].filter(
    (name): name is string => typeof name === 'string',
  );
  if (connection === undefined) {
    throw new InvalidConfigurationError(
      `${where} needs a connection of type '${accepted.join("' or '")}'; pass one created with createConnection.`,
      {
        code: 'OPTION_INVALID',
        where,
      },
    );
  }
  if (!accepted.includes(connection.name)) {
    throw new InvalidConfigurationError(
      `${where} needs a connection of type '${accepted.join("' or '")}', got '${connection.name}'.`,
      { code: 'OPTION_INVALID', where },
    );
  }
  return connection;
}

/** Hosts requests with connection data may go to this run (hosts.ts). */
function allowedHosts(
  app: RuntimeApp,
  scope: Scope,
  clock: EvalClock,
  connection: Connection,
): Set<string> {
  const hosts = new Set([...app.literalHosts, ...connection.hosts]);
  const baseUrl = app.definition.base.baseUrl;
  if (baseUrl !== undefined) {
    try {
      const value = evaluate(baseUrl, scope, 'base › baseUrl', clock);
      if (typeof value === 'string' && isAbsoluteUrl(value.trim()))
        hosts.add(new URL(value.trim()).host);
    } catch {
      // A baseUrl that cannot be evaluated declares nothing; building the request reports it.
    }
  }
  return hosts;
}

/** What starting a run needs to know about the module or RPC it runs. */
interface RunStart {
  where: string;
  needs: ConnectionNeeds;
  /** The parameter definitions the given values are checked and converted against. */
  parameters: unknown[];
  metadata: Record<string, unknown>;
  options: RunOptions;
  log: RunLog;
  /** Caps when the options set none: Make's module caps unless given. */
  defaultCaps?: Partial<Caps>;
  /**
   * Values of names `parameters` does not declare are kept as given (an RPC sees the module's
   * parameters); otherwise they are ignored.
   */
  keepUndeclared?: boolean;
  /** The time budget when the options set none (RPCs: Make's 40 s). */
  defaultTimeLimit?: number;
}

/** The given values whose names `declared` (parameter definitions) does not list. */
function undeclared(
  declared: readonly unknown[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const names = new Set(
    declared.map((parameter) =>
      typeof parameter === 'object' && parameter !== null
        ? (parameter as { name?: unknown }).name
        : undefined,
    ),
  );
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) if (!names.has(name)) out[name] = value;
  return out;
}

/** The run's deadline, started now; none without a limit. */
function deadlineOf(where: string, limitMs: number | undefined): { deadline?: RunDeadline } {
  if (limitMs === undefined || limitMs === Number.POSITIVE_INFINITY) return {};
  if (!Number.isFinite(limitMs) || limitMs <= 0) {
    throw new RuntimeError(
      `${where}: options.timeLimit must be a positive number of milliseconds.`,
      {
        code: 'OPTION_INVALID',
        where,
      },
    );
  }
  return { deadline: { signal: AbortSignal.timeout(limitMs), limitMs } };
}

/**
 * Everything before a run's first request, shared by modules and RPCs: the connection checked
 * and refreshed when due, parameters processed, the scope and the run environment.
 */
export async function startRun(
  app: RuntimeApp,
  start: RunStart,
): Promise<{ scope: Scope; env: RunEnv }> {
  const { where, options, log } = start;
  const connection = checkConnection(where, start.needs, options.connection);
  const given = options.parameters ?? {};
  const declared = processParameters(start.parameters, given, { where });
  const parameters = start.keepUndeclared
    ? { ...undeclared(start.parameters, given), ...declared }
    : declared;
  const clock = clockOf(app, options, connection);
  const hostMap: HostMap = { ...(connection?.hostMap ?? {}), ...checkHostMap(options.hostMap) };
  if (connection) await connection.ensureFresh(log, clock);

  const scope = createScope({
    parameters,
    connection: connection?.view(),
    common: app.definition.common ?? {},
    temp: {},
    data: options.data ?? {},
    payload: options.payload,
    webhook: options.webhook,
    now: clock.now,
    environment: options.environment ?? {},
    scenario: {},
    metadata: start.metadata,
  });
  const env: RunEnv = {
    where,
    clock,
    log,
    hostMap,
    allowedHosts: connection ? allowedHosts(app, scope, clock, connection) : undefined,
    caps: resolveCaps({ ...start.defaultCaps, ...options.caps }),
    counters: { requests: 0, paginationRequests: 0, records: 0 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.maxResponseBytes !== undefined
      ? { maxResponseBytes: options.maxResponseBytes }
      : {}),
    ...(connection?.canRefresh() ? { auth: connection } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...deadlineOf(where, options.timeLimit ?? start.defaultTimeLimit),
  };
  return { scope, env };
}

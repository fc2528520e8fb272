// Running a module the way Make does: parameters → connection freshness → communication (with
// base, pagination, limit) → bundles, streamed one by one. `runModule` collects them; a search
// streamed with `streamModule` keeps memory flat however many pages it reads (only `wrapper`
// needs the whole output, so a module with a wrapper is collected first).
import type { ModuleSpec, ResponseSpec } from '../types';
import { finalizeError } from './boundary';
import { resolveCaps, type Caps } from './caps';
import { runCommunication } from './communication';
import type { Connection } from './connection';
import { InvalidConfigurationError, MakeError, RuntimeError } from './errors';
import { checkHostMap, type HostMap } from './hosts';
import { createScope, evaluate, type EvalClock, type Scope } from './iml';
import { processParameters } from './parameters';
import { Redactor } from './redact';
import type { RunEnv } from './run-env';
import { RunLog, type RunLogOptions } from './run-log';
import { findModule, type RuntimeApp } from './runtime-app';
import { isAbsoluteUrl } from './url';
import { describeType, isPlainObject, toWire, toWireOwned } from './wire';

/** One output bundle (a JSON object; dates as ISO strings). */
export type Bundle = Record<string, unknown>;

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
}

export interface RunResult {
  bundles: Bundle[];
  log: RunLog;
}

/** The bundles of a run, one by one, with the run's log. */
export interface ModuleStream extends AsyncIterable<Bundle> {
  readonly log: RunLog;
}

const RUNNABLE = new Set(['action', 'search', 'universal', 'trigger', 'instant_trigger']);
const PAGINATED = new Set(['search', 'trigger']);
const SINGLE = new Set(['action', 'universal', 'instant_trigger']);

function invalidOutput(module: ModuleSpec, found: string): RuntimeError {
  return new RuntimeError(
    `module ${module.name}: Invalid module output. Expected Object, but found ${found}.`,
    {
      code: 'INVALID_RESPONSE',
      where: `module ${module.name}`,
    },
  );
}

const FOUND: Record<string, string> = {
  'an array': 'Array',
  'a string': 'String',
  'a number': 'Number',
  'a boolean': 'Boolean',
  null: 'Null',
};

/**
 * Adds the bundles of one output value to `into`: an object is one bundle; a search spreads an
 * array. `fresh`: the value was just built from an object/array template, so it may be converted
 * in place.
 */
function addBundles(module: ModuleSpec, output: unknown, fresh: boolean, into: Bundle[]): void {
  const value = fresh ? toWireOwned(output) : toWire(output);
  if (isPlainObject(value)) {
    into.push(value);
    return;
  }
  if (Array.isArray(value) && !SINGLE.has(module.type)) {
    for (const item of value) {
      if (!isPlainObject(item))
        throw invalidOutput(module, FOUND[describeType(item)] ?? describeType(item));
      into.push(item);
    }
    return;
  }
  throw invalidOutput(module, FOUND[describeType(value)] ?? describeType(value));
}

/** An object or array template evaluates to a new object or array every time. */
function isTemplateObject(template: unknown): boolean {
  return typeof template === 'object' && template !== null;
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
  };
  return { scope, env };
}

/** Runs the module and yields its bundles a page at a time (never an empty page). */
async function* runPages(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions,
  log: RunLog,
): AsyncGenerator<Bundle[], void, undefined> {
  const module = findModule(app, moduleName);
  const where = `module ${module.name}`;
  if (!RUNNABLE.has(module.type)) {
    throw new RuntimeError(
      `${where}: ${module.type} modules are not run by this runtime (only action, search, universal, trigger and instant_trigger).`,
      {
        code: 'OPTION_INVALID',
        where,
      },
    );
  }
  const { scope, env } = await startRun(app, {
    where,
    needs: module,
    parameters: [
      ...(module.staticParameters as unknown[]),
      ...(module.mappableParameters as unknown[]),
    ],
    metadata: { expect: module.mappableParameters, interface: module.interface },
    options,
    log,
  });

  const chunks = runCommunication(module.communication, scope, env, {
    base: app.definition.base,
    allowPagination: PAGINATED.has(module.type),
  });
  const single = SINGLE.has(module.type);
  let count = 0;
  // An action or universal module gives one bundle at most, however its output is spread.
  const checked = (page: Bundle[]): Bundle[] => {
    count += page.length;
    if (single && count > 1) throw invalidOutput(module, 'Array');
    return page;
  };
  let wrapped: { response: ResponseSpec; outputs: unknown[] } | undefined;
  for await (const chunk of chunks) {
    if (chunk.response.wrapper !== undefined) {
      wrapped ??= { response: chunk.response, outputs: [] };
      for (const output of chunk.outputs) wrapped.outputs.push(output);
      continue;
    }
    const fresh = isTemplateObject(chunk.response.output);
    const page: Bundle[] = [];
    for (const output of chunk.outputs) addBundles(module, output, fresh, page);
    if (page.length > 0) yield checked(page);
  }
  if (wrapped) {
    scope.output = single ? wrapped.outputs[0] : wrapped.outputs;
    const value = evaluate(wrapped.response.wrapper, scope, `${where} › wrapper`, env.clock);
    if (value === undefined) return;
    const page: Bundle[] = [];
    addBundles(module, value, isTemplateObject(wrapped.response.wrapper), page);
    if (page.length > 0) yield checked(page);
  }
}

/** Attaches the run's log to an error leaving the runtime, so callers can show what happened. */
export function withLog(error: MakeError, log: RunLog): MakeError {
  Object.defineProperty(error, 'log', { value: log, enumerable: false, configurable: true });
  return error;
}

/**
 * Runs a module and yields its bundles one by one. Nothing runs until iteration starts; every
 * failure (parameters included) rejects the iteration with a MakeError whose non-enumerable `log`
 * property is the run log.
 */
export function streamModule(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): ModuleStream {
  const redactor = options.connection?.redactor ?? new Redactor();
  const log = new RunLog(redactor, options.log);
  return {
    log,
    // Bundles are produced a page at a time and handed out one by one from the page: one promise
    // per bundle, where an async generator per bundle (yield, yield*, for await) made three hops.
    [Symbol.asyncIterator](): AsyncIterator<Bundle> {
      const pages = runPages(app, moduleName, options, log);
      let page: Bundle[] = [];
      let index = 0;
      return {
        async next(): Promise<IteratorResult<Bundle>> {
          while (index >= page.length) {
            let result: IteratorResult<Bundle[]>;
            try {
              result = await pages.next();
            } catch (error) {
              throw withLog(finalizeError(error, redactor), log);
            }
            if (result.done === true) return { done: true, value: undefined };
            page = result.value;
            index = 0;
          }
          const bundle = page[index] as Bundle;
          index += 1;
          return { done: false, value: bundle };
        },
        // A consumer that stops early (`break`, --limit) closes the run: no further page is fetched.
        async return(): Promise<IteratorResult<Bundle>> {
          page = [];
          await pages.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Runs a module and resolves to all its bundles and the run log. */
export async function runModule(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const stream = streamModule(app, moduleName, options);
  const bundles: Bundle[] = [];
  for await (const bundle of stream) bundles.push(bundle);
  return { bundles, log: stream.log };
}

// Connection lifecycle (make-app-format §3; decisions §18 #2, #29, #30, #40).
// - createConnection processes the connection parameters and runs what Make runs when a user
//   saves a connection: the basic communication, or for OAuth `token` (its own `condition`
//   decides) then `info`. `response.data` is stored (merged over what is stored, Dates as ISO
//   strings), `response.expires`, `uid` and `metadata` are kept.
// - Before every module run, `ensureFresh` evaluates `refresh.condition` (with the run's clock)
//   and runs `refresh` when it holds. Without a `refresh` block, a `token` block whose condition is
//   an expression (the scaffold's `{{if(data.accessToken, data.expires < ..., true)}}`) is
//   re-evaluated instead. A literal `true` token condition is not re-run: the token is cached.
// - On a 401 from a module request the run calls `forceRefresh` once (refresh, else token) and
//   retries once (exchange.ts).
// - IML roots: `parameters` (connection parameters), `data` (stored data), `common` (connection
//   common data), `temp`, `now`, `environment`, `oauth`; `connection` = `{...parameters, ...data}`
//   in `refresh` and `invalidate` only (§10). Connection requests never inherit the base.
// - Secrets: every password-type parameter value and every string in stored data (except ISO
//   dates) are registered with the connection's Redactor, which every log and error of runs
//   using this connection goes through.
// - Interactive OAuth (`authorize`, `preauthorize`) needs a browser: not supported unless
//   previously stored `data` is passed in. An OAuth connection given stored data is resumed: no
//   initial step runs (authorize, token, info); the data stands until `refresh` replaces it.
import { parameterNames } from '../shared';
import type {
  ConnectionSpec,
  OAuthCommunication,
  Parameter,
  RequestSpec,
  ResponseSpec,
} from '../types';
import { finalizeError } from './boundary';
import { NO_CAPS } from './caps';
import { runCommunication } from './communication';
import { InvalidAccessTokenError, InvalidConfigurationError } from './errors';
import { checkHostMap, type HostMap } from './hosts';
import { createScope, evaluate, type EvalClock, type Scope } from './iml';
import { processParameters } from './parameters';
import { Redactor } from './redact';
import type { AuthHooks, RunEnv } from './run-env';
import { RunLog } from './run-log';
import { findConnection, type RuntimeApp } from './runtime-app';
import { isPlainObject, toWire } from './wire';

export interface ConnectionOptions {
  /** The clock (`now` in IML and for expiry checks). Default: the system clock. */
  now?: () => Date;
  /** IANA time zone for IML date functions. Default `UTC`. */
  timezone?: string;
  /** Sends a host's requests to another origin, e.g. `{ "api-sec-vlc.hotmart.com": "http://127.0.0.1:8787" }`. */
  hostMap?: Record<string, string>;
  /** Previously stored connection data (ISO strings for dates), e.g. from an earlier session. */
  data?: Record<string, unknown>;
  /** Replaces the global fetch. */
  fetch?: typeof fetch;
  /** The largest response body read, counted after decompression. Default 100 MiB. */
  maxResponseBytes?: number;
  /** The `environment` IML root. Default `{}`. */
  environment?: Record<string, unknown>;
}

type Step = 'communication' | 'token' | 'info' | 'refresh';

const MAKE_REDIRECT_URI = 'https://www.make.com/oauth/cb/app';

/**
 * Parameter types whose values are choices or plain data, never credentials. Every other
 * connection parameter (text, password, hidden, email, …) is treated as a secret in logs and
 * errors: a Client ID, a username or an account id says whose account it is.
 */
const NOT_CREDENTIAL_TYPES = new Set([
  'select',
  'boolean',
  'number',
  'integer',
  'uinteger',
  'date',
  'url',
  'timezone',
  'color',
]);

export class Connection implements AuthHooks {
  readonly name: string;
  readonly type: 'basic' | 'oauth';
  /** Processed connection parameters (`parameters` in connection IML). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Redacts this connection's secrets from every log and error of runs that use it. */
  readonly redactor: Redactor;
  /** Requests made while creating the connection. */
  readonly log: RunLog;
  /** Hosts the connection's own requests went to (declared hosts, hosts.ts). */
  readonly hosts = new Set<string>();
  readonly hostMap: HostMap;
  readonly timezone: string;
  readonly clock: () => Date;
  uid: unknown;
  metadata: unknown;
  /** `response.expires` of the whole connection (ISO), after which it must be re-authorised. */
  expires: string | undefined;

  private stored: Record<string, unknown>;
  private inFlight: Promise<void> | undefined;

  constructor(
    readonly app: RuntimeApp,
    readonly spec: ConnectionSpec,
    parameters: Record<string, unknown>,
    rawParameters: Record<string, unknown>,
    private readonly options: ConnectionOptions,
  ) {
    this.name = spec.name;
    this.type = spec.type;
    this.parameters = parameters;
    this.redactor = new Redactor();
    for (const name of parameterNames(
      spec.parameters,
      (type) => !NOT_CREDENTIAL_TYPES.has(String(type)),
    )) {
      this.redactor.add(parameters[name]);
      this.redactor.add(rawParameters[name]);
    }
    this.log = new RunLog(this.redactor);
    this.hostMap = checkHostMap(options.hostMap);
    this.timezone = options.timezone ?? 'UTC';
    this.clock = options.now ?? (() => new Date());
    this.stored = {};
    if (options.data !== undefined) this.store(options.data);
  }

  /** Stored connection data (`data.*`), as JSON (dates are ISO strings). */
  get data(): Record<string, unknown> {
    return { ...this.stored };
  }

  /** The `connection` root of module IML: parameters and stored data, data winning (§18 #29). */
  view(): Record<string, unknown> {
    return { ...this.parameters, ...this.stored };
  }

  private store(data: unknown): void {
    const value = toWire(data);
    if (!isPlainObject(value)) return;
    this.stored = { ...this.stored, ...value };
    this.redactor.addConnectionData(value);
  }

  private oauth(): OAuthCommunication {
    return this.spec.communication as OAuthCommunication;
  }

  private scope(step: Step, clock: EvalClock): Scope {
    return createScope({
      parameters: this.parameters,
      data: { ...this.stored },
      common: this.spec.common ?? {},
      temp: {},
      now: clock.now,
      environment: this.options.environment ?? {},
      oauth: {
        scope: [],
        redirectUri: MAKE_REDIRECT_URI,
        localRedirectUri: MAKE_REDIRECT_URI,
        makeRedirectUri: MAKE_REDIRECT_URI,
      },
      connection: step === 'refresh' ? this.view() : undefined,
    });
  }

  /** Reads `data`, `expires`, `uid`, `metadata` from a connection response. */
  private readResponse(step: Step, response: ResponseSpec, scope: Scope, clock: EvalClock): void {
    const where = `connection ${this.name} ${step}`;
    if (response.data !== undefined) {
      this.store(evaluate(response.data, scope, `${where} › response.data`, clock));
      scope.data = { ...this.stored };
    }
    if (response.expires !== undefined) {
      const expires = toWire(
        evaluate(response.expires, scope, `${where} › response.expires`, clock),
      );
      this.expires = typeof expires === 'string' ? expires : undefined;
    }
    if (response.uid !== undefined)
      this.uid = toWire(evaluate(response.uid, scope, `${where} › response.uid`, clock));
    if (response.metadata !== undefined) {
      this.metadata = toWire(
        evaluate(response.metadata, scope, `${where} › response.metadata`, clock),
      );
    }
  }

  /** Runs one step's communication (its own `condition` applies unless `force`). Returns whether a request ran. */
  async runStep(
    step: Step,
    communication: RequestSpec | RequestSpec[],
    log: RunLog,
    clock: EvalClock,
    force = false,
  ): Promise<boolean> {
    const where = `connection ${this.name} ${step}`;
    let requests = Array.isArray(communication) ? communication : [communication];
    if (force) requests = requests.map(({ condition: _ignored, ...rest }) => rest);
    const env: RunEnv = {
      where,
      clock,
      log,
      hostMap: this.hostMap,
      allowedHosts: undefined,
      redirectHosts: this.app.literalHosts,
      caps: NO_CAPS,
      counters: { requests: 0, paginationRequests: 0, records: 0 },
      contacted: this.hosts,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.maxResponseBytes !== undefined
        ? { maxResponseBytes: this.options.maxResponseBytes }
        : {}),
    };
    const scope = this.scope(step, clock);
    const chain = runCommunication(requests, scope, env, {
      base: undefined,
      allowPagination: false,
      onResponse: (response, responseScope) =>
        this.readResponse(step, response, responseScope, clock),
    });
    for await (const chunk of chain) void chunk;
    return env.counters.requests > 0;
  }

  /** The run clock for a lifecycle step started now. */
  evalClock(now?: () => Date): EvalClock {
    return { now: (now ?? this.clock)(), timezone: this.timezone, functions: this.app.functions };
  }

  /** Initial flow, as when the user saves the connection in Make. */
  async initialise(): Promise<void> {
    const clock = this.evalClock();
    if (this.type === 'basic') {
      await this.runStep(
        'communication',
        this.spec.communication as RequestSpec | RequestSpec[],
        this.log,
        clock,
      );
      return;
    }
    // Resumed from stored data (an earlier session, Make's stored connection): the data is used
    // as it is. Running `token` again would exchange an authorization code that no longer exists
    // and overwrite the stored tokens; `refresh` runs before a module when its condition holds.
    if (this.options.data !== undefined) return;
    const oauth = this.oauth();
    if (oauth.authorize !== undefined || oauth.preauthorize !== undefined) {
      throw new InvalidConfigurationError(
        `connection ${this.name}: this OAuth connection needs interactive authorization (authorize), which the runtime cannot do; pass previously stored data in options.data.`,
        { code: 'DEFINITION_INVALID', where: `connection ${this.name}` },
      );
    }
    if (oauth.token !== undefined) await this.runStep('token', oauth.token, this.log, clock);
    if (oauth.info !== undefined)
      await this.runStep('info', oauth.info, this.log, this.evalClock());
  }

  canRefresh(): boolean {
    if (this.type !== 'oauth') return false;
    const oauth = this.oauth();
    return oauth.refresh !== undefined || oauth.token !== undefined;
  }

  /** One refresh at a time: concurrent runs share the one in flight instead of each fetching a token. */
  private serialise(task: () => Promise<void>): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const running = task().finally(() => {
      this.inFlight = undefined;
    });
    this.inFlight = running;
    return running;
  }

  /** After a 401: refresh (or a new token) regardless of conditions. */
  refresh(log: RunLog, clock: EvalClock): Promise<void> {
    return this.serialise(async () => {
      const oauth = this.oauth();
      if (oauth.refresh !== undefined)
        await this.runStep('refresh', oauth.refresh, log, clock, true);
      else if (oauth.token !== undefined)
        await this.runStep('token', oauth.token, log, clock, true);
    });
  }

  /** Before a module run: refresh when the definition's condition says so. */
  async ensureFresh(log: RunLog, clock: EvalClock): Promise<void> {
    if (this.expires !== undefined && Date.parse(this.expires) <= clock.now.getTime()) {
      throw new InvalidAccessTokenError(
        `connection ${this.name} expired at ${this.expires}; it must be authorised again.`,
        { code: 'CONNECTION_EXPIRED', where: `connection ${this.name}` },
      );
    }
    if (this.type !== 'oauth') return;
    if (this.inFlight) {
      await this.inFlight;
      return;
    }
    const oauth = this.oauth();
    const step: Step | undefined =
      oauth.refresh !== undefined
        ? 'refresh'
        : isExpression(oauth.token?.condition)
          ? 'token'
          : undefined;
    if (step === undefined) return;
    const spec = (step === 'refresh' ? oauth.refresh : oauth.token) as RequestSpec;
    if (spec.condition === undefined) return;
    const condition = isPlainObject(spec.condition) ? spec.condition.condition : spec.condition;
    const due = evaluate(
      condition,
      this.scope(step, clock),
      `connection ${this.name} ${step} › condition`,
      clock,
    );
    if (!due) return;
    log.info('TOKEN_REFRESH', `connection ${this.name}: ${step} condition holds; running ${step}.`);
    await this.serialise(() => this.runStep(step, spec, log, clock, true).then(() => undefined));
  }
}

function isExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  return (
    isPlainObject(value) && typeof value.condition === 'string' && value.condition.includes('{{')
  );
}

/**
 * Creates a connection of `app` from the user's parameters and runs its initial flow. Throws a
 * DataError for a bad parameter (before any request), or the Make error of a failed request.
 */
export async function createConnection(
  app: RuntimeApp,
  connectionName: string,
  parameters: Record<string, unknown>,
  options: ConnectionOptions = {},
): Promise<Connection> {
  const spec = findConnection(app, connectionName);
  const where = `connection ${spec.name}`;
  const processed = processParameters(spec.parameters as Parameter[] as unknown[], parameters, {
    where,
  });
  const connection = new Connection(app, spec, processed, parameters, options);
  try {
    await connection.initialise();
  } catch (error) {
    throw finalizeError(error, connection.redactor);
  }
  return connection;
}

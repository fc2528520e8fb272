// The simulator backend: Hotmart played by the embedded simulator (lib/simulator) through its nock
// adapter, on a clock the test controls and shares with the runtime. A fresh simulator per test
// keeps state changes (cancel, reactivate, rate-limit windows) from leaking between tests; the
// interceptor is installed per test because test/setup.ts runs `nock.cleanAll()` after each one.
import { createConnection, MakeError, type Connection, type RuntimeApp } from '../../lib/runtime';
import {
  createSimulator,
  interceptWithNock,
  SIMULATOR_CREDENTIALS,
  type NockInterception,
  type Simulator,
  type SimulatorOptions,
  type SimulatorRequest,
  type SimulatorResponse,
  type SubscriptionItem,
} from '../../lib/simulator';
import { NOW } from './harness';
import type { Exchange, ModuleBackend, SubscriptionSet } from './module-backend';
import { secretsIn } from './module-backend';
import { errorSurface } from './secrets';
import type { Item } from './subscriptions';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const SUBSCRIPTIONS = '/payments/api/v1/subscriptions';
const TOKEN_PATH = '/security/oauth/token';
/** Hotmart's default accession window when `accession_date` is not sent (reference §4.1). */
export const DEFAULT_WINDOW_MS = 30 * DAY_MS;
/** Make's own cap on paged results, and the module's `limit` maximum. */
export const MAX_LIMIT = 3200;

/** Connection parameters as a user fills them in: the Basic token pasted with its prefix. */
const SIMULATOR_CONNECTION = {
  clientId: SIMULATOR_CREDENTIALS.clientId,
  clientSecret: SIMULATOR_CREDENTIALS.clientSecret,
  basicToken: `Basic ${SIMULATOR_CREDENTIALS.basicToken}`,
};

export type SimulatorBackendOptions = Pick<
  SimulatorOptions,
  'seed' | 'size' | 'rateLimitPerMinute' | 'tokenTtlSeconds'
> & {
  /**
   * Keep one simulator for every test of the block, to save generating a large data set per
   * test. Only for tests that change no state and do not move the clock; each test then starts
   * 61 s after the previous one, so no rate-limit window carries over.
   */
  reuse?: boolean;
  /** The clock at the start of each test (the data set is laid out against it). Default NOW. */
  start?: Date;
};

/** A new rate-limit window (Hotmart's is one minute) for each test of a reused simulator. */
const REUSE_STEP_MS = 61_000;

export interface SimulatorBackend extends ModuleBackend {
  /** The current test's simulator. */
  sim(): Simulator;
  /** Moves the shared clock (simulator and runtime) forward. */
  advance(ms: number): void;
  /** Every request the simulator answered in this test (token requests included), in order. */
  allExchanges(): Exchange[];
  /** The token requests of this test. */
  tokenRequests(): Exchange[];
  /** Every access token the simulator issued in this test. */
  issuedTokens(): string[];
  /** Creates the connection with the simulator's credentials, `overrides` applied. */
  connectWith(runtime: RuntimeApp, overrides: Record<string, unknown>): Promise<Connection>;
  /** A connection that must fail; checks that the error leaks no secret, `extraSecrets` included. */
  connectFailing(
    runtime: RuntimeApp,
    overrides: Record<string, unknown>,
    extraSecrets?: readonly string[],
  ): Promise<MakeError>;
}

function exchangeOf(request: SimulatorRequest, response: SimulatorResponse): Exchange {
  const url = new URL(request.url, 'https://placeholder.invalid');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return {
    method: request.method.toUpperCase(),
    host: url.host,
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: request.body ?? '',
    status: response.status,
    responseBody: response.body,
  };
}

function issuedToken(exchange: Exchange): string | undefined {
  if (exchange.path !== TOKEN_PATH || exchange.status !== 200) return undefined;
  const body = JSON.parse(exchange.responseBody) as { access_token?: unknown };
  return typeof body.access_token === 'string' ? body.access_token : undefined;
}

/** Hotmart's JSON objects as the generic items the expectations work with. */
export function asItems(values: readonly object[]): Item[] {
  return values.map((value) => ({ ...value }) as Item);
}

function setFor(items: Item[]): SubscriptionSet {
  // A limit above the number of matches, so the whole set is expected.
  return { items, limit: Math.min(MAX_LIMIT, Math.max(10, items.length + 10)) };
}

export function simulatorBackend(options: SimulatorBackendOptions = {}): SimulatorBackend {
  let current: Simulator | undefined;
  /** The simulator created last: the block's one when `reuse` is set. */
  let lastCreated: Simulator | undefined;
  let interception: NockInterception | undefined;
  const start = (options.start ?? NOW).getTime();
  let clockMs = start;
  let log: Exchange[] = [];

  const now = (): Date => new Date(clockMs);

  function sim(): Simulator {
    if (current === undefined) throw new Error('simulatorBackend: setUp() was not called');
    return current;
  }

  function subscriptions(): SubscriptionItem[] {
    return sim().subscriptions();
  }

  function find(what: string, predicate: (item: SubscriptionItem) => boolean): SubscriptionItem {
    const item = subscriptions().find(predicate);
    if (item === undefined) throw new Error(`the simulator's data set has no ${what}`);
    return item;
  }

  function secrets(): string[] {
    return [
      SIMULATOR_CREDENTIALS.clientSecret,
      encodeURIComponent(SIMULATOR_CREDENTIALS.clientSecret),
      SIMULATOR_CREDENTIALS.basicToken,
      ...log.flatMap((exchange) => issuedToken(exchange) ?? []),
    ];
  }

  function create(runtime: RuntimeApp, overrides: Record<string, unknown>): Promise<Connection> {
    return createConnection(
      runtime,
      'hotmart',
      { ...SIMULATOR_CONNECTION, environment: 'production', ...overrides },
      { now },
    );
  }

  async function connectWith(
    runtime: RuntimeApp,
    overrides: Record<string, unknown>,
  ): Promise<Connection> {
    const connection = await create(runtime, overrides);
    expect(secretsIn(secrets(), connection.log)).toEqual([]);
    return connection;
  }

  const backend: SimulatorBackend = {
    name: 'simulator',
    setUp() {
      log = [];
      if (options.reuse === true && lastCreated !== undefined) {
        clockMs += REUSE_STEP_MS;
      } else {
        clockMs = start;
        const { reuse: _reuse, start: _start, ...simulatorOptions } = options;
        lastCreated = createSimulator({ ...simulatorOptions, now });
      }
      const simulator = lastCreated;
      current = simulator;
      // Every exchange is recorded on its way through, so tests see the wire as Hotmart did.
      const observed: Simulator = {
        ...simulator,
        handle: async (request) => {
          const response = await simulator.handle(request);
          log.push(exchangeOf(request, response));
          return response;
        },
      };
      interception = interceptWithNock(observed);
    },
    tearDown() {
      interception?.stop();
      interception = undefined;
      current = undefined;
    },
    now,
    connect: (runtime) => connectWith(runtime, {}),
    secrets,
    exchanges: () => log.filter((exchange) => exchange.path !== TOKEN_PATH),

    sim,
    advance(ms) {
      clockMs += ms;
    },
    allExchanges: () => [...log],
    tokenRequests: () => log.filter((exchange) => exchange.path === TOKEN_PATH),
    issuedTokens: () => log.flatMap((exchange) => issuedToken(exchange) ?? []),
    connectWith,
    async connectFailing(runtime, overrides, extraSecrets = []) {
      try {
        await create(runtime, overrides);
      } catch (error) {
        expect(secretsIn([...secrets(), ...extraSecrets], ...errorSurface(error))).toEqual([]);
        if (error instanceof MakeError) return error;
        throw error;
      }
      throw new Error('the connection was created, but the test expected an error');
    },

    everySubscription: () => setFor(asItems(subscriptions())),
    firstSubscriptions() {
      const items = subscriptions();
      if (items.length <= 3) throw new Error('the simulator needs more than 3 subscriptions');
      return { items: asItems(items.slice(0, 3)), limit: 3 };
    },
    oldSubscription: () => ({
      ...find(
        'subscription older than 30 days',
        (item) => item.accession_date < clockMs - DEFAULT_WINDOW_MS,
      ),
    }),
    withStatuses() {
      const statuses = ['ACTIVE', 'DELAYED'];
      return {
        statuses,
        ...setFor(asItems(subscriptions().filter((item) => statuses.includes(item.status)))),
      };
    },
    subscriberWithPurchases() {
      const { subscriber_code: code } = find(
        'subscriber with two purchases',
        (item) => (sim().purchases(item.subscriber_code)?.length ?? 0) >= 2,
      );
      return { code, purchases: asItems(sim().purchases(code) ?? []) };
    },
    unknownSubscriberPurchases: () => 'NoSuchSub1',
    cancellable: () =>
      find('active subscription', (item) => item.status === 'ACTIVE').subscriber_code,
    reactivatable: () =>
      find(
        'subscription cancelled by its customer',
        (item) => item.status === 'CANCELLED_BY_CUSTOMER',
      ).subscriber_code,
    apiCallList: () => ({ path: SUBSCRIPTIONS, qs: { max_results: '2' } }),
    apiCallMissing: () => '/payments/api/v1/no-such-endpoint',
  };
  return backend;
}

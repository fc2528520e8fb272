// The backend switch of the module scenarios: the same test bodies run against hand-written nock
// fixtures (`fixture-backend.ts`) and against the embedded Hotmart simulator
// (`simulator-backend.ts`). A backend is the Hotmart the modules talk to plus what the test needs
// to know about its data; every expectation is behavioural ("the subscriptions in these
// statuses"), computed from the backend's own data, never a byte-exact answer.
import type { Connection, MakeError, RunResult, RuntimeApp } from '../../lib/runtime';
import { run, runFailing, type RunArgs } from './harness';
import { errorSurface } from './secrets';
import type { Item } from './subscriptions';

/** One data-host request as the backend received it, with the answer it gave. */
export interface Exchange {
  method: string;
  host: string;
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The request body text ('' for none). */
  body: string;
  status: number;
  responseBody: string;
}

/** Subscriptions a list request with `limit` must return, in the backend's list order. */
export interface SubscriptionSet {
  items: Item[];
  limit: number;
}

export interface ModuleBackend {
  readonly name: string;
  /** Installs a fresh Hotmart for one test (call in `beforeEach`). */
  setUp(): void;
  /** Removes it and checks that everything arranged was used (call in `afterEach`). */
  tearDown(): void;
  /** The clock Hotmart and the runtime share. */
  now(): Date;
  /** Saves the `hotmart` connection as Make does (token, then the info call). */
  connect(runtime: RuntimeApp): Promise<Connection>;
  /** Every secret of this backend in every form that travels (tokens issued so far included). */
  secrets(): string[];
  /** Data-host requests answered during the current test, in order. */
  exchanges(): Exchange[];

  // Arrangements: each prepares the backend for one scenario and returns what the module must
  // find. The fixture backend installs the exact request it expects; the simulator has it all.

  /** Every subscription of any date; `limit` is above their number. */
  everySubscription(): SubscriptionSet;
  /** The first subscriptions of the list; `limit` is below the total. */
  firstSubscriptions(): SubscriptionSet;
  /** One subscription that started before Hotmart's default 30-day window, looked up by code. */
  oldSubscription(): Item;
  /** The subscriptions in two statuses. */
  withStatuses(): SubscriptionSet & { statuses: string[] };
  /** A subscriber with at least two purchases, as Hotmart lists them. */
  subscriberWithPurchases(): { code: string; purchases: Item[] };
  /** A subscriber code Hotmart does not know, asked for its purchases. */
  unknownSubscriberPurchases(): string;
  /** An active subscription, cancelled with `send_mail`. */
  cancellable(sendMail: boolean): string;
  /** A cancelled subscription, reactivated with `charge`. */
  reactivatable(charge: boolean): string;
  /** A list path and query string for "Make an API Call". */
  apiCallList(): { path: string; qs: Record<string, string> };
  /** A path Hotmart answers with 404. */
  apiCallMissing(): string;
}

/** Which of `secrets` occur anywhere in `values` (serialised as JSON; strings as they are). */
export function secretsIn(secrets: readonly string[], ...values: unknown[]): string[] {
  const text = values
    .map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')))
    .join('\n');
  return secrets.filter((secret) => text.includes(secret));
}

export interface BackendRunArgs {
  connection: Connection;
  parameters?: Record<string, unknown>;
  /** Default: the backend's clock. */
  now?: Date;
  timezone?: string;
}

function harnessArgs(backend: ModuleBackend, args: BackendRunArgs): RunArgs {
  return {
    connection: args.connection,
    now: args.now ?? backend.now(),
    ...(args.parameters === undefined ? {} : { parameters: args.parameters }),
    ...(args.timezone === undefined ? {} : { timezone: args.timezone }),
  };
}

/**
 * `harness.run` (every bundle checked against the module's interface) plus the leak check for
 * this backend's secrets in the run log, the connection log, or the error.
 */
export async function runOn(
  backend: ModuleBackend,
  runtime: RuntimeApp,
  moduleName: string,
  args: BackendRunArgs,
): Promise<RunResult> {
  let result: RunResult;
  try {
    result = await run(runtime, moduleName, harnessArgs(backend, args));
  } catch (error) {
    expect(secretsIn(backend.secrets(), ...errorSurface(error))).toEqual([]);
    throw error;
  }
  expect(secretsIn(backend.secrets(), result.log, args.connection.log)).toEqual([]);
  return result;
}

/** `harness.runFailing` plus the leak check for this backend's secrets. */
export async function runFailingOn(
  backend: ModuleBackend,
  runtime: RuntimeApp,
  moduleName: string,
  args: BackendRunArgs,
): Promise<MakeError> {
  const error = await runFailing(runtime, moduleName, harnessArgs(backend, args));
  expect(secretsIn(backend.secrets(), ...errorSurface(error), args.connection.log)).toEqual([]);
  return error;
}

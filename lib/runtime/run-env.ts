// Everything one run (a module run, or one step of a connection's lifecycle) shares: where it is,
// its clock, its log and redactor, the network options, the host allow-list and the cap counters.
import type { CapCounters, Caps } from './caps';
import type { HostMap } from './hosts';
import type { EvalClock } from './iml';
import type { RunLog } from './run-log';

/** What a run needs from its connection to recover from a 401. */
export interface AuthHooks {
  /** True when a refresh (or a new token) can be attempted. */
  canRefresh(): boolean;
  /** Runs the refresh, logging into the run's log. */
  refresh(log: RunLog, clock: EvalClock): Promise<void>;
  /** The `connection` IML root after the refresh: `{ ...parameters, ...data }`. */
  view(): Record<string, unknown>;
}

export interface RunDeadline {
  signal: AbortSignal;
  limitMs: number;
}

export interface RunEnv {
  /** `module listSubscriptions`, `connection hotmart token`. */
  where: string;
  clock: EvalClock;
  log: RunLog;
  hostMap: HostMap;
  /** Hosts a request carrying connection data may go to; `undefined` = no check (connection's own requests). */
  allowedHosts: ReadonlySet<string> | undefined;
  /**
   * Without an allow-list (a connection's own requests): the hosts a *redirect* may lead to, on
   * top of `contacted`: the app's literal hosts. `undefined` = redirects are not checked.
   */
  redirectHosts?: ReadonlySet<string>;
  fetch?: typeof fetch;
  /** The largest response body read (after decompression); default 100 MiB (http.ts). */
  maxResponseBytes?: number;
  caps: Caps;
  counters: CapCounters;
  /** Connection hooks for 401 recovery (module runs with an OAuth connection). */
  auth?: AuthHooks;
  /** Hosts actually contacted (the connection records its own for the allow-list). */
  contacted?: Set<string>;
  /**
   * The run's time budget (Make's 40 s for an RPC): aborts the request in flight when it runs out,
   * and every request after it.
   */
  deadline?: RunDeadline;
  /** Waits between `repeat` runs; default a timer (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

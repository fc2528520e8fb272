// Evaluation options and the per-evaluation environment built from them. Building the
// environment is on the hot path of every evaluation: options are validated up front, but the
// clock is read only when a template uses `now` or `timestamp`.

import type { CustomFunctions, Env } from './compile';
import { checkTimezone, DEFAULT_TIMEZONE } from './dates';
import { ImlArgumentError } from './errors';

export interface EvaluateOptions {
  /** Pins `now` and `timestamp` (tests, replays). Default: the clock, read once per evaluation. */
  now?: Date;
  /** IANA zone for date functions given no zone and for ISO text without an offset. Default 'UTC'. */
  timezone?: string;
  /**
   * Unknown root variables throw IML_UNKNOWN_VARIABLE (true, to catch typos in one's own app) or
   * read as undefined, as Make reads them (false, the default).
   */
  strictVariables?: boolean;
  /**
   * The app's own functions (Make's custom IML functions), by name: what a call to a name that is
   * not a built-in runs (`createCustomFunctions` builds them from the app's code). Built-ins win.
   */
  functions?: CustomFunctions | undefined;
}

// A plain object literal, not a class instance: this object is allocated on every evaluation
// and a literal with a fixed shape is the cheapest thing V8 can build.
interface EvaluationEnv extends Env {
  /** Unix ms of `now`: pinned, or read from the clock on first use. */
  current: number | undefined;
}

// One instant per evaluation: every `now` in a template sees the same time.
function readNow(this: EvaluationEnv): Date {
  if (this.current === undefined) this.current = Date.now();
  return new Date(this.current);
}

/**
 * Checks the arguments of one evaluation exactly as createEnv does (same checks, same order,
 * same errors) without building anything; returns strictVariables. Lone path templates use it.
 */
export function checkEvaluation(context: unknown, options: EvaluateOptions | undefined): boolean {
  checkContext(context);
  if (options === undefined) return false;
  pinnedTime(options.now);
  const zone = options.timezone;
  if (zone !== undefined) checkTimezone(zone);
  return options.strictVariables === true;
}

export function createEnv(context: unknown, options: EvaluateOptions | undefined): Env {
  checkContext(context);
  // No options (the common case) needs no reads and no checks.
  if (options === undefined) {
    const env: EvaluationEnv = {
      context,
      strictVariables: false,
      timezone: DEFAULT_TIMEZONE,
      functions: undefined,
      current: undefined,
      now: readNow,
    };
    return env;
  }
  const current = pinnedTime(options.now);
  const zone = options.timezone;
  const env: EvaluationEnv = {
    context,
    strictVariables: options.strictVariables === true,
    timezone: zone === undefined ? DEFAULT_TIMEZONE : checkTimezone(zone),
    functions: options.functions,
    current,
    now: readNow,
  };
  return env;
}

function checkContext(context: unknown): asserts context is Readonly<Record<string, unknown>> {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new ImlArgumentError('The evaluation context must be an object of root variables');
  }
}

/** Unix ms of a pinned `now`, or undefined when the clock is to be read. */
function pinnedTime(pinned: Date | undefined): number | undefined {
  if (pinned === undefined) return undefined;
  const current = pinned instanceof Date ? pinned.getTime() : Number.NaN;
  if (Number.isNaN(current)) throw new ImlArgumentError('options.now must be a valid Date');
  return current;
}

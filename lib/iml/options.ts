// Evaluation options and the per-evaluation environment built from them. Building the
// environment is on the hot path of every evaluation: options are validated up front, but the
// clock is read only when a template uses `now` or `timestamp`.

import type { Env } from './compile';
import { checkTimezone, DEFAULT_TIMEZONE } from './dates';
import { ImlArgumentError } from './errors';

export interface EvaluateOptions {
  /** Pins `now` and `timestamp` (tests, replays). Default: the clock, read once per evaluation. */
  now?: Date;
  /** IANA zone for date functions given no zone and for ISO text without an offset. Default 'UTC'. */
  timezone?: string;
  /** Unknown root variables throw IML_UNKNOWN_VARIABLE (true) or read as undefined. Default true. */
  strictVariables?: boolean;
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

export function createEnv(context: unknown, options: EvaluateOptions | undefined): Env {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new ImlArgumentError('The evaluation context must be an object of root variables');
  }
  let current: number | undefined;
  const pinned = options?.now;
  if (pinned !== undefined) {
    current = pinned instanceof Date ? pinned.getTime() : Number.NaN;
    if (Number.isNaN(current)) throw new ImlArgumentError('options.now must be a valid Date');
  }
  const zone = options?.timezone;
  const env: EvaluationEnv = {
    context: context as Readonly<Record<string, unknown>>,
    strictVariables: options?.strictVariables !== false,
    timezone: zone === undefined ? DEFAULT_TIMEZONE : checkTimezone(zone),
    current,
    now: readNow,
  };
  return env;
}

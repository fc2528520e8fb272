// The shape of a built-in function. Eager functions receive evaluated arguments; lazy ones
// (if, ifempty, switch) receive the compiled arguments and evaluate only what they need, so the
// branch not taken is never evaluated (and nothing is allocated per call).

export interface FunctionContext {
  /** IANA zone used when a date function is given none (options.timezone, default UTC). */
  readonly timezone: string;
  /** The evaluation's current instant (options.now when pinned); stable within one evaluation. */
  now(): Date;
}

export interface EagerFunction {
  readonly lazy: false;
  readonly minArgs: number;
  readonly maxArgs: number;
  call(args: readonly unknown[], context: FunctionContext): unknown;
}

export interface LazyFunction {
  readonly lazy: true;
  readonly minArgs: number;
  readonly maxArgs: number;
  call<C extends FunctionContext>(
    args: ReadonlyArray<(context: C) => unknown>,
    context: C,
  ): unknown;
}

export type ImlFunction = EagerFunction | LazyFunction;

export function eager(
  minArgs: number,
  maxArgs: number,
  call: EagerFunction['call'],
): EagerFunction {
  return { lazy: false, minArgs, maxArgs, call };
}

export function lazy(minArgs: number, maxArgs: number, call: LazyFunction['call']): LazyFunction {
  return { lazy: true, minArgs, maxArgs, call };
}

export type FunctionTable = Readonly<Record<string, ImlFunction>>;

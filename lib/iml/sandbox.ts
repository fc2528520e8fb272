// Make's custom IML functions (make-app-format §2.7): the app's JavaScript, run in a node:vm
// context with Make's limits, so code that would fail on Make fails here too: no `require`, no
// `process`, no timers, no network; JavaScript's built-ins plus `Buffer`; the IML built-ins as
// `iml.<name>()`; `debug()` for logging; 10 s per call; 5,000 characters of code per function.
//
// node:vm separates globals, not privileges: the context is a fidelity tool, not a security
// boundary (the host's `Buffer` is reachable from inside). Run only code you would run anyway.
import assert from 'node:assert';
import vm from 'node:vm';
import type { CustomFunctions, Env } from './compile';
import { ImlArgumentError, ImlError, ImlLimitError } from './errors';
import { findFunction, FUNCTION_NAMES } from './functions/registry';
import type { FunctionContext } from './functions/types';
import { REALM_BOOTSTRAP, REALM_TAG } from './sandbox-realm';

/** One custom function: its id (the name templates call) and its code. */
export interface FunctionSource {
  readonly name: string;
  readonly code: string;
}

export interface SandboxOptions {
  /** Milliseconds one call (or one test) may run. Default: Make's 10 s. */
  timeoutMs?: number;
  /** Receives every `debug(...)` line the code writes. Default: dropped. */
  onDebug?: (line: string) => void;
}

/** Make's limits for custom functions (make-app-format §2.7). */
export const FUNCTION_LIMITS = {
  timeoutMs: 10_000,
  maxCodeLength: 5_000,
} as const;

/** A custom function failed: its code threw, ran past the time limit or could not be compiled. */
export class ImlCustomFunctionError extends ImlError {
  override name = 'ImlCustomFunctionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('IML_FUNCTION_FAILED', message, undefined, options);
  }
}

interface Realm {
  invoke(name: string, argsText: string): string;
  testNames(): string;
  runTest(index: number): string;
}

/** An answer from the realm: the JSON text of `{ value }` or `{ error }`. */
interface Answer {
  value?: string;
  error?: string;
}

function encode(value: unknown): string {
  return JSON.stringify({ v: value }, function replace(this: Record<string, unknown>, key, json) {
    const raw = this[key];
    if (raw instanceof Date) return { [REALM_TAG]: 'date', v: raw.getTime() };
    if (Buffer.isBuffer(raw)) return { [REALM_TAG]: 'buffer', v: raw.toString('base64') };
    if (raw === undefined) return { [REALM_TAG]: 'undefined' };
    return json as unknown;
  });
}

function decode(text: string): unknown {
  return (
    JSON.parse(text, (_key, value: unknown) => {
      if (value !== null && typeof value === 'object') {
        const tagged = value as Record<string, unknown>;
        const tag = tagged[REALM_TAG];
        if (tag === 'date') return new Date(tagged.v as number);
        if (tag === 'buffer') return Buffer.from(tagged.v as string, 'base64');
        if (tag === 'undefined') return undefined;
      }
      return value;
    }) as { v: unknown }
  ).v;
}

/** The context the `iml.*` built-ins see: the calling evaluation's zone and clock. */
const DEFAULT_CONTEXT: FunctionContext = { timezone: 'UTC', now: () => new Date() };

/** A sandbox with every function's code run in it: the realm, its context and how to call in. */
class Sandbox {
  private readonly context: vm.Context;
  private readonly realm: Realm;
  private readonly timeout: number;
  private readonly invokeScript = new vm.Script('__imlRealm.invoke(__imlName, __imlArgs)');
  private readonly testScript = new vm.Script('__imlRealm.runTest(__imlTest)');
  /** The evaluation a call came from, for the `iml.*` built-ins it makes. */
  private caller: FunctionContext = DEFAULT_CONTEXT;

  constructor(sources: readonly FunctionSource[], options: SandboxOptions) {
    this.timeout = options.timeoutMs ?? FUNCTION_LIMITS.timeoutMs;
    this.context = vm.createContext(
      {},
      { name: 'custom IML functions', codeGeneration: { strings: true, wasm: false } },
    );
    const bootstrap = vm.runInContext(REALM_BOOTSTRAP, this.context) as (
      bridge: (name: string, argsText: string) => string,
      debug: (line: string) => void,
      builtinNames: readonly string[],
      buffer: typeof Buffer,
    ) => Realm;
    const onDebug = options.onDebug ?? (() => undefined);
    this.realm = bootstrap(
      (name, argsText) => this.builtin(name, argsText),
      (line) => onDebug(String(line)),
      vm.runInContext(JSON.stringify(FUNCTION_NAMES), this.context) as readonly string[],
      Buffer,
    );
    Object.defineProperty(this.context, '__imlRealm', { value: this.realm });
    for (const source of sources) this.load(source.name, source.code);
  }

  /** Makes a host value a global of the realm (tests get node's `assert` this way). */
  defineGlobal(name: string, value: unknown): void {
    Object.defineProperty(this.context, name, { value, enumerable: false });
  }

  /**
   * Runs one function's code (it declares the function, and may declare helpers); Make's length
   * limit applies to function code, not to tests.
   */
  load(name: string, code: string, limited = true): void {
    if (limited && code.length > FUNCTION_LIMITS.maxCodeLength) {
      throw new ImlLimitError(
        `Function '${name}': its code has ${code.length} characters, more than Make's ${FUNCTION_LIMITS.maxCodeLength}`,
      );
    }
    this.run(`Function '${name}'`, (): unknown =>
      vm.runInContext(code, this.context, {
        filename: `functions/${name}.js`,
        timeout: this.timeout,
      }),
    );
  }

  /** Calls `name` with `args` (copied into the realm) for the evaluation `caller`. */
  call(name: string, args: readonly unknown[], caller: FunctionContext): unknown {
    const previous = this.caller;
    this.caller = caller;
    try {
      this.context.__imlName = name;
      this.context.__imlArgs = encode(args);
      const text = this.run(
        `Function '${name}'`,
        () => this.invokeScript.runInContext(this.context, { timeout: this.timeout }) as string,
      );
      return this.settle(`Function '${name}'`, text);
    } finally {
      this.caller = previous;
    }
  }

  /** The names the test code declared with `it(...)`, in order. */
  testNames(): string[] {
    return JSON.parse(this.realm.testNames()) as string[];
  }

  /** Runs test `index`: undefined when it passed, its failure message when not. */
  runTest(index: number): string | undefined {
    this.context.__imlTest = index;
    try {
      const text = this.run(
        'The test',
        () => this.testScript.runInContext(this.context, { timeout: this.timeout }) as string,
      );
      return (JSON.parse(text) as Answer).error;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  private settle(subject: string, text: string): unknown {
    const answer = JSON.parse(text) as Answer;
    if (answer.error !== undefined) {
      throw new ImlCustomFunctionError(`${subject} threw: ${answer.error}`);
    }
    return decode(answer.value ?? encode(undefined));
  }

  /** Runs code in the realm; a timeout or an uncaught throw becomes an ImlCustomFunctionError. */
  private run<T>(subject: string, body: () => T): T {
    try {
      return body();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new ImlCustomFunctionError(`${subject} ran longer than ${this.timeout} ms`, {
          cause: error,
        });
      }
      const reason =
        error !== null && typeof error === 'object' && 'message' in error
          ? String((error as { message: unknown }).message)
          : String(error);
      throw new ImlCustomFunctionError(`${subject} failed: ${reason}`, { cause: error });
    }
  }

  /** `iml.<name>(...)` from inside: the built-in, run for the calling evaluation. */
  private builtin(name: string, argsText: string): string {
    try {
      const fn = findFunction(name);
      if (fn === undefined) throw new ImlArgumentError(`iml.${name} is not a built-in`);
      const args = decode(argsText) as unknown[];
      if (args.length < fn.minArgs || args.length > fn.maxArgs) {
        throw new ImlArgumentError(`iml.${name} got ${args.length} arguments`);
      }
      const caller = this.caller;
      const value = fn.lazy
        ? fn.call(
            args.map((arg) => () => arg),
            caller as Env,
          )
        : fn.call(args, caller);
      return JSON.stringify({ value: encode(value) });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * The app's custom functions as the engine calls them (`EvaluateOptions.functions`): one sandbox
 * for the app, every function's code run in it once, so functions may call one another.
 * Throws an ImlError when a function's code is too long or does not run.
 */
export function createCustomFunctions(
  sources: readonly FunctionSource[],
  options: SandboxOptions = {},
): CustomFunctions {
  const functions: Record<string, CustomFunctions[string]> = Object.create(null) as Record<
    string,
    CustomFunctions[string]
  >;
  if (sources.length === 0) return functions;
  const sandbox = new Sandbox(sources, options);
  for (const { name } of sources) {
    functions[name] = (args, context) => sandbox.call(name, args, context);
  }
  return functions;
}

/** One `it(...)` of a function's test code and how it ended. */
export interface FunctionTestResult {
  readonly name: string;
  /** Undefined when the test passed; what failed otherwise. */
  readonly failure: string | undefined;
}

/**
 * Runs a function's `test` code (Make's `it(name, fn)` and `assert`, as the VS Code extension
 * runs them) in a fresh sandbox holding every function of the app. Throws an ImlError when the
 * functions' or the test's code does not run at all.
 */
export function runFunctionTests(
  sources: readonly FunctionSource[],
  test: FunctionSource,
  options: SandboxOptions = {},
): FunctionTestResult[] {
  const sandbox = new Sandbox(sources, options);
  sandbox.defineGlobal('assert', assert);
  sandbox.load(`${test.name}.test`, test.code, false);
  return sandbox.testNames().map((name, index) => ({ name, failure: sandbox.runTest(index) }));
}

// Public API of the IML engine. See README.md for semantics, options, error codes and the
// conformance table.

import type { TemplateAst } from './ast';
import {
  checkStatically,
  compileString,
  compileValue,
  MAKE_CHECKS,
  type StaticChecks,
} from './template';
import { checkEvaluation, createEnv, type EvaluateOptions } from './options';
import {
  inlineReadsSource,
  PATH_HELPER_NAMES,
  PATH_HELPER_VALUES,
  type InlinePath,
} from './compile';

export type { EvaluateOptions } from './options';
export type { CustomFunction, CustomFunctions } from './compile';
export type {
  BinaryOperator,
  ExpressionNode,
  LogicalOperator,
  TemplateAst,
  TemplatePart,
  UnaryOperator,
} from './ast';
export {
  ImlArgumentCountError,
  ImlArgumentError,
  ImlError,
  ImlFunctionError,
  ImlLimitError,
  ImlReferenceError,
  ImlSyntaxError,
  ImlTypeError,
  ImlUnknownFunctionError,
  type ImlErrorCode,
} from './errors';
export { IML_LIMITS } from './limits';
export { FUNCTION_NAMES } from './functions/registry';
export { referencedPaths } from './referenced-paths';
export { isSpreadKey } from './template';
export { toDisplayText } from './values';
export { MAKE_ROOTS, type MakeRoot } from './roots';
export {
  createCustomFunctions,
  FUNCTION_LIMITS,
  ImlCustomFunctionError,
  runFunctionTests,
  type FunctionSource,
  type FunctionTestResult,
  type SandboxOptions,
} from './sandbox';

/** A template compiled once; `evaluate` may be called any number of times. */
export interface CompiledTemplate {
  evaluate(context: Record<string, unknown>, options?: EvaluateOptions): unknown;
}

/** What a template may call besides the built-ins, and how strictly it is checked. */
export interface CompileOptions {
  /** Names of the app's custom functions (their code comes with EvaluateOptions.functions). */
  functions?: Iterable<string>;
  /**
   * A built-in given more arguments than it takes is IML_ARGUMENT_COUNT (true: what the build
   * checks in our own app) or runs without the extra ones, as Make runs it (false, the default).
   * Too few arguments are always an error.
   */
  strictArity?: boolean;
}

function checksOf(options: CompileOptions | undefined): StaticChecks {
  if (options === undefined) return MAKE_CHECKS;
  return {
    functions: new Set(options.functions ?? []),
    strictArity: options.strictArity === true,
  };
}

/**
 * Parses a template string and checks it statically (syntax, function names, argument counts).
 * Throws ImlSyntaxError, ImlUnknownFunctionError, ImlArgumentCountError or ImlLimitError.
 */
export function parseTemplate(source: string, options?: CompileOptions): TemplateAst {
  const compiled = compileString(source);
  checkStatically(compiled, checksOf(options));
  return compiled.ast;
}

/**
 * Compiles a deep JSON template value for repeated evaluation. Calls to the app's custom
 * functions need their names here and their code in each evaluation's options.
 */
export function compileTemplate(template: unknown, options?: CompileOptions): CompiledTemplate {
  const evaluate = compileValue(template, checksOf(options));
  // A lone path (`{{parameters.x}}`, the commonest template) reads the context directly: the
  // arguments get the same checks as createEnv, but no Env is built. Imported functions are
  // held in locals or passed in: compiled to CommonJS (tsx, jest), every use of an import reads
  // a module getter, which took half the time of a lone path.
  const path =
    typeof template === 'string' && template.includes('{{') ? compileString(template).path : null;
  if (path?.inline) return { evaluate: loneEvaluator(path.inline) };
  if (path) {
    const [read, check] = [path.read, checkEvaluation];
    return { evaluate: (context, options) => read(context, check(context, options)) };
  }
  const environment = createEnv;
  return { evaluate: (context, options) => evaluate(environment(context, options)) };
}

/**
 * A lone path's evaluate as one generated function: the argument checks, then the reads written
 * in (see inlineReadsSource), so no call stands between the caller and the property reads.
 */
function loneEvaluator(path: InlinePath): CompiledTemplate['evaluate'] {
  const reads = [{ path, target: 'value', missing: 'missing' }];
  const source = [
    'return function evaluate(context, options) {',
    '  var strict = check(context, options), value;',
    ...inlineReadsSource(reads, { context: 'context', strict: 'strict' }),
    '  return value;',
    '};',
  ].join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- only keys, JSON-escaped
  const build = new Function(...PATH_HELPER_NAMES, 'check', 'missing', source) as (
    ...args: [...typeof PATH_HELPER_VALUES, typeof checkEvaluation, InlinePath['missing']]
  ) => CompiledTemplate['evaluate'];
  return build(...PATH_HELPER_VALUES, checkEvaluation, path.missing);
}

/**
 * Resolves every `{{…}}` in `template` (a string or any JSON value) against `context`.
 * A string that is exactly one expression returns the expression's value with its type.
 */
export function evaluateTemplate(
  template: unknown,
  context: Record<string, unknown>,
  options?: EvaluateOptions,
): unknown {
  const env = createEnv(context, options);
  const functions = options?.functions;
  const checks: StaticChecks =
    functions === undefined
      ? MAKE_CHECKS
      : { functions: { has: (name) => Object.hasOwn(functions, name) }, strictArity: false };
  return compileValue(template, checks)(env);
}

/** True when `value` is a string containing at least one `{{`. */
export function hasTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

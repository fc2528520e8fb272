// Public API of the IML engine. See README.md for semantics, options, error codes and the
// conformance table.

import type { TemplateAst } from './ast';
import { compileValue } from './template';
import { compileString } from './template';
import { checkEvaluation, createEnv, type EvaluateOptions } from './options';

export type { EvaluateOptions } from './options';
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

/** A template compiled once; `evaluate` may be called any number of times. */
export interface CompiledTemplate {
  evaluate(context: Record<string, unknown>, options?: EvaluateOptions): unknown;
}

/**
 * Parses a template string and checks it statically (syntax, function names, argument counts).
 * Throws ImlSyntaxError, ImlUnknownFunctionError, ImlArgumentCountError or ImlLimitError.
 */
export function parseTemplate(source: string): TemplateAst {
  return compileString(source).ast;
}

/** Compiles a deep JSON template value for repeated evaluation. */
export function compileTemplate(template: unknown): CompiledTemplate {
  const evaluate = compileValue(template);
  // A lone path (`{{parameters.x}}`, the commonest template) reads the context directly: the
  // arguments get the same checks as createEnv, but no Env is built.
  const readPath =
    typeof template === 'string' && template.includes('{{')
      ? compileString(template).readPath
      : null;
  if (readPath !== null) {
    return {
      evaluate: (context, options) => readPath(context, checkEvaluation(context, options)),
    };
  }
  return {
    evaluate: (context, options) => evaluate(createEnv(context, options)),
  };
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
  return compileValue(template)(env);
}

/** True when `value` is a string containing at least one `{{`. */
export function hasTemplate(value: unknown): boolean {
  return typeof value === 'string' && value.includes('{{');
}

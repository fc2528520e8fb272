// The runtime's one door into the IML engine. Every evaluation names *where* it happened (the
// component and directive), so an expression error reads "module listSubscriptions › qs: ..."
// instead of a bare engine message.
import {
  compileTemplate,
  evaluateTemplate,
  MAKE_ROOTS,
  type CompiledTemplate,
  type CustomFunctions,
  type EvaluateOptions,
} from '../iml';
import { RuntimeError } from './errors';

/**
 * Every root variable Make provides (lib/iml/roots.ts). Each scope has all of them as own keys
 * (`undefined` when absent); any other name reads as empty, as in Make.
 */
const ROOTS = MAKE_ROOTS;

type Root = (typeof ROOTS)[number];
export type Scope = Record<Root, unknown>;

/** A scope with every root present; `values` fills the ones that have a value. */
export function createScope(values: Partial<Scope>): Scope {
  const scope = {} as Scope;
  for (const root of ROOTS) scope[root] = values[root];
  return scope;
}

/** The evaluation clock and zone of one run, and the app's custom functions. */
export interface EvalClock {
  now: Date;
  timezone: string;
  /** RuntimeApp.functions: what a call to a name that is not a built-in runs. */
  functions: CustomFunctions | undefined;
}

function optionsOf(clock: EvalClock): EvaluateOptions {
  return { now: clock.now, timezone: clock.timezone, functions: clock.functions };
}

/**
 * Evaluates a template (any JSON value: strings with `{{...}}`, objects, arrays) against `scope`.
 * An engine error becomes a `RuntimeError` (`EXPRESSION_FAILED`) naming `where`; the engine's
 * messages never include context values, so nothing secret is copied into the message.
 */
export function evaluate(
  template: unknown,
  scope: Scope,
  where: string,
  clock: EvalClock,
): unknown {
  // Plain literals (numbers, booleans, strings without braces) are by far the most common
  // directive values; skip the engine for them.
  if (template === null || template === undefined) return template;
  if (typeof template === 'number' || typeof template === 'boolean') return template;
  if (typeof template === 'string' && !template.includes('{{')) return template;
  try {
    const context = scope as unknown as Record<string, unknown>;
    const options = optionsOf(clock);
    if (typeof template === 'object') return compiled(template, clock).evaluate(context, options);
    return evaluateTemplate(template, context, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RuntimeError(`${where}: ${reason}`, { code: 'EXPRESSION_FAILED', where });
  }
}

// Object and array templates (an `output` with a dozen keys, evaluated once per item) are
// compiled once per definition object; the definition objects live as long as the loaded app.
const compiledObjects = new WeakMap<object, CompiledTemplate>();

function compiled(template: object, clock: EvalClock): CompiledTemplate {
  let entry = compiledObjects.get(template);
  if (entry === undefined) {
    const functions = clock.functions;
    entry = compileTemplate(template, { functions: Object.keys(functions ?? {}) });
    compiledObjects.set(template, entry);
  }
  return entry;
}

/**
 * `evaluate` bound once to a template, directive and clock, for templates evaluated once per item
 * (`output`, `iterate.condition`): the per-call work is the engine's alone.
 */
export function prepare(
  template: unknown,
  where: string,
  clock: EvalClock,
): (scope: Scope) => unknown {
  if (template === null || typeof template !== 'object') {
    return (scope) => evaluate(template, scope, where, clock);
  }
  const compiledTemplate = compiled(template, clock);
  const options = optionsOf(clock);
  return (scope) => {
    try {
      return compiledTemplate.evaluate(scope as unknown as Record<string, unknown>, options);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RuntimeError(`${where}: ${reason}`, { code: 'EXPRESSION_FAILED', where });
    }
  };
}

/** True when any expression in the value reads one of `roots` (a conservative textual check). */
export function readsRoot(template: unknown, roots: readonly string[]): boolean {
  const pattern = new RegExp(`\\b(${roots.join('|')})\\b`);
  const visit = (value: unknown): boolean => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
        if (pattern.test(match[1] ?? '')) return true;
      }
      return false;
    }
    if (Array.isArray(value)) return value.some(visit);
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).some(([key, item]) => visit(key) || visit(item));
    }
    return false;
  };
  return visit(template);
}

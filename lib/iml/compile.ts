// Compiles an expression tree into nested closures once; evaluating a template is then a chain
// of plain function calls with no tree walking or switch on node kinds. Function names and
// argument counts are checked here, so a template with an unknown function fails when compiled.

import { randomUUID } from 'node:crypto';
import type { ExpressionNode } from './ast';
import {
  ImlArgumentCountError,
  ImlError,
  ImlLimitError,
  ImlReferenceError,
  ImlUnknownFunctionError,
  toImlError,
} from './errors';
import { findFunction } from './functions/registry';
import { IML_LIMITS } from './limits';
import type { FunctionContext } from './functions/types';
import { applyBinary, toArithmetic } from './operators';
import { BLOCKED_KEYS, getIndex, getOwn, isTruthy, readKey, setOwn } from './values';
import { isRootPrototype } from '../shared';

/** Everything an evaluation needs besides the compiled code. */
export interface Env extends FunctionContext {
  readonly context: Readonly<Record<string, unknown>>;
  /** Unknown root variables throw IML_UNKNOWN_VARIABLE (true) or read as undefined (false). */
  readonly strictVariables: boolean;
  /** The app's custom functions (EvaluateOptions.functions), or undefined when it has none. */
  readonly functions: CustomFunctions | undefined;
}

/** One of the app's custom functions as the engine calls it: evaluated arguments in, a value out. */
export type CustomFunction = (args: readonly unknown[], context: FunctionContext) => unknown;
export type CustomFunctions = Readonly<Record<string, CustomFunction>>;

/** A call to a name that is not a built-in: resolved among the app's custom functions. */
interface CustomCall {
  readonly name: string;
  readonly offset: number;
}

/** A built-in called with more arguments than it takes: Make ignores the extra ones. */
interface ExtraArguments {
  readonly name: string;
  readonly offset: number;
  /** `1 argument`, `2 to 3 arguments`, … */
  readonly expected: string;
  readonly received: number;
}

/** What compiling noted for the static checks that depend on the caller (template.ts). */
export interface CompileNotes {
  readonly customCalls: CustomCall[];
  readonly extraArguments: ExtraArguments[];
}

export type Evaluator = (env: Env) => unknown;

/**
 * A root variable followed by static `.key` steps, read straight from the context. Compiled
 * templates that are one lone path call it without building an Env (see compileTemplate), and
 * the general evaluator wraps the same function, so both paths share one implementation.
 */
type PathReader = (context: Readonly<Record<string, unknown>>, strict: boolean) => unknown;

// Used with .call on the hot path: the fastest own-key test here (a wrapper or Object.hasOwn
// measured 2.5× slower on the IML lone-path bench).
// eslint-disable-next-line @typescript-eslint/unbound-method
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Compiles one expression. Calls to names that are not built-ins are noted in `notes` (they
 * resolve at evaluation time among the app's custom functions), and so are built-ins given too
 * many arguments (the extra ones are not evaluated, as Make ignores them); the callers decide
 * what each note means for them (template.ts).
 */
export function compileExpression(
  node: ExpressionNode,
  source: string,
  notes: CompileNotes = { customCalls: [], extraArguments: [] },
): Evaluator {
  return new Compiler(source, notes).compile(node);
}

class Compiler {
  constructor(
    private readonly source: string,
    private readonly notes: CompileNotes,
  ) {}

  compile(node: ExpressionNode): Evaluator {
    switch (node.kind) {
      case 'literal': {
        const value = node.value;
        return () => value;
      }
      case 'keyword':
        return this.keyword(node.name);
      case 'variable':
      case 'member':
        return this.path(node);
      case 'index':
        return this.index(node);
      case 'call':
        return this.call(node);
      case 'unary':
        return this.unary(node);
      case 'binary':
        return this.binary(node);
      case 'logical':
        return this.logical(node);
      case 'object':
        return this.object(node);
    }
  }

  private keyword(name: 'now' | 'timestamp' | 'uuid' | 'emptyarray'): Evaluator {
    switch (name) {
      case 'now':
        return (env) => env.now();
      case 'timestamp':
        return (env) => Math.floor(env.now().getTime() / 1000);
      case 'uuid':
        return () => randomUUID();
      default:
        return () => [];
    }
  }

  /** A variable followed by static `.key` steps is one closure looping over the keys. */
  private path(node: ExpressionNode & { kind: 'variable' | 'member' }): Evaluator {
    const keys: string[] = [];
    let current: ExpressionNode = node;
    while (current.kind === 'member') {
      keys.unshift(current.key);
      current = current.object;
    }
    if (current.kind !== 'variable') {
      // A member of a computed value, e.g. parseJSON(text).a
      const object = this.compile(current);
      return (env) => {
        let value = object(env);
        for (const key of keys) {
          value = getOwn(value, key);
          if (value === undefined) return undefined;
        }
        return value;
      };
    }
    return compilePathReader(current.name, keys, current.start, this.source).evaluate;
  }

  private index(node: ExpressionNode & { kind: 'index' }): Evaluator {
    const object = this.compile(node.object);
    if (node.index === null) {
      // x[]: the first item (Make's XML shortcut); undefined for anything but an array.
      return (env) => {
        const value = object(env);
        return Array.isArray(value) ? (value[0] as unknown) : undefined;
      };
    }
    const index = this.compile(node.index);
    return (env) => getIndex(object(env), index(env));
  }

  private call(node: ExpressionNode & { kind: 'call' }): Evaluator {
    const location = { template: this.source, offset: node.start };
    const fn = findFunction(node.name);
    if (fn === undefined) return this.customCall(node, location);
    const count = node.args.length;
    if (count < fn.minArgs) {
      throw new ImlArgumentCountError(
        node.name,
        arityText(fn.minArgs, fn.maxArgs),
        count,
        location,
      );
    }
    if (count > fn.maxArgs) {
      this.notes.extraArguments.push({
        name: node.name,
        offset: node.start,
        expected: arityText(fn.minArgs, fn.maxArgs),
        received: count,
      });
    }
    const args = node.args.slice(0, fn.maxArgs).map((arg) => this.compile(arg));
    const name = node.name;
    const fail = (error: unknown): never => {
      throw toImlError(error, `Function '${name}'`).locate(location);
    };
    if (fn.lazy) {
      return (env) => {
        try {
          return fn.call(args, env);
        } catch (error) {
          return fail(error);
        }
      };
    }
    return (env) => {
      const values = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i += 1) values[i] = (args[i] as Evaluator)(env);
      let result: unknown;
      try {
        result = fn.call(values, env);
      } catch (error) {
        return fail(error);
      }
      // Every built-in's text result is held to the output limit (escapeHTML, encodeURL, base64…
      // can grow their input several times).
      if (typeof result === 'string' && result.length > IML_LIMITS.maxStringLength) {
        return fail(
          new ImlLimitError(
            `Text of ${result.length} characters exceeds the limit of ${IML_LIMITS.maxStringLength}`,
          ),
        );
      }
      return result;
    };
  }

  /**
   * A call to one of the app's own functions: looked up in the evaluation's functions (own keys
   * only), every argument evaluated first. Make checks no argument count for them: the code gets
   * what the template passes, missing arguments read as undefined in JavaScript.
   */
  private customCall(
    node: ExpressionNode & { kind: 'call' },
    location: { template: string; offset: number },
  ): Evaluator {
    const name = node.name;
    this.notes.customCalls.push({ name, offset: node.start });
    const args = node.args.map((arg) => this.compile(arg));
    return (env) => {
      const functions = env.functions;
      const fn =
        functions !== undefined && hasOwn.call(functions, name) ? functions[name] : undefined;
      if (fn === undefined) throw new ImlUnknownFunctionError(name, location);
      const values = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i += 1) values[i] = (args[i] as Evaluator)(env);
      try {
        return fn(values, env);
      } catch (error) {
        throw toImlError(error, `Function '${name}'`).locate(location);
      }
    };
  }

  private unary(node: ExpressionNode & { kind: 'unary' }): Evaluator {
    const operand = this.compile(node.operand);
    if (node.operator === '!') return (env) => !isTruthy(operand(env));
    const negate = node.operator === '-';
    const location = { template: this.source, offset: node.start };
    return (env) => {
      try {
        const number = toArithmetic(operand(env), node.operator);
        return negate ? -number : number;
      } catch (error) {
        throw located(error, node.operator, location);
      }
    };
  }

  private binary(node: ExpressionNode & { kind: 'binary' }): Evaluator {
    const left = this.compile(node.left);
    const right = this.compile(node.right);
    const operator = node.operator;
    const location = { template: this.source, offset: node.start };
    return (env) => {
      const a = left(env);
      const b = right(env);
      try {
        return applyBinary(operator, a, b, env.timezone);
      } catch (error) {
        throw located(error, node.operator, location);
      }
    };
  }

  /** An object literal: every value evaluated in order; undefined values are left out (as in templates). */
  private object(node: ExpressionNode & { kind: 'object' }): Evaluator {
    const keys = node.entries.map((entry) => entry.key);
    const values = node.entries.map((entry) => this.compile(entry.value));
    return (env) => {
      const result: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i += 1) {
        const value = (values[i] as Evaluator)(env);
        if (value !== undefined) setOwn(result, keys[i] as string, value);
      }
      return result;
    };
  }

  private logical(node: ExpressionNode & { kind: 'logical' }): Evaluator {
    const left = this.compile(node.left);
    const right = this.compile(node.right);
    // JavaScript semantics: the deciding operand itself is returned, so `a || 'default'` works.
    if (node.operator === '&&') {
      return (env) => {
        const value = left(env);
        return isTruthy(value) ? right(env) : value;
      };
    }
    return (env) => {
      const value = left(env);
      return isTruthy(value) ? value : right(env);
    };
  }
}

/** The reader for a lone path expression (`{{a}}`, `{{a.b.c}}`), or null for anything else. */
export function compileLonePath(node: ExpressionNode, source: string): CompiledPath | null {
  const keys: string[] = [];
  let current: ExpressionNode = node;
  while (current.kind === 'member') {
    keys.unshift(current.key);
    current = current.object;
  }
  if (current.kind !== 'variable') return null;
  return compilePathReader(current.name, keys, current.start, source);
}

/**
 * Reads `name.keys[0].keys[1]…` from the context: own properties of plain objects only, blocked
 * keys read as undefined (after the root itself is resolved, so an unknown root still throws).
 * The common shapes (`parameters.x`, `body.data.x`) get generated code with the steps unrolled:
 * this is the hottest code in the engine.
 */
function compilePathReader(
  name: string,
  keys: readonly string[],
  offset: number,
  source: string,
): CompiledPath {
  // What an absent root gives: IML_UNKNOWN_VARIABLE, or undefined without strictVariables.
  const missing = (strict: boolean): undefined => {
    if (strict) throw new ImlReferenceError(name, { template: source, offset });
    return undefined;
  };
  if (BLOCKED_KEYS.has(name)) return fromReader((_context, strict) => missing(strict));
  if (keys.some((key) => BLOCKED_KEYS.has(key))) {
    return fromReader((context, strict) =>
      hasOwn.call(context, name) ? undefined : missing(strict),
    );
  }
  if (keys.length > MAX_GENERATED_STEPS) {
    return fromReader((context, strict) => {
      if (!hasOwn.call(context, name)) return missing(strict);
      let value = context[name];
      for (let i = 0; i < keys.length; i += 1) {
        value = readKey(value, keys[i] as string);
        if (value === undefined) return undefined;
      }
      return value;
    });
  }
  return generatedPath({ name, keys, missing });
}

const MAX_GENERATED_STEPS = 16;

/** A compiled root-and-keys path, in the forms its callers need. */
export interface CompiledPath {
  readonly read: PathReader;
  readonly evaluate: Evaluator;
  /** Set when the read can be written into other generated code (see inlineReadsSource). */
  readonly inline: InlinePath | null;
}

/** A path whose read generated code may write in place (no blocked keys, few steps). */
export interface InlinePath {
  readonly name: string;
  readonly keys: readonly string[];
  /** What an absent root gives (throws under strictVariables). */
  readonly missing: (strict: boolean) => undefined;
}

function fromReader(read: PathReader): CompiledPath {
  return { read, evaluate: (env) => read(env.context, env.strictVariables), inline: null };
}

/**
 * The helpers generated path code calls, by the names it uses; a generated function takes them
 * as its first parameters (PATH_HELPER_VALUES, same order).
 */
export const PATH_HELPER_NAMES = ['hasOwn', 'objectPrototype', 'plainKind', 'getProto'] as const;
export const PATH_HELPER_VALUES = [
  hasOwn,
  Object.prototype,
  plainKind,
  Object.getPrototypeOf,
] as const;

/**
 * For an object: 1 when its prototype is this realm's Object.prototype, 2 for another root
 * prototype (null, another realm's), 0 when it is not a plain object.
 */
function plainKind(value: object): 0 | 1 | 2 {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype) return 1;
  return isRootPrototype(proto) ? 2 : 0;
}

/** One path read that generated code writes in place: `target = <the path's value>`. */
export interface InlineRead {
  readonly path: InlinePath;
  readonly target: string;
  /** The expression that calls the path's `missing` (the caller passes the functions in). */
  readonly missing: string;
}

interface ReadNode {
  readonly variable: string;
  readonly children: Map<string, ReadNode>;
  readonly targets: string[];
}

/**
 * Source lines that read every path of `reads` into its target, each shared prefix once: in an
 * object template, `item.plan.name`, `item.plan.id` and `item.status` read `item` once and check
 * each object on the way once (the prototype check is what costs). The steps are readKey's:
 * own keys of plain objects only (`isRootPrototype`, the one rule for what counts as a plain
 * object); an inherited key reads as undefined. Evaluation order does not matter: reads are
 * pure, and an absent root under strictVariables throws wherever it is read. Keys enter the
 * source only through JSON.stringify (a JSON string is a JavaScript string literal), so none can
 * inject code; blocked keys never get here. Generated variables are `n…`, `k…` and `r…`.
 */
export function inlineReadsSource(
  reads: readonly InlineRead[],
  names: { readonly context: string; readonly strict: string },
): string[] {
  const literal = JSON.stringify;
  let count = 0;
  const newNode = (): ReadNode => ({
    variable: `n${(count += 1)}`,
    children: new Map(),
    targets: [],
  });
  const lines: string[] = [];
  const roots = new Map<string, ReadNode>();
  for (const read of reads) {
    let node: ReadNode | undefined = roots.get(read.path.name);
    if (node === undefined) {
      node = newNode();
      roots.set(read.path.name, node);
      const name = literal(read.path.name);
      const [c, n, strict] = [names.context, node.variable, names.strict];
      // A root is an own key of the context. The own-key test is needed only when the context
      // is not a plain object of this realm, or Object.prototype has the name, or the value is
      // undefined and strictVariables must tell an absent root from an undefined one.
      lines.push(
        `var ${n} = (${c}.__proto__ === objectPrototype && objectPrototype[${name}] === undefined) || hasOwn.call(${c}, ${name}) ? ${c}[${name}] : ${read.missing}(${strict});`,
        `if (${n} === undefined && ${strict} && !hasOwn.call(${c}, ${name})) ${n} = ${read.missing}(${strict});`,
      );
    }
    for (const key of read.path.keys) {
      let child: ReadNode | undefined = node.children.get(key);
      if (child === undefined) {
        child = newNode();
        node.children.set(key, child);
      }
      node = child;
    }
    node.targets.push(read.target);
  }
  const emit = (node: ReadNode): void => {
    for (const target of node.targets) lines.push(`${target} = ${node.variable};`);
    if (node.children.size === 0) return;
    const n = node.variable;
    const kind = `k${n.slice(1)}`;
    const children = [...node.children].map(([key, child]) => ({
      k: literal(key),
      child,
      raw: `r${child.variable.slice(1)}`,
    }));
    // The keys are read first, then the prototype is checked, in one expression: the reads
    // tell V8 the object's shape, so it folds getProto to a constant (a call otherwise, most of
    // an 8-key object map's time). `n.__proto__` folds too, but on an object in dictionary mode
    // (built key by key, many keys) it costs four times a getProto call. A value read from an
    // object that is not plain is dropped; only a getter of a non-plain object could notice,
    // and Make's data (JSON, dates, binary) has none.
    const raws = children.map(({ k, raw }) => `${raw} = ${n}[${k}]`);
    lines.push(
      `var ${children.map(({ raw }) => raw).join(', ')};`,
      `var ${kind} = typeof ${n} !== 'object' || ${n} === null ? 0 : (${raws.join(', ')}, getProto(${n}) === objectPrototype ? 1 : plainKind(${n}));`,
    );
    for (const { k, child, raw } of children) {
      lines.push(
        `var ${child.variable} = ${kind} === 1 ? (objectPrototype[${k}] === undefined || hasOwn.call(${n}, ${k}) ? ${raw} : undefined) : ${kind} === 2 && hasOwn.call(${n}, ${k}) ? ${raw} : undefined;`,
      );
      emit(child);
    }
  };
  for (const root of roots.values()) emit(root);
  return lines;
}

/**
 * The path as generated functions with every key written in: each property read then has its
 * own inline cache, where one shared `readKey(value, key)` sees every object shape of the app
 * and falls back to V8's slow generic lookup (it took 70 % of an 8-key object map). The Env
 * form is generated too, so a lone-path template is one call, not a wrapper around the reader.
 */
function generatedPath(path: InlinePath): CompiledPath {
  const reads = [{ path, target: 'value', missing: 'missing' }];
  const source = [
    'function readPath(context, strict) {',
    '  var value;',
    ...inlineReadsSource(reads, { context: 'context', strict: 'strict' }),
    '  return value;',
    '}',
    'function evaluatePath(env) {',
    '  var context = env.context, value;',
    ...inlineReadsSource(reads, { context: 'context', strict: 'env.strictVariables' }),
    '  return value;',
    '}',
    'return { read: readPath, evaluate: evaluatePath };',
  ].join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are JSON-escaped, see above
  const build = new Function(...PATH_HELPER_NAMES, 'missing', source) as (
    ...args: [...typeof PATH_HELPER_VALUES, InlinePath['missing']]
  ) => { read: PathReader; evaluate: Evaluator };
  const { read, evaluate } = build(...PATH_HELPER_VALUES, path.missing);
  return { read, evaluate, inline: path };
}

function located(
  error: unknown,
  operator: string,
  location: { template: string; offset: number },
): ImlError {
  return toImlError(error, `Operator '${operator}'`).locate(location);
}

function arityText(min: number, max: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (min === max) return plural(min);
  if (max === Number.POSITIVE_INFINITY) return `at least ${plural(min)}`;
  return `${min} to ${max} arguments`;
}

// Template resolution over whole JSON values. A string that is exactly one `{{…}}` (whitespace
// around it allowed) keeps the expression's type; a string mixing text and expressions becomes
// text; objects and arrays resolve deeply; the spread key `{{...}}` merges an object into its
// parent; object keys and array items whose value is undefined are dropped. Ordinary object keys
// are never evaluated. Template strings are compiled once and cached by their text.

import type { TemplateAst } from './ast';
import {
  compileExpression,
  compileLonePath,
  inlineReadsSource,
  PATH_HELPER_NAMES,
  PATH_HELPER_VALUES,
  type CompileNotes,
  type Evaluator,
  type InlinePath,
  type InlineRead,
  type CompiledPath,
} from './compile';
import {
  ImlArgumentCountError,
  ImlError,
  ImlLimitError,
  ImlTypeError,
  ImlUnknownFunctionError,
} from './errors';
import { IML_LIMITS } from './limits';
import { parseTemplateSource } from './parser';
import { checkLength, isPlainObject, setOwn, toText, typeName, type PlainObject } from './values';

export interface CompiledString {
  readonly ast: TemplateAst;
  readonly evaluate: Evaluator;
  /** Set when the template is one lone path (`{{parameters.x}}`): it needs no Env at all. */
  readonly path: CompiledPath | null;
  /** Custom calls and extra arguments, in source order (see checkStatically). */
  readonly notes: CompileNotes;
}

/**
 * The names of the app's own functions a template may call; anything else that is not a built-in
 * is an unknown function when the template is compiled.
 */
interface KnownFunctions {
  has(name: string): boolean;
}

/** The static checks a caller asks for when compiling. */
export interface StaticChecks {
  readonly functions: KnownFunctions;
  /**
   * A built-in given too many arguments is IML_ARGUMENT_COUNT (true: the build's check of our own
   * app) or runs without the extra ones, as Make runs it (false, the default).
   */
  readonly strictArity: boolean;
}

export const MAKE_CHECKS: StaticChecks = { functions: new Set<string>(), strictArity: false };

/** Throws, located, for the first note `checks` does not accept. */
export function checkStatically(compiled: CompiledString, checks: StaticChecks): void {
  const location = (offset: number) => ({ template: compiled.ast.source, offset });
  for (const call of compiled.notes.customCalls) {
    if (!checks.functions.has(call.name)) {
      throw new ImlUnknownFunctionError(call.name, location(call.offset));
    }
  }
  if (!checks.strictArity) return;
  const [extra] = compiled.notes.extraArguments;
  if (extra !== undefined) {
    throw new ImlArgumentCountError(
      extra.name,
      extra.expected,
      extra.received,
      location(extra.offset),
    );
  }
}

const SPREAD_KEY = /^\{\{\s*\.\.\.\s*\}\}$/;
const cache = new Map<string, CompiledString>();
// The evaluators of lone-path templates whose read a generated object writes in place.
const inlinePaths = new WeakMap<Evaluator, InlinePath>();
// The same for text templates whose expressions are all such paths (`item-{{parameters.x}}`).
type TextPiece = string | InlinePath;
const inlineTexts = new WeakMap<Evaluator, readonly TextPiece[]>();
const TEXT_WHERE = 'a text template';

/** True when `key` is the spread key `{{...}}`. */
export function isSpreadKey(key: string): boolean {
  return SPREAD_KEY.test(key);
}

/** Parses and compiles a template string, from the cache when seen before. */
export function compileString(source: string): CompiledString {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const ast = parseTemplateSource(source);
  const path = ast.lone === null ? null : compileLonePath(ast.lone, ast.source);
  const notes: CompileNotes = { customCalls: [], extraArguments: [] };
  const evaluate: Evaluator = path === null ? compileAst(ast, notes) : path.evaluate;
  const compiled: CompiledString = {
    ast,
    evaluate,
    path,
    notes,
  };
  if (path?.inline) inlinePaths.set(evaluate, path.inline);
  if (cache.size >= IML_LIMITS.maxCachedTemplates) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

function compileAst(ast: TemplateAst, notes: CompileNotes): Evaluator {
  if (ast.lone !== null) return compileExpression(ast.lone, ast.source, notes);
  // Text whose every expression is an inline path is noted for generated objects as well.
  const inline: TextPiece[] | null = [];
  let inlineable = true;
  const pieces = ast.parts.map((part): Evaluator | string => {
    if (part.kind === 'text') {
      inline.push(part.value);
      return part.value;
    }
    const path = compileLonePath(part.expression, ast.source);
    if (path?.inline) inline.push(path.inline);
    else inlineable = false;
    const expression = path?.evaluate ?? compileExpression(part.expression, ast.source, notes);
    const location = { template: ast.source, offset: part.start };
    return (env) => {
      const value = expression(env);
      try {
        return toText(value, TEXT_WHERE);
      } catch (error) {
        throw (error as ImlError).locate(location);
      }
    };
  });
  const evaluate: Evaluator = (env) => {
    let text = '';
    for (const piece of pieces) text += typeof piece === 'string' ? piece : (piece(env) as string);
    return checkLength(text);
  };
  if (inlineable) inlineTexts.set(evaluate, inline);
  return evaluate;
}

/**
 * Compiles any JSON value into one evaluator (strings through the cache), applying `checks` to
 * every string (a call to a name that is neither a built-in nor a known function fails here).
 */
export function compileValue(
  value: unknown,
  known: StaticChecks = MAKE_CHECKS,
  path = '',
  depth = 0,
): Evaluator {
  if (depth > IML_LIMITS.maxValueDepth) {
    throw new ImlLimitError(
      `Template value nesting exceeds the limit of ${IML_LIMITS.maxValueDepth}`,
    ).atJsonPath(path || '(root)');
  }
  if (typeof value === 'string') return compileTemplateString(value, known, path);
  if (Array.isArray(value)) return compileArray(value as unknown[], known, path, depth);
  if (isPlainObject(value)) return compileObject(value, known, path, depth);
  // Numbers, booleans, null, undefined, and non-JSON objects (Date, Buffer) pass through.
  return () => value;
}

function compileTemplateString(value: string, known: StaticChecks, path: string): Evaluator {
  if (!value.includes('{{')) return () => value;
  try {
    const compiled = compileString(value);
    checkStatically(compiled, known);
    return compiled.evaluate;
  } catch (error) {
    throw atPath(error, path);
  }
}

// Errors are tagged with the JSON path of the failing value by the container that holds it
// (one try/catch per object or array, not per value: this is the hot path).
function atPath(error: unknown, path: string): unknown {
  return error instanceof ImlError && path !== '' ? error.atJsonPath(path) : error;
}

interface Entry {
  readonly key: string;
  readonly path: string;
  readonly evaluate: Evaluator;
  /** `__proto__` must be defined, not assigned (assignment would set the prototype). */
  readonly define: boolean;
}

function compileArray(
  items: readonly unknown[],
  known: StaticChecks,
  path: string,
  depth: number,
): Evaluator {
  const paths = items.map((_item, i) => `${path}[${i}]`);
  const evaluators = items.map((item, i) => compileValue(item, known, paths[i], depth + 1));
  return (env) => {
    const result: unknown[] = [];
    let i = 0;
    try {
      for (; i < evaluators.length; i += 1) {
        const item = (evaluators[i] as Evaluator)(env);
        if (item !== undefined) result.push(item);
      }
    } catch (error) {
      throw atPath(error, paths[i] ?? path);
    }
    return result;
  };
}

function compileObject(
  object: PlainObject,
  known: StaticChecks,
  path: string,
  depth: number,
): Evaluator {
  const spreads: Entry[] = [];
  const entries: Entry[] = [];
  for (const key of Object.keys(object)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    const evaluate = compileValue(object[key], known, childPath, depth + 1);
    const entry = { key, path: childPath, evaluate, define: key === '__proto__' };
    if (isSpreadKey(key)) spreads.push(entry);
    else entries.push(entry);
  }
  if (spreads.length === 0 && !entries.some((entry) => entry.define)) {
    return compileFixedObject(entries, path);
  }
  return (env) => {
    let result: PlainObject | undefined;
    let current: Entry | undefined;
    try {
      for (const spread of spreads) {
        current = spread;
        const value = spread.evaluate(env);
        if (result === undefined) result = spreadCopy(value);
        else applySpread(result, value);
      }
      result ??= {};
      // Explicit keys override the spread wherever they appear; an explicit key that resolves
      // to undefined removes the spread's value for that key.
      for (let i = 0; i < entries.length; i += 1) {
        current = entries[i] as Entry;
        const value = current.evaluate(env);
        if (value === undefined) delete result[current.key];
        else setOwn(result, current.key, value);
      }
    } catch (error) {
      throw atPath(error, current?.path ?? path);
    }
    return result;
  };
}

// Shapes kept per fixed object: one per pattern of undefined keys seen (optional parameters
// that are unset make the same keys undefined on every call).
const MAX_SHAPES_PER_OBJECT = 16;
// Patterns are bit masks, so only objects with up to 30 keys get per-pattern shapes.
const MAX_MASKED_KEYS = 30;

/** An object with every key of `keys` whose bit is not set in `skip`, all values null. */
function buildShape(keys: readonly string[], skip: number): PlainObject {
  const present = keys.filter((_key, i) => i >= MAX_MASKED_KEYS || (skip & (1 << i)) === 0);
  // JSON.parse builds objects with fast (hidden-class) properties, which `{ ...shape }` clones.
  return JSON.parse(
    JSON.stringify(Object.fromEntries(present.map((key) => [key, null]))),
  ) as PlainObject;
}

/**
 * An object whose keys are all known at compile time (no spread): one generated function up to
 * 64 keys (compileLiteralObject), prepared shapes beyond (see shapedBuilder).
 */
function compileFixedObject(entries: readonly Entry[], path: string): Evaluator {
  const shaped = shapedBuilder(entries.map((entry) => entry.key));
  const general: Evaluator = (env) => {
    const values = new Array<unknown>(entries.length);
    let i = 0;
    try {
      for (; i < entries.length; i += 1) values[i] = (entries[i] as Entry).evaluate(env);
    } catch (error) {
      throw atPath(error, entries[i]?.path ?? path);
    }
    return shaped(values);
  };
  return entries.length > 0 && entries.length <= MAX_LITERAL_KEYS
    ? compileLiteralObject(entries, general)
    : general;
}

// Generated literals stay small enough for V8 to keep them on its fast paths.
const MAX_LITERAL_KEYS = 64;

/**
 * A fixed object as one generated function: V8 builds an object literal with known keys far
 * faster than any copy or loop. Only the keys go into the generated source, each through
 * JSON.stringify (a JSON string is a JavaScript string literal, so no key can inject code;
 * `__proto__` never gets here). Lone paths are read in place, shared prefixes once
 * (inlineReadsSource); other values' evaluators are passed in as arguments. When a value is
 * undefined its key is left out; when an evaluator throws, `general` runs again to locate the
 * error (evaluation is pure, so it fails the same way).
 */
function compileLiteralObject(entries: readonly Entry[], general: Evaluator): Evaluator {
  const names = entries.map((_entry, i) => `v${i}`);
  const reads: InlineRead[] = [];
  const missing: InlinePath['missing'][] = [];
  const read = (path: InlinePath, target: string): void => {
    reads.push({ path, target, missing: `m[${missing.length}]` });
    missing.push(path.missing);
  };
  const temporaries: string[] = [];
  const computed: string[] = [];
  entries.forEach((entry, i) => {
    const path = inlinePaths.get(entry.evaluate);
    const text = inlineTexts.get(entry.evaluate);
    if (path !== undefined) {
      read(path, `v${i}`);
    } else if (text !== undefined) {
      const parts = text.map((piece, j) => {
        if (typeof piece === 'string') return JSON.stringify(piece);
        const target = `t${i}_${j}`;
        temporaries.push(target);
        read(piece, target);
        return `toText(${target}, ${JSON.stringify(TEXT_WHERE)})`;
      });
      computed.push(`    v${i} = checkLength(${['""', ...parts].join(' + ')});`);
    } else {
      computed.push(`    v${i} = e[${i}](env);`);
    }
  });
  const source = [
    'return function evaluateObject(env) {',
    '  var context = env.context;',
    ...[...names, ...temporaries].map((name) => `  var ${name};`),
    '  try {',
    ...inlineReadsSource(reads, { context: 'context', strict: 'env.strictVariables' }),
    ...computed,
    '  } catch (error) {',
    '    return general(env);',
    '  }',
    `  if (${names.map((name) => `${name} !== undefined`).join(' && ')}) {`,
    `    return { ${entries.map((entry, i) => `${JSON.stringify(entry.key)}: v${i}`).join(', ')} };`,
    '  }',
    // Some values undefined: their keys are left out, one named store per key (each store
    // site caches its shape transition, as hand-written code would).
    '  var result = {};',
    ...entries.map(
      (entry, i) => `  if (v${i} !== undefined) result[${JSON.stringify(entry.key)}] = v${i};`,
    ),
    '  return result;',
    '};',
  ].join('\n');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are JSON-escaped, see above
  const build = new Function(
    ...PATH_HELPER_NAMES,
    'toText',
    'checkLength',
    'e',
    'm',
    'general',
    source,
  ) as (
    ...args: [
      ...typeof PATH_HELPER_VALUES,
      typeof toText,
      typeof checkLength,
      readonly Evaluator[],
      readonly InlinePath['missing'][],
      Evaluator,
    ]
  ) => Evaluator;
  return build(
    ...PATH_HELPER_VALUES,
    toText,
    checkLength,
    entries.map((entry) => entry.evaluate),
    missing,
    general,
  );
}

/**
 * Builds the object from its values, dropping undefined ones. Adding properties one by one
 * through computed keys is slow in V8, so the result is cloned from a prepared object that
 * already has the right keys and only overwritten; each pattern of dropped keys (optional
 * parameters left unset drop the same keys on every call) gets its own prepared shape.
 */
function shapedBuilder(keys: readonly string[]): (values: unknown[]) => PlainObject {
  const count = keys.length;
  const shapes = new Map<number, PlainObject>([[0, buildShape(keys, 0)]]);
  return (values) => {
    let skip = 0;
    let overflow = false;
    for (let i = 0; i < count; i += 1) {
      if (values[i] === undefined) {
        if (i < MAX_MASKED_KEYS) skip |= 1 << i;
        else overflow = true;
      }
    }
    let shape = overflow ? undefined : shapes.get(skip);
    if (shape === undefined && !overflow && shapes.size < MAX_SHAPES_PER_OBJECT) {
      shape = buildShape(keys, skip);
      shapes.set(skip, shape);
    }
    const result: PlainObject = shape === undefined ? {} : { ...shape };
    for (let i = 0; i < count; i += 1) {
      const value = values[i];
      if (value !== undefined) result[keys[i] as string] = value;
    }
    return result;
  };
}

function spreadable(value: unknown): PlainObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    throw new ImlTypeError(`The spread key {{...}} needs an object, received ${typeName(value)}`);
  }
  return value;
}

/**
 * The first spread of an object: a copy of the spread value without its undefined values. This
 * runs once per bundle of every search that spreads its item, and `Object.assign` onto a new
 * object copies the keys in one step, about a third faster than adding them one by one (object
 * spread syntax measured slower still, and left objects that later reads paid for). Assignment
 * would set the prototype for an own `__proto__` key, so a value holding one is copied key by key.
 */
function spreadCopy(value: unknown): PlainObject {
  const source = spreadable(value);
  if (source === undefined) return {};
  if (Object.hasOwn(source, '__proto__')) {
    const copy: PlainObject = {};
    copyDefined(copy, source);
    return copy;
  }
  const copy: PlainObject = Object.assign({}, source);
  for (const key in copy) {
    if (copy[key] === undefined) delete copy[key];
  }
  return copy;
}

function applySpread(target: PlainObject, value: unknown): void {
  const source = spreadable(value);
  if (source !== undefined) copyDefined(target, source);
}

/** Each own key of `source` whose value is defined, set on `target` (`__proto__` as data). */
function copyDefined(target: PlainObject, source: PlainObject): void {
  for (const key of Object.keys(source)) {
    const item = source[key];
    if (item !== undefined) setOwn(target, key, item);
  }
}

// Module input from the command line: `--param key=value` (repeatable) and/or `--params-json`.
// Values are typed after the module's own parameter definitions, so `--param limit=5` is the
// number 5 and `--param status=ACTIVE --param status=DELAYED` is an array, the way Make's form
// would hand them over. A value that does not convert stays text: the runtime's parameter
// validation then reports it the way Make would.
import { UsageError } from './errors';
import type { ParamView } from '../shared';
import { unknownName } from './suggest';

const NUMBER_TYPES = new Set(['number', 'integer', 'uinteger']);
const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

export interface ParamInput {
  /** Raw `key=value` strings, in order. */
  pairs: readonly string[];
  /** Raw `--params-json` text, if given. */
  json?: string;
}

/** Converts one textual value after its definition. */
export function typedValue(text: string, spec: ParamView | undefined): unknown {
  if (spec === undefined) return text;
  if (NUMBER_TYPES.has(spec.type)) {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  if (spec.type === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    return text;
  }
  // Collections, arrays of collections and `any` take JSON when the text looks like JSON.
  if (['collection', 'any', 'array'].includes(spec.type) && /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function parseParams(
  input: ParamInput,
  specs: readonly ParamView[],
  command: string,
): Record<string, unknown> {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const names = specs.map((spec) => spec.name);
  let result: Record<string, unknown> = {};
  if (input.json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`--params-json is not valid JSON: ${reason}`, command);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UsageError('--params-json must be a JSON object, e.g. {"limit": 5}', command);
    }
    for (const key of Object.keys(parsed)) {
      if (!byName.has(key)) throw unknownName('parameter', key, names, command);
    }
    result = { ...(parsed as Record<string, unknown>) };
  }
  const fromPairs: Record<string, unknown> = {};
  for (const pair of input.pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new UsageError(`--param expects key=value, got "${pair}"`, command);
    }
    const key = pair.slice(0, eq);
    const spec = byName.get(key);
    if (spec === undefined) throw unknownName('parameter', key, names, command);
    const value = typedValue(pair.slice(eq + 1), spec.multiple ? itemSpec(spec) : spec);
    if (spec.multiple) {
      const list = Array.isArray(fromPairs[key]) ? (fromPairs[key] as unknown[]) : [];
      // A JSON array given at once is the whole list.
      fromPairs[key] = Array.isArray(value) ? [...list, ...(value as unknown[])] : [...list, value];
    } else if (key in fromPairs) {
      throw new UsageError(`--param ${key} given twice, but ${key} takes one value`, command);
    } else {
      fromPairs[key] = value;
    }
  }
  // --param wins over --params-json for the same key.
  return { ...result, ...fromPairs };
}

/** The definition of one item of an array / multiple select. */
function itemSpec(spec: ParamView): ParamView | undefined {
  if (spec.type !== 'array') return { ...spec, multiple: false };
  const [only, ...more] = spec.children;
  // An array of collections (several fields per item) takes JSON objects.
  if (more.length > 0) return { ...spec, type: 'collection', multiple: false, children: [] };
  return only;
}

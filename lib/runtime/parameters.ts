// Input processing before any request (make-app-format §11.4 empty values, §11.5 validation).
// The values a harness passes stand in for what Make's form and mapping would produce, so the
// same rules apply: unfilled values are omitted, values are coerced to the declared type, selects
// are checked against their options, `validate` rules hold, undeclared keys are ignored. The first
// violation is a DataError naming the parameter, and no request is sent.
import { DataError, RuntimeError } from './errors';
import { firstSentence } from '../shared';
import { describeType, isPlainObject, setOwn } from './wire';

interface Spec {
  name: string;
  type: string;
  label?: unknown;
  help?: unknown;
  required?: unknown;
  default?: unknown;
  multiple?: unknown;
  options?: unknown;
  nested?: unknown;
  spec?: unknown;
  validate?: unknown;
  dynamic?: unknown;
}

/** Types whose value is text (FORMAN_TYPE_MAP → string); `hidden` is deliberately not here. */
const TEXT_TYPES = new Set([
  'text',
  'password',
  'email',
  'url',
  'color',
  'path',
  'filename',
  'folder',
  'file',
  'uuid',
  'timezone',
  'time',
  'cert',
  'pkey',
]);

const NUMBER_TYPES = new Set(['number', 'integer', 'uinteger', 'port']);

/** Result of one level: the processed values, and whether undeclared keys must pass through. */
interface Processed {
  values: Record<string, unknown>;
  dynamic: boolean;
}

export interface ProcessOptions {
  /** Component the parameters belong to, for messages: `module listSubscriptions`. */
  where: string;
}

/**
 * Processes `input` against a parameter list (static and mappable parameters of a module, or a
 * connection's parameters). Returns the `parameters` object the definition's IML will see.
 */
export function processParameters(
  specs: readonly unknown[],
  input: Readonly<Record<string, unknown>>,
  options: ProcessOptions,
): Record<string, unknown> {
  if (!isPlainObject(input)) {
    throw new DataError(
      `${options.where}: parameters must be an object, got ${describeType(input)}.`,
      {
        code: 'PARAMETER_INVALID',
        where: options.where,
      },
    );
  }
  return processLevel(specs, input, '', options).values;
}

function asSpecs(specs: readonly unknown[]): Spec[] {
  return specs.filter(
    (spec): spec is Spec =>
      isPlainObject(spec) && typeof spec.name === 'string' && typeof spec.type === 'string',
  );
}

function processLevel(
  specs: readonly unknown[],
  input: Readonly<Record<string, unknown>>,
  prefix: string,
  options: ProcessOptions,
): Processed {
  const out: Record<string, unknown> = {};
  let dynamic = false;
  const declared = new Set<string>();
  const visit = (list: readonly unknown[]): void => {
    // An `rpc://` item stands for fields an RPC declares (dynamic-parameters.ts loads them).
    if (list.some((item) => typeof item === 'string' && item.startsWith('rpc://'))) dynamic = true;
    for (const spec of asSpecs(list)) {
      // Banners are UI only; they have no value.
      if (spec.type === 'banner') continue;
      declared.add(spec.name);
      const path = prefix === '' ? spec.name : `${prefix}.${spec.name}`;
      let raw = input[spec.name];
      // A value never given stands for an untouched form field, which Make pre-fills with the
      // default; an explicitly emptied one ('' or null) stays empty.
      if (raw === undefined && spec.default !== undefined) raw = spec.default;
      const value = coerce(spec, raw, path, options);
      if (isEmpty(value)) {
        if (spec.required === true) {
          throw new DataError(`${options.where}: missing value of required parameter '${path}'.`, {
            code: 'PARAMETER_REQUIRED',
            parameter: path,
            where: options.where,
          });
        }
        continue;
      }
      setOwn(out, spec.name, value);
      // Nested parameters sit beside their parent in `parameters` and exist only while the
      // parent is set (a boolean: only while true).
      if (spec.type === 'boolean' && value !== true) continue;
      const nested = nestedOf(spec, value);
      if (nested === 'dynamic') dynamic = true;
      else if (nested.length > 0) visit(nested);
    }
  };
  visit(specs);
  if (dynamic) {
    // Parameters from an `rpc://` nested list are unknown until run time in Make's editor; keep
    // what was passed rather than silently dropping it.
    for (const [key, value] of Object.entries(input)) {
      if (!declared.has(key) && !isEmpty(value)) setOwn(out, key, value);
    }
  }
  return { values: out, dynamic };
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Nested parameter list of a set parameter: its own `nested`, or the chosen option's. */
function nestedOf(spec: Spec, value: unknown): unknown[] | 'dynamic' {
  const lists: unknown[] = [];
  const add = (nested: unknown): boolean => {
    if (typeof nested === 'string') return true;
    if (Array.isArray(nested)) lists.push(...(nested as unknown[]));
    else if (isPlainObject(nested)) {
      if (typeof nested.store === 'string') return true;
      if (Array.isArray(nested.store)) lists.push(...(nested.store as unknown[]));
    }
    return false;
  };
  let dynamic = add(spec.nested);
  if (spec.type === 'select') {
    const chosen = Array.isArray(value) ? value : [value];
    for (const option of flattenOptions(spec.options) ?? []) {
      if (chosen.some((v) => v === option.value)) dynamic = add(option.nested) || dynamic;
    }
  }
  return dynamic ? 'dynamic' : lists;
}

interface Option {
  value: unknown;
  nested?: unknown;
}

/** Static options (grouped ones flattened), or `undefined` when they come from an RPC. */
function flattenOptions(options: unknown): Option[] | undefined {
  let list: unknown = options;
  if (isPlainObject(options)) list = options.store;
  if (!Array.isArray(list)) return undefined;
  const out: Option[] = [];
  for (const entry of list) {
    if (!isPlainObject(entry)) continue;
    if (Array.isArray(entry.options)) {
      const group = flattenOptions(entry.options);
      if (group) out.push(...group);
    } else if ('value' in entry) {
      out.push({ value: entry.value, nested: entry.nested });
    }
  }
  return out;
}

function invalid(spec: Spec, path: string, options: ProcessOptions, problem: string): DataError {
  return new DataError(
    `${options.where}: invalid value of parameter '${path}' (${spec.type}): ${problem}.`,
    {
      code: 'PARAMETER_INVALID',
      parameter: path,
      where: options.where,
    },
  );
}

/**
 * A pattern says what is wrong only to someone who reads regular expressions: the parameter's
 * own help (its first sentence, Markdown marks removed) says what is expected.
 */
function helpHint(spec: Spec): string {
  if (typeof spec.help !== 'string' || spec.help.trim() === '') return '';
  return ` (${firstSentence(spec.help).replace(/\.$/, '')})`;
}

/** What the message may say about the value: never the value of a secret. */
function shown(spec: Spec, value: unknown): string {
  if (spec.type === 'password') return 'the given value';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeType(value);
}

function validateRules(spec: Spec): Record<string, unknown> {
  return isPlainObject(spec.validate) ? spec.validate : {};
}

function coerce(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  if (isEmpty(raw)) return undefined;
  const type = spec.type;
  if (TEXT_TYPES.has(type)) return coerceText(spec, raw, path, options);
  if (NUMBER_TYPES.has(type)) return coerceNumber(spec, raw, path, options);
  switch (type) {
    case 'boolean':
      return coerceBoolean(spec, raw, path, options);
    case 'date':
      return coerceDate(spec, raw, path, options);
    case 'timestamp':
      return coerceTimestamp(spec, raw, path, options);
    case 'select':
      return coerceSelect(spec, raw, path, options);
    case 'array':
      return coerceArray(spec, raw, path, options);
    case 'collection':
      return coerceCollection(spec, raw, path, options);
    case 'json':
      return coerceJson(spec, raw, path, options);
    default:
      // any, hidden, buffer, filter, udt and types this runtime does not know: passed as given.
      return raw;
  }
}

function coerceText(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else if (typeof raw === 'number' || typeof raw === 'boolean') text = String(raw);
  else if (raw instanceof Date) text = raw.toISOString();
  else throw invalid(spec, path, options, `expected text, got ${describeType(raw)}`);
  const rules = validateRules(spec);
  if (typeof rules.min === 'number' && text.length < rules.min) {
    throw invalid(
      spec,
      path,
      options,
      `${shown(spec, text)} is shorter than ${rules.min} characters`,
    );
  }
  if (typeof rules.max === 'number' && text.length > rules.max) {
    throw invalid(
      spec,
      path,
      options,
      `${shown(spec, text)} is longer than ${rules.max} characters`,
    );
  }
  if (typeof rules.pattern === 'string') {
    let pattern: RegExp;
    try {
      pattern = new RegExp(rules.pattern);
    } catch {
      throw new RuntimeError(
        `${options.where}: parameter '${path}' has an invalid validate.pattern ${JSON.stringify(rules.pattern)}.`,
        { code: 'DEFINITION_INVALID', parameter: path, where: options.where },
      );
    }
    if (!pattern.test(text)) {
      throw invalid(
        spec,
        path,
        options,
        `${shown(spec, text)} does not match the pattern ${rules.pattern}${helpHint(spec)}`,
      );
    }
  }
  if (Array.isArray(rules.enum) && !rules.enum.includes(text)) {
    throw invalid(
      spec,
      path,
      options,
      `${shown(spec, text)} is not one of ${rules.enum.map((v) => JSON.stringify(v)).join(', ')}`,
    );
  }
  return text;
}

function coerceNumber(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && raw.trim() !== '') value = Number(raw.trim());
  else throw invalid(spec, path, options, `expected a number, got ${describeType(raw)}`);
  if (!Number.isFinite(value))
    throw invalid(spec, path, options, `${shown(spec, raw)} is not a number`);
  const type = spec.type;
  if (type !== 'number' && !Number.isInteger(value)) {
    throw invalid(spec, path, options, `${shown(spec, raw)} is not an integer`);
  }
  if (type === 'uinteger' && value < 0) {
    throw invalid(spec, path, options, `${shown(spec, raw)} is negative`);
  }
  if (type === 'port' && (value < 1 || value > 65535)) {
    throw invalid(spec, path, options, `${shown(spec, raw)} is not a port (1-65535)`);
  }
  const rules = validateRules(spec);
  if (typeof rules.min === 'number' && value < rules.min) {
    throw invalid(spec, path, options, `${value} is less than the minimum ${rules.min}`);
  }
  if (typeof rules.max === 'number' && value > rules.max) {
    throw invalid(spec, path, options, `${value} is greater than the maximum ${rules.max}`);
  }
  return value;
}

function coerceBoolean(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw === 'string') {
    const text = raw.trim().toLowerCase();
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
  }
  throw invalid(spec, path, options, `expected true or false, got ${shown(spec, raw)}`);
}

function toDate(raw: unknown): Date | undefined {
  let date: Date | undefined;
  if (raw instanceof Date) date = raw;
  else if (typeof raw === 'number') date = new Date(raw);
  else if (typeof raw === 'string' && raw.trim() !== '') {
    const text = raw.trim();
    // Digits only: epoch milliseconds (Make's `x` token), the form Hotmart itself uses.
    date = /^-?\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
  }
  return date !== undefined && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Make passes dates as ISO 8601 UTC with milliseconds (`YYYY-MM-DDThh:mm:ss.sssZ`). */
function coerceDate(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  const date = toDate(raw);
  if (!date) throw invalid(spec, path, options, `${shown(spec, raw)} is not a date`);
  return date.toISOString();
}

/** `timestamp`: unix seconds. */
function coerceTimestamp(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  if (typeof raw === 'number' && Number.isFinite(raw)) return Math.trunc(raw);
  if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) return Number(raw.trim());
  const date = toDate(raw);
  if (!date) throw invalid(spec, path, options, `${shown(spec, raw)} is not a timestamp`);
  return Math.floor(date.getTime() / 1000);
}

function coerceSelect(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  const known =
    spec.validate === false || spec.dynamic === true ? undefined : flattenOptions(spec.options);
  const pick = (value: unknown, at: string): unknown => {
    if (value !== null && typeof value === 'object') {
      throw invalid(spec, at, options, `expected an option value, got ${describeType(value)}`);
    }
    if (!known) return value;
    // Mapped values arrive as text; an option declared as 1 accepts "1" and is sent as 1.
    const match = known.find(
      (option) => option.value === value || String(option.value) === String(value),
    );
    if (!match) {
      const allowed = known.map((option) => JSON.stringify(option.value)).join(', ');
      throw invalid(
        spec,
        at,
        options,
        `${shown(spec, value)} is not one of the options (${allowed})`,
      );
    }
    return match.value;
  };
  if (spec.multiple === true) {
    const list = Array.isArray(raw) ? raw : [raw];
    const values = list.filter((v) => !isEmpty(v)).map((v, i) => pick(v, `${path}[${i + 1}]`));
    checkItemCount(spec, values, path, options);
    return values;
  }
  if (Array.isArray(raw)) {
    throw invalid(
      spec,
      path,
      options,
      'expected one option value, got an array (the select is not multiple)',
    );
  }
  return pick(raw, path);
}

function checkItemCount(
  spec: Spec,
  values: unknown[],
  path: string,
  options: ProcessOptions,
): void {
  const rules = validateRules(spec);
  if (values.length === 0) return;
  if (typeof rules.minItems === 'number' && values.length < rules.minItems) {
    throw invalid(
      spec,
      path,
      options,
      `${values.length} item(s), at least ${rules.minItems} required`,
    );
  }
  if (typeof rules.maxItems === 'number' && values.length > rules.maxItems) {
    throw invalid(
      spec,
      path,
      options,
      `${values.length} item(s), at most ${rules.maxItems} allowed`,
    );
  }
}

function coerceArray(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  if (!Array.isArray(raw))
    throw invalid(spec, path, options, `expected an array, got ${describeType(raw)}`);
  const values: unknown[] = [];
  raw.forEach((item, index) => {
    const at = `${path}[${index + 1}]`;
    let value: unknown = item;
    if (Array.isArray(spec.spec)) {
      // A list of fields: every item is a collection of them.
      value = coerceCollection({ ...spec, type: 'collection' }, item, at, options);
    } else if (isPlainObject(spec.spec) && typeof spec.spec.type === 'string') {
      const itemSpec = { ...(spec.spec as unknown as Spec), name: at };
      value = coerce(itemSpec, item, at, options);
    }
    if (!isEmpty(value)) values.push(value);
  });
  checkItemCount(spec, values, path, options);
  const rules = validateRules(spec);
  if (Array.isArray(rules.enum)) {
    const allowed = rules.enum;
    values.forEach((value, index) => {
      if (!allowed.includes(value)) {
        throw invalid(
          spec,
          `${path}[${index + 1}]`,
          options,
          `${shown(spec, value)} is not allowed`,
        );
      }
    });
  }
  return values;
}

function coerceCollection(
  spec: Spec,
  raw: unknown,
  path: string,
  options: ProcessOptions,
): unknown {
  if (!isPlainObject(raw))
    throw invalid(spec, path, options, `expected a collection, got ${describeType(raw)}`);
  if (!Array.isArray(spec.spec)) return raw;
  const { values } = processLevel(spec.spec, raw, path, options);
  // An emptied collection is an unfilled value like any other (§11.4).
  return Object.keys(values).length === 0 ? undefined : values;
}

function coerceJson(spec: Spec, raw: unknown, path: string, options: ProcessOptions): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalid(spec, path, options, 'not valid JSON');
  }
}

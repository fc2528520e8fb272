// Checks a module's output bundle against the module's own `interface` (its output spec): every
// key the bundle carries is described, and every described value has the described type. All
// fields are optional (Hotmart omits fields freely), so `null`/absent values always pass.
import type { RuntimeApp } from '../runtime';
import type { Loose, Parameter } from '../types';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The distinct problems of a run's bundles against the module's interface (the same problem in
 * many bundles is listed once); none when the module declares no interface.
 */
export function runMismatches(
  bundles: readonly unknown[],
  module: { interface?: unknown },
): string[] {
  if (!Array.isArray(module.interface)) return [];
  const spec = module.interface as Parameter[];
  return [...new Set(bundles.flatMap((bundle) => checkAgainstInterface(bundle, spec)))];
}

/** Problems found, each naming the dot path; empty when the bundle matches. */
export function checkAgainstInterface(bundle: unknown, spec: readonly Parameter[]): string[] {
  if (!isRecord(bundle)) return [`bundle: expected an object, got ${kind(bundle)}`];
  return checkFields(bundle, spec, '');
}

function checkFields(
  value: Record<string, unknown>,
  spec: readonly Parameter[],
  at: string,
): string[] {
  const problems: string[] = [];
  const byName = new Map(spec.map((field) => [field.name, field]));
  for (const [key, item] of Object.entries(value)) {
    const path = at === '' ? key : `${at}.${key}`;
    const field = byName.get(key);
    if (field === undefined) {
      problems.push(`${path}: not described in the interface`);
      continue;
    }
    problems.push(...checkValue(item, field, path));
  }
  return problems;
}

function checkValue(value: unknown, field: Parameter, path: string): string[] {
  if (value === null || value === undefined) return [];
  const wrong = (expected: string): string[] => [
    `${path}: expected ${expected} (interface type ${field.type}), got ${kind(value)} ${JSON.stringify(value)}`,
  ];
  switch (field.type) {
    case 'any':
      return [];
    case 'text':
    case 'email':
    case 'url':
    case 'select':
      return typeof value === 'string' ? [] : wrong('a string');
    case 'number':
    case 'integer':
    case 'uinteger':
      return typeof value === 'number' && Number.isFinite(value) ? [] : wrong('a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('a boolean');
    case 'date':
      // Dates leave the runtime as ISO 8601 strings, the form Make passes around.
      return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value))
        ? []
        : wrong('an ISO 8601 date');
    case 'collection': {
      if (!isRecord(value)) return wrong('an object');
      const spec = specList(field);
      return spec === undefined ? [] : checkFields(value, spec, path);
    }
    case 'array': {
      if (!Array.isArray(value)) return wrong('an array');
      const spec = specOf(field);
      if (spec === undefined) return [];
      return value.flatMap((item: unknown, index) => {
        const at = `${path}[${index}]`;
        if (!isParameterList(spec)) return checkValue(item, spec, at);
        return isRecord(item)
          ? checkFields(item, spec, at)
          : [`${at}: expected an object, got ${kind(item)}`];
      });
    }
    default:
      return [`${path}: the checker does not know interface type ${field.type}`];
  }
}

/** Every described field's dot path (`plan.id`), collections walked, in interface order. */
export function interfacePaths(spec: readonly Parameter[], at = ''): string[] {
  return spec.flatMap((field) => {
    const path = at === '' ? field.name : `${at}.${field.name}`;
    const nested = field.type === 'collection' ? specList(field) : undefined;
    return nested === undefined || nested.length === 0
      ? [path]
      : [path, ...interfacePaths(nested, path)];
  });
}

/**
 * The interface paths of `module` that no bundle carries: fields the fixtures never exercise, so
 * the module's output mapping for them is untested. An unknown module has no paths.
 */
export function unexercisedInterfacePaths(
  runtime: RuntimeApp,
  module: string,
  bundles: readonly unknown[],
): string[] {
  const spec = runtime.definition.modules.find((m) => m.name === module)?.interface ?? [];
  return interfacePaths(spec).filter((path) => !someBundleHas(bundles, path));
}

/** True when some bundle has a non-null value at the dot path. */
export function someBundleHas(bundles: readonly unknown[], path: string): boolean {
  return bundles.some((bundle) => {
    let value: unknown = bundle;
    for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
    return value !== null && value !== undefined;
  });
}

function specList(field: Parameter): readonly Parameter[] | undefined {
  const spec = specOf(field);
  return Array.isArray(spec) ? spec : undefined;
}

/** `spec` exists on some parameter variants only (collection, array). */
function specOf(field: Parameter): Parameter | readonly Parameter[] | undefined {
  const loose: Loose<Parameter> = field;
  return loose.spec;
}

function isParameterList(spec: Parameter | readonly Parameter[]): spec is readonly Parameter[] {
  return Array.isArray(spec);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

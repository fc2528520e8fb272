// Samples are what Make shows before a module has run; a key the interface does not declare, or a
// value of another type, shows the user a field that will never come (or comes differently).
import { isPlainObject } from '../../shared';
import { didYouMean } from '../../shared';
import type { Constraint, SourcePath } from '../constraint';
import { hint, issueAt } from '../constraint';
import type { Issue } from '../issue';

type JsonKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** Parameter type → JSON type of its value (FORMAN `FORMAN_TYPE_MAP`, extended to every type). */
const KIND_OF_TYPE: Record<string, JsonKind> = {
  text: 'string',
  email: 'string',
  url: 'string',
  password: 'string',
  date: 'string',
  buffer: 'string',
  filename: 'string',
  select: 'string',
  color: 'string',
  time: 'string',
  timezone: 'string',
  uuid: 'string',
  path: 'string',
  file: 'string',
  folder: 'string',
  cert: 'string',
  pkey: 'string',
  number: 'number',
  integer: 'number',
  uinteger: 'number',
  port: 'number',
  timestamp: 'number',
  boolean: 'boolean',
  collection: 'object',
  array: 'array',
  filter: 'array',
  // hidden/any/json/udt values are not constrained to one JSON type.
};

function kindOfValue(value: unknown): JsonKind {
  if (Array.isArray(value)) return 'array';
  if (isPlainObject(value)) return 'object';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'any';
}

function expectedKind(param: Record<string, unknown>): JsonKind {
  if (param.type === 'select' && param.multiple === true) return 'array';
  return (typeof param.type === 'string' ? KIND_OF_TYPE[param.type] : undefined) ?? 'any';
}

export const samplesMatchInterface: Constraint = {
  id: 'samples-match-interface',
  description: "Every sample key is declared in the module's interface, with a compatible type.",
  reads: ['interface'],
  check(app) {
    const issues: Issue[] = [];
    const report = (path: SourcePath, message: string, suggestion?: string): void => {
      issues.push(issueAt(app, path, this.id, message, suggestion));
    };

    /** Checks an object sample against a parameter list (the interface or a collection spec). */
    const checkObject = (
      sample: Record<string, unknown>,
      spec: unknown,
      path: SourcePath,
      where: string,
    ): void => {
      const params = (Array.isArray(spec) ? spec : []).filter(isPlainObject);
      const names = params.map((p) => p.name).filter((n): n is string => typeof n === 'string');
      for (const [key, value] of Object.entries(sample)) {
        const param = params.find((p) => p.name === key);
        if (param === undefined) {
          const suggestion = didYouMean(key, names);
          report(
            [...path, key],
            `sample key "${key}" is not declared in ${where}${hint(suggestion)}`,
            suggestion,
          );
          continue;
        }
        checkValue(value, param, [...path, key]);
      }
    };

    const checkValue = (value: unknown, param: Record<string, unknown>, path: SourcePath): void => {
      // APIs return null for absent values; Make shows an empty field. Accept it for any type.
      if (value === null) return;
      const expected = expectedKind(param);
      const actual = kindOfValue(value);
      if (expected !== 'any' && actual !== expected) {
        report(
          path,
          `sample value is ${article(actual)} but the interface declares "${String(param.name)}" as ${String(param.type)} (${article(expected)})`,
        );
        return;
      }
      if (param.type === 'collection' && isPlainObject(value) && Array.isArray(param.spec)) {
        checkObject(value, param.spec, path, `the spec of collection "${String(param.name)}"`);
      } else if (param.type === 'array' && Array.isArray(value) && param.spec !== undefined) {
        value.forEach((item, i) => {
          if (Array.isArray(param.spec)) {
            // spec array = array of collections
            if (item === null) return;
            if (!isPlainObject(item)) {
              report(
                [...path, i],
                `sample item is ${article(kindOfValue(item))} but array "${String(param.name)}" holds collections (an object)`,
              );
            } else {
              checkObject(
                item,
                param.spec,
                [...path, i],
                `the spec of array "${String(param.name)}"`,
              );
            }
          } else if (isPlainObject(param.spec)) {
            checkValue(item, { ...param.spec, name: `${String(param.name)}[]` }, [...path, i]);
          }
        });
      }
    };

    app.modules.forEach((module, i) => {
      if (!isPlainObject(module.samples)) return;
      checkObject(module.samples, module.interface, ['modules', i, 'samples'], 'the interface');
    });
    return issues;
  },
};

function article(kind: JsonKind): string {
  return kind === 'any'
    ? 'a value'
    : kind === 'array' || kind === 'object'
      ? `an ${kind}`
      : `a ${kind}`;
}

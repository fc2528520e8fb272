// Test helper: the schema objects of the project's schema files, with where they sit.
import type { AnySchemaObject } from 'ajv';
import { schemaFiles } from '../../lib/validate/ajv';

export interface AntiExample {
  example: unknown;
  reason: string;
  keyword?: string;
  instancePath?: string;
  params?: Record<string, unknown>;
}

export interface DocumentedSchema {
  /** A reference Ajv resolves: `<$id>` or `<$id>#/definitions/<name>`. */
  ref: string;
  examples: unknown[];
  antiExamples: AntiExample[];
}

/** The root of every schema file and every definition that carries examples or anti-examples. */
export function documentedSchemas(): DocumentedSchema[] {
  const out: DocumentedSchema[] = [];
  const add = (ref: string, schema: AnySchemaObject): void => {
    const examples = (schema.examples as unknown[] | undefined) ?? [];
    const antiExamples = (schema.antiExamples as AntiExample[] | undefined) ?? [];
    if (examples.length > 0 || antiExamples.length > 0) out.push({ ref, examples, antiExamples });
  };
  for (const { id, schema } of schemaFiles) {
    add(id, schema);
    const definitions = (schema.definitions ?? {}) as Record<string, AnySchemaObject>;
    for (const [name, definition] of Object.entries(definitions)) {
      add(`${id}#/definitions/${name}`, definition);
    }
  }
  return out;
}

export interface Visit {
  /** `<$id>#<JSON pointer>` of the subschema. */
  where: string;
  schema: AnySchemaObject;
  /** True when reached through `if`/`then`/`else`/`not`: a partial condition, not a shape. */
  conditional: boolean;
}

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'] as const;
const SCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf'] as const;
const SCHEMA_SINGLES = ['items', 'additionalProperties', 'contains', 'propertyNames'] as const;
const CONDITIONALS = ['if', 'then', 'else', 'not'] as const;

const isSchemaObject = (value: unknown): value is AnySchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every subschema of every schema file (data keywords such as `examples` are not entered). */
export function allSubschemas(): Visit[] {
  const out: Visit[] = [];
  const walk = (schema: AnySchemaObject, where: string, conditional: boolean): void => {
    out.push({ where, schema, conditional });
    for (const key of SCHEMA_MAPS) {
      const map = schema[key] as Record<string, unknown> | undefined;
      for (const [name, sub] of Object.entries(map ?? {})) {
        if (isSchemaObject(sub)) walk(sub, `${where}/${key}/${name}`, conditional);
      }
    }
    for (const key of SCHEMA_LISTS) {
      const list = schema[key] as unknown[] | undefined;
      (list ?? []).forEach((sub, i) => {
        if (isSchemaObject(sub)) walk(sub, `${where}/${key}/${i}`, conditional);
      });
    }
    for (const key of SCHEMA_SINGLES) {
      const sub: unknown = schema[key];
      if (isSchemaObject(sub)) walk(sub, `${where}/${key}`, conditional);
    }
    for (const key of CONDITIONALS) {
      const sub: unknown = schema[key];
      if (isSchemaObject(sub)) walk(sub, `${where}/${key}`, true);
    }
  };
  for (const { id, schema } of schemaFiles) walk(schema, `${id}#`, false);
  return out;
}

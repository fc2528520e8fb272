// The project's single Ajv instance (style practice 4): every schema in `schemas/` is added once,
// by its `$id`, and validators are compiled lazily and cached. Strict mode stays on so that a
// typo in a schema keyword is an error instead of a silently ignored rule.
import fs from 'node:fs';
import path from 'node:path';
import type Ajv from 'ajv';
import type { AnySchemaObject, ValidateFunction, Vocabulary } from 'ajv';
import { PROJECT_ROOT, ToolError } from '../shared';

/** The project's own schemas cannot be loaded, or a schema that does not exist was asked for. */
export class SchemaLoadError extends ToolError<'SCHEMA_INVALID' | 'SCHEMA_UNKNOWN'> {}

/** Where the definition-format schemas live; resolved from this file so it works outside the repo. */
export const SCHEMAS_DIR = path.join(PROJECT_ROOT, 'schemas');

const SCHEMA_SUFFIX = '.schema.json';

export interface SchemaFile {
  /** The schema's `$id`, equal to its file name (e.g. `module.schema.json`). */
  readonly id: string;
  /** Absolute path of the file. */
  readonly file: string;
  /** The parsed schema. */
  readonly schema: AnySchemaObject;
}

/** Reads every `*.schema.json` of a folder, sorted by file name, checking that `$id` = file name. */
export function readSchemaFiles(dir: string = SCHEMAS_DIR): SchemaFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(SCHEMA_SUFFIX))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new SchemaLoadError(
          'SCHEMA_INVALID',
          `${file}: not valid JSON (${(error as Error).message})`,
          { cause: error },
        );
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new SchemaLoadError(
          'SCHEMA_INVALID',
          `${file}: a schema file must contain a JSON object`,
        );
      }
      const schema = parsed as AnySchemaObject;
      if (schema.$id !== name) {
        throw new SchemaLoadError(
          'SCHEMA_INVALID',
          `${file}: "$id" must be the file name "${name}" (found ${JSON.stringify(schema.$id)})`,
        );
      }
      return { id: name, file, schema };
    });
}

/**
 * Shape of an `antiExamples` entry: an invalid instance, why it is invalid, and optionally the
 * Ajv error that proves it (keyword, instance path, a subset of params).
 */
const antiExamplesMetaSchema = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['example', 'reason'],
    properties: {
      example: true,
      reason: { type: 'string', minLength: 1 },
      keyword: { type: 'string', minLength: 1 },
      instancePath: { type: 'string' },
      params: { type: 'object' },
    },
  },
};

const AJV_OPTIONS = {
  strict: true,
  allErrors: true,
  // `discriminator` makes a oneOf over `type` report only the errors of the matching branch.
  discriminator: true,
  // Keeps each validator's source, so validator-cache.ts can save it as standalone code.
  code: { source: true },
} as const;

// Keywords read by json-schema-to-typescript and by our example tests; strict mode would
// otherwise reject them as unknown.
const VOCABULARY: Vocabulary = [
  'tsType',
  'tsEnumNames',
  { keyword: 'antiExamples', schemaType: 'array', metaSchema: antiExamplesMetaSchema },
];

/** Everything besides the schemas that shapes a compiled validator (part of the cache's key). */
export const COMPILE_SETTINGS = JSON.stringify({ AJV_OPTIONS, VOCABULARY });

function createAjv(files: readonly SchemaFile[]): Ajv {
  // Loaded on first use: a command that runs an already checked app (checked-apps.ts) and finds
  // its validators saved (validator-cache.ts) never needs Ajv's compiler, about 40 ms to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  const created = new AjvClass(AJV_OPTIONS);
  created.addVocabulary(VOCABULARY);
  for (const { schema } of files) created.addSchema(schema);
  return created;
}

/** The schema files, as loaded into {@link getAjv}. */
export const schemaFiles: readonly SchemaFile[] = readSchemaFiles();

/** The `$id` of every schema file, sorted. */
export const schemaIds: readonly string[] = schemaFiles.map((f) => f.id);

let instance: Ajv | undefined;

/**
 * The single Ajv instance (draft-07, strict, allErrors) holding every project schema. Created on
 * first use: a process that loads its validators from validator-cache.ts never pays for it.
 */
export function getAjv(): Ajv {
  instance ??= createAjv(schemaFiles);
  return instance;
}

const cache = new Map<string, ValidateFunction>();

/**
 * The compiled validator for a schema `$id` (`module.schema.json`) or a reference into one
 * (`request.schema.json#/definitions/searchRequest`). Compiled once, then cached.
 */
export function getValidator<T = unknown>(schemaRef: string): ValidateFunction<T> {
  let validate = cache.get(schemaRef);
  if (validate === undefined) {
    const id = schemaRef.split('#')[0] ?? '';
    if (!schemaIds.includes(id)) {
      throw new SchemaLoadError(
        'SCHEMA_UNKNOWN',
        `Unknown schema "${schemaRef}"; known schemas: ${schemaIds.join(', ')}`,
      );
    }
    validate = getAjv().getSchema(schemaRef);
    if (validate === undefined)
      throw new SchemaLoadError('SCHEMA_UNKNOWN', `No schema at "${schemaRef}"`);
    cache.set(schemaRef, validate);
  }
  return validate as ValidateFunction<T>;
}

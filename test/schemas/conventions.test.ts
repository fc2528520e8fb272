// House rules of the schemas (style practice 3): closed objects, explicit `required`, a
// description on every property, clean and unique type names, draft-07 with `$id` = file name.
import fs from 'node:fs';
import type { AnySchemaObject } from 'ajv';
import { SCHEMAS_DIR, schemaFiles, schemaIds } from '../../lib/validate/ajv';
import { allSubschemas } from './schema-walk';

const shapes = allSubschemas().filter((v) => !v.conditional);

describe('schema files', () => {
  test('every *.schema.json in schemas/ is loaded, each once, by its file name', () => {
    const onDisk = fs
      .readdirSync(SCHEMAS_DIR)
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    expect(schemaIds).toEqual(onDisk);
  });

  test('the format is split into the expected concepts', () => {
    expect(schemaIds).toEqual([
      'app.schema.json',
      'base.schema.json',
      'connection.schema.json',
      'example.schema.json',
      'function.schema.json',
      'groups.schema.json',
      'iml.schema.json',
      'manifest.schema.json',
      'module.schema.json',
      'oauth-communication.schema.json',
      'pagination.schema.json',
      'parameter.schema.json',
      'request.schema.json',
      'response.schema.json',
      'rpc.schema.json',
      'webhook.schema.json',
    ]);
  });

  test.each(schemaFiles.map((f) => [f.id, f.schema] as const))(
    '%s is draft-07 with a title and description',
    (_id, schema) => {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title).toEqual(expect.any(String));
      expect(schema.description).toEqual(expect.any(String));
    },
  );
});

describe('closed objects', () => {
  const withProperties = shapes.filter((v) => v.schema.properties !== undefined);

  test('there are objects to check', () => {
    expect(withProperties.length).toBeGreaterThan(50);
  });

  test('every schema with properties has additionalProperties: false', () => {
    const open = withProperties
      .filter((v) => v.schema.additionalProperties !== false)
      .map((v) => v.where);
    expect(open).toEqual([]);
  });

  test('every property has its own description', () => {
    const missing = withProperties.flatMap((v) =>
      Object.entries(v.schema.properties as Record<string, AnySchemaObject>)
        .filter(([, p]) => typeof p.description !== 'string' || p.description.length === 0)
        .map(([name]) => `${v.where}/properties/${name}`),
    );
    expect(missing).toEqual([]);
  });

  test('every required key is a declared property', () => {
    const undeclared = shapes
      .filter((v) => Array.isArray(v.schema.required) && v.schema.properties !== undefined)
      .flatMap((v) =>
        (v.schema.required as string[])
          .filter((key) => !(key in (v.schema.properties as object)))
          .map((key) => `${v.where}: ${key}`),
      );
    expect(undeclared).toEqual([]);
  });

  test('a property described only by a bare $ref is not used (json2ts would duplicate types)', () => {
    // `{ "$ref": …, "description": … }` makes json-schema-to-typescript emit `Label1`, `Label2`…;
    // properties wrap references as `{ "description": …, "allOf": [{ "$ref": … }] }` instead.
    const bare = withProperties.flatMap((v) =>
      Object.entries(v.schema.properties as Record<string, AnySchemaObject>)
        .filter(([, p]) => p.$ref !== undefined)
        .map(([name]) => `${v.where}/properties/${name}`),
    );
    expect(bare).toEqual([]);
  });
});

describe('type names', () => {
  const definitions = schemaFiles.flatMap(({ id, schema }) =>
    Object.entries((schema.definitions ?? {}) as Record<string, AnySchemaObject>).map(
      ([name, def]) => ({ where: `${id}#/definitions/${name}`, title: def.title as unknown }),
    ),
  );

  test('every definition has a PascalCase title (the generated type name)', () => {
    const bad = definitions.filter(
      (d) => typeof d.title !== 'string' || !/^[A-Z][A-Za-z]+$/.test(d.title),
    );
    expect(bad).toEqual([]);
  });

  test('titles are unique across all schemas', () => {
    const titles = [
      ...schemaFiles.map((f) => f.schema.title as string),
      ...definitions.map((d) => d.title as string),
    ];
    const duplicates = titles.filter((t, i) => titles.indexOf(t) !== i);
    expect(duplicates).toEqual([]);
  });
});

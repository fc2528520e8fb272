// The shared Ajv instance: loading, caching, strictness and the errors of bad schema files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  getAjv,
  getValidator,
  readSchemaFiles,
  schemaFiles,
  schemaIds,
} from '../../lib/validate/ajv';

describe('schema loading', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('schemaIds lists every loaded schema once, sorted', () => {
    expect(schemaIds).toEqual(schemaFiles.map((f) => f.id));
    expect([...schemaIds].sort()).toEqual(schemaIds);
    expect(new Set(schemaIds).size).toBe(schemaIds.length);
  });

  test('a schema whose $id is not its file name is refused', () => {
    fs.writeFileSync(
      path.join(dir, 'thing.schema.json'),
      JSON.stringify({ $id: 'other.schema.json' }),
    );
    expect(() => readSchemaFiles(dir)).toThrow(
      `${path.join(dir, 'thing.schema.json')}: "$id" must be the file name "thing.schema.json" (found "other.schema.json")`,
    );
  });

  test('a schema file that is not JSON is refused with its path', () => {
    fs.writeFileSync(path.join(dir, 'broken.schema.json'), '{ "$id": ');
    expect(() => readSchemaFiles(dir)).toThrow(
      `${path.join(dir, 'broken.schema.json')}: not valid JSON`,
    );
  });

  test('a schema file holding an array is refused', () => {
    fs.writeFileSync(path.join(dir, 'list.schema.json'), '[]');
    expect(() => readSchemaFiles(dir)).toThrow('a schema file must contain a JSON object');
  });

  test('other files in the folder are ignored', () => {
    fs.writeFileSync(path.join(dir, 'README.md'), '# schemas');
    fs.writeFileSync(path.join(dir, 'a.schema.json'), JSON.stringify({ $id: 'a.schema.json' }));
    expect(readSchemaFiles(dir).map((f) => f.id)).toEqual(['a.schema.json']);
  });
});

describe('getValidator', () => {
  test('compiles once and returns the cached validator', () => {
    expect(getValidator('pagination.schema.json')).toBe(getValidator('pagination.schema.json'));
  });

  test('resolves references into a schema file', () => {
    const validate = getValidator('request.schema.json#/definitions/actionRequest');
    expect(validate({ url: '/x' })).toBe(true);
    expect(validate({ url: '/x', pagination: { qs: {} } })).toBe(false);
  });

  test('an unknown schema id is a clear error listing the known ones', () => {
    expect(() => getValidator('nope.schema.json')).toThrow(
      `Unknown schema "nope.schema.json"; known schemas: ${schemaIds.join(', ')}`,
    );
  });

  test('a reference to a missing definition is an error', () => {
    expect(() => getValidator('request.schema.json#/definitions/nope')).toThrow(
      'No schema at "request.schema.json#/definitions/nope"',
    );
  });

  test('every schema and every definition compiles in strict mode', () => {
    const refs = schemaFiles.flatMap(({ id, schema }) => [
      id,
      ...Object.keys((schema.definitions ?? {}) as object).map(
        (name) => `${id}#/definitions/${name}`,
      ),
    ]);
    for (const ref of refs) expect(typeof getValidator(ref)).toBe('function');
    expect(refs.length).toBeGreaterThan(100);
  });
});

describe('the instance', () => {
  test('is strict: an unknown keyword is refused', () => {
    expect(() => getAjv().compile({ type: 'object', propertiez: {} })).toThrow(
      /strict mode: unknown keyword: "propertiez"/,
    );
  });

  test('knows the json-schema-to-typescript keywords', () => {
    expect(() =>
      getAjv().compile({ type: 'string', tsType: 'string', tsEnumNames: ['A'] }),
    ).not.toThrow();
  });

  test('checks the shape of antiExamples', () => {
    expect(() => getAjv().compile({ type: 'string', antiExamples: [{ example: 1 }] })).toThrow(
      /antiExamples.*must have required property 'reason'/,
    );
  });

  test('reports all errors, not just the first', () => {
    const validate = getValidator('manifest.schema.json');
    expect(
      validate({
        name: 'X',
        label: '',
        description: 'd',
        version: 0,
        theme: 'red',
        language: 'en',
        audience: 'global',
      }),
    ).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath).sort()).toEqual([
      '/label',
      '/name',
      '/theme',
      '/version',
    ]);
  });

  test('the parameter discriminator reports an unknown type once', () => {
    const validate = getValidator('parameter.schema.json');
    expect(validate({ name: 'x', type: 'string' })).toBe(false);
    expect(validate.errors).toEqual([
      expect.objectContaining({
        keyword: 'discriminator',
        instancePath: '',
        params: { error: 'mapping', tag: 'type', tagValue: 'string' },
      }),
    ]);
  });
});

// The generators and the drift check. Whether the committed files match their generators is
// `npm run check:generated`'s job (a gate of `npm test`); repeating it here would only double the
// cost. These tests cover what the gate relies on: deterministic output, banners, the registry,
// and findDrift reporting each kind of drift.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  describeDrift,
  findDrift,
  generateSchemaTypes,
  generatedDirs,
  generatedFiles,
  type GeneratedFile,
} from '../../scripts/generated-files';
import { schemaFiles, schemaIds } from '../../lib/validate/ajv';

// json-schema-to-typescript requires 'prettier' when it loads, and prettier's Node entry starts a
// dynamic import() at load, which jest's CommonJS runtime refuses. Generation never formats
// through json2ts (`format: false`; scripts/generated-files.ts formats with prettier's standalone
// build), so json2ts gets the standalone build too.
jest.mock('prettier', () => jest.requireActual('prettier/standalone'));

const TYPES_PATH = 'lib/types/schemas.generated.ts';
let generated: string;

beforeAll(async () => {
  generated = await generateSchemaTypes();
}, 30_000);

describe('lib/types/schemas.generated.ts', () => {
  test('is generated deterministically', async () => {
    expect(await generateSchemaTypes()).toBe(generated);
  }, 30_000);

  test('starts with a banner naming its schemas and the regeneration command', () => {
    const banner = generated.slice(0, generated.indexOf('*/'));
    expect(banner).toContain('GENERATED FILE, DO NOT EDIT.');
    expect(banner).toContain('npm run gen:types');
    for (const id of schemaIds) expect(banner).toContain(`schemas/${id}`);
  });

  test('declares each type once, under its schema title (no Foo1 duplicates)', () => {
    const names = [...generated.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(names.filter((n) => /\d$/.test(n ?? ''))).toEqual([]);
    const titles = schemaFiles.flatMap(({ schema }) => [
      schema.title as string,
      ...Object.values((schema.definitions ?? {}) as Record<string, { title?: string }>).map(
        (d) => d.title ?? '',
      ),
    ]);
    expect(titles.filter((t) => !names.includes(t))).toEqual([]);
  });
});

describe('the generated-files registry', () => {
  test('lists every module page of the docs, and docs/modules as a generated-only folder', () => {
    const docs = generatedFiles.filter((f) => f.path.startsWith('docs/modules/'));
    expect(docs.map((f) => f.path)).toEqual(
      expect.arrayContaining(['docs/modules/README.md', 'docs/modules/listSubscriptions.md']),
    );
    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(generatedDirs).toContain('docs/modules');
  });

  test('lists the schema types with their command, each path once', () => {
    expect(generatedFiles.map((f) => [f.path, f.command])).toContainEqual([
      TYPES_PATH,
      'npm run gen:types',
    ]);
    const paths = generatedFiles.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('findDrift', () => {
  let root: string;
  const fake = (content: string): GeneratedFile => ({
    path: 'out/thing.generated.ts',
    command: 'npm run gen:thing',
    generate: () => Promise.resolve(content),
  });
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    fs.mkdirSync(path.join(root, 'out'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('accepts a file identical to its generator output', async () => {
    fs.writeFileSync(path.join(root, 'out/thing.generated.ts'), 'a\nb\n');
    expect(await findDrift([fake('a\nb\n')], root)).toEqual([]);
  });

  test('reports a stale file with the first differing line and the command to run', async () => {
    fs.writeFileSync(path.join(root, 'out/thing.generated.ts'), 'a\nb\nc\n');
    const drift = await findDrift([fake('a\nB\nc\n')], root);
    expect(drift).toEqual([
      { path: 'out/thing.generated.ts', command: 'npm run gen:thing', problem: 'differs', line: 2 },
    ]);
    expect(drift.map(describeDrift)).toEqual([
      'out/thing.generated.ts is stale (first difference at line 2): run npm run gen:thing',
    ]);
  });

  test('reports a byte-level difference such as a missing final newline', async () => {
    fs.writeFileSync(path.join(root, 'out/thing.generated.ts'), 'a');
    expect(await findDrift([fake('a\n')], root)).toEqual([
      expect.objectContaining({ problem: 'differs' }),
    ]);
  });

  test('reports a file in a generated-only folder that no generator produces', async () => {
    fs.writeFileSync(path.join(root, 'out/thing.generated.ts'), 'a\n');
    fs.writeFileSync(path.join(root, 'out/removed-module.md'), 'old\n');
    const drift = await findDrift([fake('a\n')], root, ['out']);
    expect(drift).toEqual([
      { path: 'out/removed-module.md', command: 'npm run gen:thing', problem: 'unexpected' },
    ]);
    expect(describeDrift(drift[0]!)).toBe(
      'out/removed-module.md is not produced by any generator (left over?): run npm run gen:thing',
    );
  });

  test('reports a missing file', async () => {
    const drift = await findDrift([fake('a\n')], root);
    expect(drift).toEqual([
      { path: 'out/thing.generated.ts', command: 'npm run gen:thing', problem: 'missing' },
    ]);
    expect(describeDrift(drift[0]!)).toBe(
      'out/thing.generated.ts is missing: run npm run gen:thing',
    );
  });
});

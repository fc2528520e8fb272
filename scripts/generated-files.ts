// Every committed generated file and how it is produced. `npm run gen:types` writes them,
// `npm run check:generated` and the jest drift test regenerate them in memory and compare byte
// for byte. To add a generated artefact (e.g. docs), append an entry to `generatedFiles` whose
// `generate` returns the exact file content.
import fs from 'node:fs';
import path from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { format } from 'prettier/standalone';
import * as estreePlugin from 'prettier/plugins/estree';
import * as markdownPlugin from 'prettier/plugins/markdown';
import * as typescriptPlugin from 'prettier/plugins/typescript';
import app from '../app';
import { DOCS_DIR, docsGeneratedFiles } from '../lib/docs';
import { SCHEMAS_DIR, readSchemaFiles } from '../lib/validate';

export const REPO_ROOT = path.resolve(__dirname, '..');

export interface GeneratedFile {
  /** Repository-relative path, with forward slashes. */
  readonly path: string;
  /** The command that rewrites it (printed when it drifts). */
  readonly command: string;
  /** The exact expected content. Reads sources only; never writes. */
  generate(): Promise<string>;
}

type Parser = 'typescript' | 'markdown';

/**
 * Formats generated source with the repository's `.prettierrc.json`, so that it passes
 * `prettier --check`. Uses prettier's standalone build: the Node entry point loads its core with
 * a dynamic `import()`, which jest cannot run without `--experimental-vm-modules`. The
 * formatting core is the same, so the bytes are the same as the CLI's.
 */
export async function formatWithRepoConfig(source: string, parser: Parser): Promise<string> {
  const config: unknown = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, '.prettierrc.json'), 'utf8'),
  );
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error('.prettierrc.json must contain a JSON object');
  }
  return format(source, {
    ...config,
    parser,
    plugins: [estreePlugin, typescriptPlugin, markdownPlugin],
  });
}

const ROOT_SCHEMA_ID = 'app.schema.json';

function typesBanner(ids: readonly string[]): string {
  return [
    '/**',
    ' * GENERATED FILE, DO NOT EDIT.',
    ` * Generated from ${ids.map((id) => `schemas/${id}`).join(', ')}`,
    ' * by json-schema-to-typescript. Edit the schemas and regenerate with `npm run gen:types`.',
    ' */',
  ].join('\n');
}

/**
 * lib/types/schemas.generated.ts from schemas/.
 *
 * Why one generated file: the schemas `$ref` each other and json-schema-to-typescript inlines
 * every external reference into the file it compiles, so one output per schema would declare
 * `RequestSpec`, `Parameter`, … several times. Compiling once, from the app schema with every
 * other schema pulled in under `definitions` (and `unreachableDefinitions`, so that schemas and
 * definitions the app does not reference, such as the runtime's superset `RequestSpec`, are
 * declared too), declares each type exactly once. Names come from the schemas' `title`s.
 */
export async function generateSchemaTypes(): Promise<string> {
  const files = readSchemaFiles(SCHEMAS_DIR);
  const root = files.find((f) => f.id === ROOT_SCHEMA_ID);
  if (root === undefined) throw new Error(`${SCHEMAS_DIR}: ${ROOT_SCHEMA_ID} is missing`);
  const others = Object.fromEntries(
    files.filter((f) => f.id !== ROOT_SCHEMA_ID).map((f) => [f.id, { $ref: f.id }]),
  );
  const schema = {
    ...root.schema,
    definitions: { ...(root.schema.definitions as object | undefined), ...others },
  } as JSONSchema;
  const code = await compile(schema, 'App', {
    cwd: SCHEMAS_DIR,
    bannerComment: typesBanner(files.map((f) => f.id)),
    // Formatted below with the repository's config instead of json2ts's own defaults.
    format: false,
    unreachableDefinitions: true,
    // `minItems: 1` would otherwise become tuple types such as `[Parameter, ...Parameter[]]`.
    ignoreMinAndMaxItems: true,
    unknownAny: true,
  });
  return formatWithRepoConfig(code, 'typescript');
}

export const generatedFiles: readonly GeneratedFile[] = [
  {
    path: 'lib/types/schemas.generated.ts',
    command: 'npm run gen:types',
    generate: generateSchemaTypes,
  },
  // One page per module of the app, written by `hotmart-make docs`.
  ...docsGeneratedFiles(
    () => Promise.resolve(app),
    app.modules.map((module) => module.name),
  ),
];

/**
 * Folders that hold nothing but generated files: a file there that no entry produces (the page of
 * a module that was removed, say) is drift too.
 */
export const generatedDirs: readonly string[] = [DOCS_DIR];

export interface Drift {
  readonly path: string;
  readonly command: string;
  readonly problem: 'missing' | 'differs' | 'unexpected';
  /** 1-based number of the first line that differs (for `differs`). */
  readonly line?: number;
}

function firstDifferentLine(actual: string, expected: string): number {
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  return i + 1;
}

/**
 * Regenerates every registered file in memory and compares it byte for byte with the file under
 * `root`. Content only, no git state, so a fresh clone is checked the same way as a work tree.
 */
export async function findDrift(
  files: readonly GeneratedFile[] = generatedFiles,
  root: string = REPO_ROOT,
  dirs: readonly string[] = generatedDirs,
): Promise<Drift[]> {
  const drift: Drift[] = [];
  const known = new Set(files.map((file) => file.path));
  for (const dir of dirs) {
    const absolute = path.join(root, dir);
    if (!fs.existsSync(absolute)) continue;
    for (const name of fs.readdirSync(absolute).sort()) {
      const relative = `${dir}/${name}`;
      if (!known.has(relative)) {
        const command =
          files.find((file) => file.path.startsWith(`${dir}/`))?.command ?? 'delete it';
        drift.push({ path: relative, command, problem: 'unexpected' });
      }
    }
  }
  for (const file of files) {
    const expected = await file.generate();
    const target = path.join(root, file.path);
    if (!fs.existsSync(target)) {
      drift.push({ path: file.path, command: file.command, problem: 'missing' });
      continue;
    }
    const actual = fs.readFileSync(target, 'utf8');
    if (actual !== expected) {
      drift.push({
        path: file.path,
        command: file.command,
        problem: 'differs',
        line: firstDifferentLine(actual, expected),
      });
    }
  }
  return drift;
}

/** One line per drifted file, saying what to run. */
export function describeDrift(drift: Drift): string {
  const what =
    drift.problem === 'missing'
      ? 'is missing'
      : drift.problem === 'unexpected'
        ? 'is not produced by any generator (left over?)'
        : `is stale (first difference at line ${drift.line ?? '?'})`;
  return `${drift.path} ${what}: run ${drift.command}`;
}

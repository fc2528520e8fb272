import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileApp, renderFiles } from '../../lib/compile';
import { buildApp } from '../../lib/cli/build-app';
import { buildCommand, summarize, validateCommand } from '../../lib/cli/build-commands';
import type { CliIo } from '../../lib/cli/io';
import { BUILD_MARKER, BUILD_MARKER_TEXT } from '../../lib/compile/output-dir';
import { writeDirAtomically } from '../../lib/compile/write-dir';
import broken from '../fixtures/apps/broken';
import complete from '../fixtures/apps/complete';
import minimal from '../fixtures/apps/minimal';
import { readTree } from './support/fixtures';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'hotmart-make-build-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** What a build writes: the rendered files plus the marker that makes the folder replaceable. */
async function built(app: Parameters<typeof compileApp>[0]): Promise<Map<string, string>> {
  const files = new Map(await renderFiles(compileApp(app)));
  files.set(BUILD_MARKER, BUILD_MARKER_TEXT);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function recorder(): CliIo & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  const push =
    (into: string[]) =>
    (text: string): void => {
      into.push(...text.replace(/\n$/, '').split('\n'));
    };
  return {
    lines,
    stdout: push(lines.out),
    stderr: push(lines.err),
    stderrIsTty: false,
    columns: undefined,
    env: {},
    cwd: process.cwd(),
  };
}

describe('buildApp', () => {
  test('writes exactly the rendered files', async () => {
    const out = path.join(tmp, 'dist');
    const result = await buildApp({ app: complete, outDir: out });
    const expected = await renderFiles(compileApp(complete));
    expect(result).toEqual({ ok: true, outDir: out, files: [...expected.keys()] });
    expect(await readTree(out)).toEqual(await built(complete));
  });

  test('replaces a previous build completely (stale files go) and leaves no temp dirs', async () => {
    const out = path.join(tmp, 'dist');
    await buildApp({ app: complete, outDir: out });
    await buildApp({ app: minimal, outDir: out });
    expect(await readTree(out)).toEqual(await built(minimal));
    expect(await fs.readdir(tmp)).toEqual(['dist']);
  });

  test('an invalid app writes nothing and returns every issue', async () => {
    const out = path.join(tmp, 'dist');
    await buildApp({ app: complete, outDir: out });
    const before = await readTree(out);
    const result = await buildApp({ app: broken, outDir: out });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.rule)).toEqual([
      'sanitize-covers-secrets',
      'module-in-one-group',
      'schema/additionalProperties',
    ]);
    expect(await readTree(out)).toEqual(before);
    expect(await fs.readdir(tmp)).toEqual(['dist']);
  });
});

describe('writeDirAtomically', () => {
  test('a failed write leaves the previous directory untouched', async () => {
    const out = path.join(tmp, 'dist');
    await writeDirAtomically(out, new Map([['a.json', '{}\n']]));
    await expect(writeDirAtomically(out, new Map([['../escape.json', '{}']]))).rejects.toThrow(
      'refusing to write outside the output directory: ../escape.json',
    );
    expect(await readTree(out)).toEqual(
      new Map([
        [BUILD_MARKER, BUILD_MARKER_TEXT],
        ['a.json', '{}\n'],
      ]),
    );
    expect(await fs.readdir(tmp)).toEqual(['dist']);
  });
});

describe('buildCommand', () => {
  test('prints a summary of the files written', async () => {
    const io = recorder();
    const out = path.join(tmp, 'dist');
    const code = await buildCommand(
      { appPath: path.join(__dirname, '../fixtures/apps/minimal/index.ts'), outDir: out },
      io,
    );
    expect(code).toBe(0);
    expect(io.lines.out).toEqual([
      `Wrote 13 files to ${out}: README.md, connections/ (2), general/ (2), makecomapp.json, modules/ (7)`,
    ]);
    expect(io.lines.err).toEqual([]);
  });

  test('an app module that cannot be loaded: exit 2, the reason on stderr', async () => {
    const io = recorder();
    const code = await buildCommand(
      { appPath: path.join(tmp, 'missing.ts'), outDir: path.join(tmp, 'dist') },
      io,
    );
    expect(code).toBe(2);
    expect(io.lines.err.join('\n')).toContain(
      `cannot load the app module ${path.join(tmp, 'missing.ts')}`,
    );
  });

  test('a folder that must not be replaced is refused before the app is loaded', async () => {
    const io = recorder();
    const code = await buildCommand(
      { appPath: path.join(tmp, 'missing.ts'), outDir: path.join(__dirname, '..', '..', 'lib') },
      io,
    );
    expect(code).toBe(2);
    expect(io.lines.err.join('\n')).toContain('source folder lib/');
    expect(io.lines.err.join('\n')).not.toContain('cannot load the app module');
  });

  test('an invalid definition: exit 1, every problem printed, the previous build byte-identical', async () => {
    const out = path.join(tmp, 'dist');
    const fixtures = path.join(__dirname, '../fixtures/apps');
    expect(
      await buildCommand(
        { appPath: path.join(fixtures, 'complete/index.ts'), outDir: out },
        recorder(),
      ),
    ).toBe(0);
    const before = await readTree(out);
    expect(before.size).toBe(45); // 44 files and the build marker
    const io = recorder();
    const code = await buildCommand(
      { appPath: path.join(fixtures, 'broken/index.ts'), outDir: out },
      io,
    );
    expect(code).toBe(1);
    const stderr = io.lines.err.join('\n');
    expect(stderr).toContain('3 problems in the app definition:');
    expect(stderr).toContain(
      'module listTasks: modules/list-tasks/list-tasks.communication.iml.json#/1/response/iterat: unknown key "iterat" (did you mean "iterate"?) [schema/additionalProperties]',
    );
    expect(stderr).toContain('[module-in-one-group]');
    expect(stderr).toContain('[sanitize-covers-secrets]');
    expect(stderr).toContain(`Nothing was written; ${out} is unchanged.`);
    expect(io.lines.out).toEqual([]);
    expect(await readTree(out)).toEqual(before);
    expect(await fs.readdir(tmp)).toEqual(['dist']);
  });

  test('validateCommand: exit 0 and one line on a valid definition', async () => {
    const io = recorder();
    const code = await validateCommand(
      { appPath: path.join(__dirname, '../fixtures/apps/complete/index.ts') },
      io,
    );
    expect(io.lines).toEqual({ out: ['The app "acme-fixture" is valid.'], err: [] });
    expect(code).toBe(0);
  });

  test('summarize counts files per top-level folder', () => {
    expect(summarize('/o', ['a.json', 'm/x.json', 'm/y.json'])).toBe(
      'Wrote 3 files to /o: a.json, m/ (2)',
    );
  });
});

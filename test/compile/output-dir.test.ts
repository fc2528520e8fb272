// The output-folder rule (issue 9): a build replaces only an absent path, an empty folder or a
// previous build, and never leaves a temporary folder behind. Every case runs in a temporary
// "project" so that a broken guard could only ever delete test data.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  assertReplaceableOutputDir,
  BUILD_MARKER,
  OutputDirRefusedError,
  SOURCE_FOLDERS,
} from '../../lib/compile/output-dir';
import { writeDirAtomically } from '../../lib/compile/write-dir';
import { PROJECT_ROOT } from '../../lib/shared';
import { buildCommand } from '../../lib/cli/build-commands';
import type { CliIo } from '../../lib/cli/io';
import { readTree } from './support/fixtures';

let tmp: string;
let project: string;
let home: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'hotmart-make-outdir-'));
  project = path.join(tmp, 'project');
  home = path.join(tmp, 'home');
  for (const folder of SOURCE_FOLDERS) {
    await fs.mkdir(path.join(project, folder), { recursive: true });
    await fs.writeFile(path.join(project, folder, 'keep.ts'), 'export {};\n');
  }
  await fs.mkdir(path.join(project, '.git'));
  await fs.writeFile(path.join(project, 'README.md'), '# keep\n');
  await fs.mkdir(home);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

const FILES = new Map([['makecomapp.json', '{}\n']]);

function write(dir: string, cwd = project): Promise<void> {
  return writeDirAtomically(dir, FILES, { cwd, projectRoot: project, home });
}

async function refusal(dir: string, cwd = project): Promise<string> {
  const before = await readTree(tmp);
  const error: unknown = await write(dir, cwd).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutputDirRefusedError);
  // Nothing was changed anywhere, and no temporary folder was left.
  expect(await readTree(tmp)).toEqual(before);
  return (error as OutputDirRefusedError).reason;
}

describe('a build refuses to replace what is not a previous build', () => {
  test.each([
    ['the current folder', (): string => project, 'the current folder'],
    [
      'a parent of the current folder',
      (): string => path.dirname(project),
      'the current folder or one of its parents',
    ],
    ['the file system root', (): string => path.parse(tmp).root, 'root of the file system'],
    ['the home folder', (): string => home, 'home folder'],
    ['an existing file', (): string => path.join(project, 'README.md'), 'existing file'],
    ['a path inside a source folder', (): string => path.join(project, 'lib', 'out'), 'lib/'],
  ])('%s', async (_label, dir, reason) => {
    // The home folder is elsewhere here, so the rule under test is the one that answers.
    home = path.join(os.tmpdir(), 'hotmart-make-no-such-home');
    expect(await refusal(dir())).toContain(reason);
  });

  test.each(SOURCE_FOLDERS.map((folder) => [folder]))(
    'the source folder %s/ (from another current folder)',
    async (folder) => {
      expect(await refusal(path.join(project, folder), home)).toBe(
        `it is, or is inside, the source folder ${folder}/`,
      );
    },
  );

  test('the project root, from another current folder', async () => {
    expect(await refusal(project, home)).toBe('it is the project root or contains it');
  });

  test('a non-empty folder that is not a previous build', async () => {
    const other = path.join(tmp, 'notes');
    await fs.mkdir(other);
    await fs.writeFile(path.join(other, 'todo.txt'), 'keep me\n');
    expect(await refusal(other)).toContain('not a previous build');
  });

  test('a git repository, even one holding the marker', async () => {
    const repo = path.join(tmp, 'repo');
    await fs.mkdir(path.join(repo, '.git'), { recursive: true });
    await fs.writeFile(path.join(repo, BUILD_MARKER), '');
    expect(await refusal(repo)).toBe('it is a git repository');
  });

  test('a symbolic link to a previous build', async () => {
    const real = path.join(tmp, 'real');
    await write(real);
    const link = path.join(tmp, 'link');
    await fs.symlink(real, link);
    const before = await readTree(real);
    await expect(write(link)).rejects.toThrow('symbolic link');
    expect(await readTree(real)).toEqual(before);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  });

  test("the real project's source folders and root (path rules only, nothing is touched)", async () => {
    for (const folder of [...SOURCE_FOLDERS, '.']) {
      await expect(
        assertReplaceableOutputDir(path.join(PROJECT_ROOT, folder), {
          cwd: tmp,
          projectRoot: PROJECT_ROOT,
        }),
      ).rejects.toBeInstanceOf(OutputDirRefusedError);
    }
  });
});

describe('what a build may replace', () => {
  test('an absent path, then the previous build it wrote, then an empty folder', async () => {
    const out = path.join(tmp, 'dist');
    await write(out);
    await fs.writeFile(path.join(out, 'stale.json'), '{}\n');
    await write(out);
    expect([...(await readTree(out)).keys()]).toEqual([BUILD_MARKER, 'makecomapp.json']);
    const empty = path.join(tmp, 'empty');
    await fs.mkdir(empty);
    await write(empty);
    expect((await readTree(empty)).has(BUILD_MARKER)).toBe(true);
  });
});

describe('no temporary folder survives a failure', () => {
  test.each([
    ['writing a file', 'writeFile', 0],
    ['the first rename (the old build moved away)', 'rename', 0],
    ['the second rename (the new build moved in)', 'rename', 1],
  ] as const)('%s', async (_label, method, failingCall) => {
    const out = path.join(tmp, 'dist');
    await write(out);
    const before = await readTree(tmp);
    const original = fs[method].bind(fs) as (...args: unknown[]) => Promise<void>;
    let calls = 0;
    jest.spyOn(fs, method).mockImplementation((async (...args: unknown[]) => {
      const n = calls;
      calls += 1;
      if (n === failingCall) throw Object.assign(new Error('disk trouble'), { code: 'EIO' });
      return original(...args);
    }) as never);
    await expect(write(out)).rejects.toThrow('disk trouble');
    jest.restoreAllMocks();
    expect(await readTree(tmp)).toEqual(before);
    expect((await fs.readdir(tmp)).sort()).toEqual(['dist', 'home', 'project']);
  });
});

describe('buildCommand', () => {
  test('a refused folder: exit 2, the reason, nothing written', async () => {
    const lines: string[] = [];
    const push = (text: string): void => {
      lines.push(...text.replace(/\n$/, '').split('\n'));
    };
    const io: CliIo = {
      stdout: push,
      stderr: push,
      stderrIsTty: false,
      columns: undefined,
      env: {},
      cwd: tmp,
    };
    const before = await readTree(tmp);
    const code = await buildCommand(
      {
        appPath: path.join(__dirname, '../fixtures/apps/minimal/index.ts'),
        outDir: '.',
      },
      io,
    );
    expect(code).toBe(2);
    expect(lines).toEqual([
      `refusing to write the build to ${tmp}: it is the current folder or one of its parents.`,
      'Nothing was written.',
    ]);
    expect(await readTree(tmp)).toEqual(before);
  });
});

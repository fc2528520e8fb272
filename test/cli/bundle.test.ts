// bin/cli-bundle.js: the CLI's compiled form is rebuilt whenever lib/ changes, is never used
// stale, and its failure only sends the CLI back to tsx.
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../../lib/cli/io';
import { REPO } from './helpers';

jest.setTimeout(60_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the bin's own CommonJS module
const { bundledCli } = require('../../bin/cli-bundle.js') as {
  bundledCli(options?: { cacheDir?: string; env?: NodeJS.ProcessEnv }): string | undefined;
};

// Inside node_modules, where the bundle's own requires of packages resolve.
const CACHE = path.join(REPO, 'node_modules', '.cache', `cli-bundle-test-${process.pid}`);
afterAll(() => fs.rmSync(CACHE, { recursive: true, force: true }));

test('built once, reused while lib/ is unchanged, rebuilt (and the old one removed) after an edit', () => {
  const first = bundledCli({ cacheDir: CACHE, env: {} });
  expect(first).toMatch(/cli-[0-9a-f]{24}\.js$/);
  const built = fs.statSync(first as string).mtimeMs;
  expect(bundledCli({ cacheDir: CACHE, env: {} })).toBe(first);
  expect(fs.statSync(first as string).mtimeMs).toBe(built);

  // An edit is a new modification time: touch one source (its content stays as it is).
  const source = path.join(REPO, 'lib', 'cli', 'table.ts');
  const { atime, mtime } = fs.statSync(source);
  try {
    fs.utimesSync(source, atime, new Date(mtime.getTime() + 1000));
    const second = bundledCli({ cacheDir: CACHE, env: {} });
    expect(second).not.toBe(first);
    expect(fs.readdirSync(CACHE)).toEqual([path.basename(second as string)]);
  } finally {
    fs.utimesSync(source, atime, mtime);
  }
});

test('the bundle is the CLI: --help lists the commands', async () => {
  const file = bundledCli({ cacheDir: CACHE, env: {} }) as string;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known at run time
  const { runCli } = require(file) as typeof import('../../lib/cli/main');
  let stdout = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    stderrIsTty: false,
    columns: undefined,
    env: {},
    cwd: REPO,
  };
  expect(await runCli(['--help'], io)).toBe(0);
  for (const command of ['build', 'run', 'record', 'deploy', 'docs', 'simulator']) {
    expect(stdout).toContain(`  ${command} `);
  }
});

test('HOTMART_MAKE_NO_BUNDLE=1 or a cache that cannot be written means tsx instead', () => {
  expect(bundledCli({ cacheDir: CACHE, env: { HOTMART_MAKE_NO_BUNDLE: '1' } })).toBeUndefined();
  const file = path.join(CACHE, 'a-file');
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(file, '');
  expect(bundledCli({ cacheDir: path.join(file, 'below'), env: {} })).toBeUndefined();
});

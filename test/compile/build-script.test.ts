// The real entry points, spawned as `npm run build` would run them: that each parses its options
// and turns the command's result into the exit code. Each spawn costs over a second of CPU, so
// one case per script runs here; what the commands do with other definitions is tested
// in-process (test/compile/build.test.ts).
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readTree, REPO_ROOT } from './support/fixtures';

const run = promisify(execFile);
// tsx's own entry, run by this node: `npx tsx` would add npm's start-up to every case.
const TSX_CLI = require.resolve('tsx/cli');

async function tsx(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX_CLI, script, ...args], {
      cwd: REPO_ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const COMPLETE = path.join(REPO_ROOT, 'test/fixtures/apps/complete/index.ts');
const BROKEN = path.join(REPO_ROOT, 'test/fixtures/apps/broken/index.ts');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'hotmart-make-script-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('scripts/build.ts and scripts/validate.ts', () => {
  const out = (): string => path.join(tmp, 'dist');

  test('build writes the app and exits 0', async () => {
    const result = await tsx('scripts/build.ts', ['--app', COMPLETE, '--dist', out()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote 44 files to ${out()}`);
    expect((await readTree(out())).has('makecomapp.json')).toBe(true);
  }, 60_000);

  test('validate: exit 1 on an invalid definition, every problem printed', async () => {
    const bad = await tsx('scripts/validate.ts', ['--app', BROKEN]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('3 problems in the app definition:');
    expect(bad.stdout).toBe('');
  }, 60_000);
});

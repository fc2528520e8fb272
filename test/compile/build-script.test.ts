// The real entry points, spawned as `npm run build` would run them.
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

  test('an invalid definition: exit 1, every problem printed, the previous output byte-identical', async () => {
    const before = await readTree(out());
    expect(before.size).toBe(45); // 44 files and the build marker
    const result = await tsx('scripts/build.ts', ['--app', BROKEN, '--dist', out()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3 problems in the app definition:');
    expect(result.stderr).toContain(
      'module listTasks: modules/list-tasks/list-tasks.communication.iml.json#/1/response/iterat: unknown key "iterat" (did you mean "iterate"?) [schema/additionalProperties]',
    );
    expect(result.stderr).toContain('[module-in-one-group]');
    expect(result.stderr).toContain('[sanitize-covers-secrets]');
    expect(result.stderr).toContain(`Nothing was written; ${out()} is unchanged.`);
    expect(await readTree(out())).toEqual(before);
    expect(await fs.readdir(tmp)).toEqual(['dist']);
  }, 60_000);

  test('validate: exit 1 on an invalid definition, 0 on a valid one', async () => {
    const bad = await tsx('scripts/validate.ts', ['--app', BROKEN]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('3 problems in the app definition:');
    const good = await tsx('scripts/validate.ts', ['--app', COMPLETE]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('The app "acme-fixture" is valid.');
  }, 60_000);
});

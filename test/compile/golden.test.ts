// The complete fixture app compiled and rendered must equal the committed files in
// __golden__/complete/. After an intended change, regenerate them with
//   UPDATE_GOLDEN=1 npx jest test/compile/golden.test.ts
// and review the diff.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compileApp, renderFiles } from '../../lib/compile';
import { readTree } from './support/fixtures';
import complete from '../fixtures/apps/complete';

const GOLDEN = path.join(__dirname, '__golden__', 'complete');

async function build(): Promise<Map<string, string>> {
  return renderFiles(compileApp(complete));
}

describe('golden output of the complete fixture app', () => {
  beforeAll(async () => {
    if (process.env.UPDATE_GOLDEN !== '1') return;
    await fs.rm(GOLDEN, { recursive: true, force: true });
    for (const [file, text] of await build()) {
      await fs.mkdir(path.dirname(path.join(GOLDEN, file)), { recursive: true });
      await fs.writeFile(path.join(GOLDEN, file), text);
    }
  });

  test('the same set of files', async () => {
    expect([...(await build()).keys()]).toEqual([...(await readTree(GOLDEN)).keys()]);
  });

  test('every file byte-identical', async () => {
    const golden = await readTree(GOLDEN);
    for (const [file, text] of await build()) {
      expect({ file, text }).toEqual({ file, text: golden.get(file) });
    }
  });

  test('two complete builds are byte-identical', async () => {
    const first = await build();
    const second = await build();
    expect([...second]).toEqual([...first]);
  });
});

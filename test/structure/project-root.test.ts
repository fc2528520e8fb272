// The CLI's bundle (bin/cli-bundle.js) defines `__dirname` as lib/shared's path for every bundled
// file, which is right only for lib/shared/project-root.ts: no other file under lib/ may read it.
import fs from 'node:fs';
import path from 'node:path';
import { typeScriptFiles } from '../support/source-files';

const LIB = path.resolve(__dirname, '..', '..', 'lib');

test('only lib/shared/project-root.ts reads __dirname', () => {
  const readers = typeScriptFiles(LIB)
    .filter((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => !line.trim().startsWith('//') && /\b__(dirname|filename)\b/.test(line)),
    )
    .map((file) => path.relative(LIB, file));
  expect(readers).toEqual([path.join('shared', 'project-root.ts')]);
});

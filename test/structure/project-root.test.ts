// The CLI's bundle (bin/cli-bundle.js) defines `__dirname` as lib/shared's path for every bundled
// file, which is right only for lib/shared/project-root.ts: no other file under lib/ may read it.
import fs from 'node:fs';
import path from 'node:path';

const LIB = path.resolve(__dirname, '..', '..', 'lib');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('only lib/shared/project-root.ts reads __dirname', () => {
  const readers = tsFiles(LIB)
    .filter((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .some((line) => !line.trim().startsWith('//') && /\b__(dirname|filename)\b/.test(line)),
    )
    .map((file) => path.relative(LIB, file));
  expect(readers).toEqual([path.join('shared', 'project-root.ts')]);
});

// prettier deletes its cache whenever it runs without --cache (and without --cache-location), so
// one `npm run format` without it made the next `npm test` check every file again (about 20 s
// instead of 3). Both scripts that run prettier over the project keep the same cache.
import fs from 'node:fs';
import path from 'node:path';

const scripts = (
  JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

test.each(['format', 'format:check'])('npm run %s keeps prettier’s content cache', (name) => {
  const command = scripts[name] ?? '';
  expect(command).toMatch(/^prettier /);
  expect(command).toContain(' --cache --cache-strategy content ');
});

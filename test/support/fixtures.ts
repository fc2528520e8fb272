// Hotmart response bodies recorded in the shape of the API reference's examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures', 'hotmart');

/** The parsed JSON of `test/fixtures/hotmart/<name>.json`. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as T;
}

// Every `§` citation in the code points into one of the references kept outside the repository
// (make-app-format.md, hotmart-api.md). So that a reader of the repository alone can follow it,
// the README of the cited code's folder states each cited fact in its "References cited in the
// code" section, keyed by the citation (`make-app-format §7`, `hotmart-api §4.1`,
// `make-app-format §18 #3`). This test finds every citation and fails on one the README lacks.
import fs from 'node:fs';
import path from 'node:path';
import { typeScriptFiles } from '../support/source-files';

const ROOT = path.resolve(__dirname, '..', '..');
const SECTION = '## References cited in the code';

type Doc = 'make-app-format' | 'hotmart-api';

/** Which README explains a folder's citations, and what a bare `§` in that folder refers to. */
function homeOf(file: string): { readme: string; defaultDoc: Doc } | undefined {
  const lib = /^lib\/([^/]+)\//.exec(file);
  if (lib) {
    return {
      readme: `lib/${lib[1]}/README.md`,
      defaultDoc: lib[1] === 'simulator' ? 'hotmart-api' : 'make-app-format',
    };
  }
  if (/^(modules|connections|app)\//.test(file)) {
    return { readme: 'modules/README.md', defaultDoc: 'hotmart-api' };
  }
  return undefined;
}

/** Repository-relative paths of a folder's hand-written TypeScript. */
function sourceFiles(dir: string): string[] {
  return typeScriptFiles(path.join(ROOT, dir))
    .filter((file) => !file.endsWith('.generated.ts'))
    .map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
}

/** The citation keys of one line: `make-app-format §5`, `make-app-format §18 #3`, … */
export function citationsOf(line: string, defaultDoc: Doc): string[] {
  const keys: string[] = [];
  const pattern = /(make-app-format|hotmart-api|RFC \d+)?(?:\.md)?[^§(]{0,12}?§\s*(\d+(?:\.\d+)*)/g;
  let doc: Doc = defaultDoc;
  for (const match of line.matchAll(pattern)) {
    const named = match[1];
    if (named?.startsWith('RFC')) continue;
    if (named === 'make-app-format' || named === 'hotmart-api') doc = named;
    const section = match[2] as string;
    if (section !== '18' || doc !== 'make-app-format') {
      keys.push(`${doc} §${section}`);
      continue;
    }
    const rest = line.slice((match.index ?? 0) + match[0].length).split(/[);]/)[0] ?? '';
    for (const item of rest.matchAll(/#(\d+)(?:\s*[-–]\s*#?(\d+))?/g)) {
      const first = Number(item[1]);
      const last = item[2] === undefined ? first : Number(item[2]);
      for (let n = first; n <= last; n += 1) keys.push(`${doc} §18 #${n}`);
    }
  }
  return keys;
}

const files = ['lib', 'modules', 'connections', 'app'].flatMap(sourceFiles);
const wanted = new Map<string, Map<string, string>>();
for (const file of files) {
  const home = homeOf(file);
  if (home === undefined) continue;
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  lines.forEach((line, index) => {
    for (const key of citationsOf(line, home.defaultDoc)) {
      const keys = wanted.get(home.readme) ?? new Map<string, string>();
      if (!keys.has(key)) keys.set(key, `${file}:${index + 1}`);
      wanted.set(home.readme, keys);
    }
  });
}

test('citations are read as the README keys them', () => {
  expect(
    citationsOf('// Pagination (make-app-format §7; decisions §18 #15-#19) as', 'hotmart-api'),
  ).toEqual([
    'make-app-format §7',
    'make-app-format §18 #15',
    'make-app-format §18 #16',
    'make-app-format §18 #17',
    'make-app-format §18 #18',
    'make-app-format §18 #19',
  ]);
  expect(citationsOf('(hotmart-api.md §1.2, §2).', 'make-app-format')).toEqual([
    'hotmart-api §1.2',
    'hotmart-api §2',
  ]);
  expect(citationsOf('(RFC 8259 §8.1 lets parsers ignore it)', 'make-app-format')).toEqual([]);
  expect(citationsOf('Brazil time (reference §3.2).', 'hotmart-api')).toEqual(['hotmart-api §3.2']);
});

test('the code cites the references somewhere (the scan works)', () => {
  expect([...wanted.values()].reduce((sum, keys) => sum + keys.size, 0)).toBeGreaterThan(40);
});

describe.each([...wanted.keys()].sort())('%s', (readme) => {
  test('states every fact its folder cites', () => {
    const text = fs.existsSync(path.join(ROOT, readme))
      ? fs.readFileSync(path.join(ROOT, readme), 'utf8')
      : '';
    const start = text.indexOf(SECTION);
    const section = start === -1 ? '' : text.slice(start);
    const missing = [...(wanted.get(readme) ?? new Map<string, string>())]
      .filter(([key]) => !section.includes(`\`${key}\``))
      .map(([key, at]) => `${key} (cited at ${at})`);
    expect(missing).toEqual([]);
  });
});

// `npx hotmart-make new module`: scaffolded into a copy of the project, a new module makes
// `npm start` (its tour), the docs check and its own tests pass without any other edit; a
// refused scaffold changes nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../lib/cli/io';
import { scaffoldModule } from '../../lib/cli/scaffold';
import { runTour } from '../../lib/cli/tour';
import { generateDocsFromModule } from '../../lib/docs';

jest.setTimeout(180_000);

const REPO = path.resolve(__dirname, '../..');
const COPIED = [
  'app',
  'bin',
  'connections',
  'docs',
  'lib',
  'modules',
  'schemas',
  'scripts',
  'test',
];
const COPIED_FILES = ['package.json', 'tsconfig.json', 'jest.config.js', '.prettierrc.json'];

/** The project's sources in a temp folder, sharing node_modules (read-only use). */
function copyProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'new-module-'));
  for (const dir of COPIED) {
    fs.cpSync(path.join(REPO, dir), path.join(root, dir), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}test-output`),
    });
  }
  for (const file of COPIED_FILES) fs.copyFileSync(path.join(REPO, file), path.join(root, file));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

function quietIo(cwd: string): { io: CliIo; out: () => string } {
  let out = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        out += text;
      },
      stderrIsTty: false,
      columns: undefined,
      env: {},
      cwd,
    },
    out: () => out,
  };
}

let root: string;
beforeAll(() => {
  root = copyProject();
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

test('a scaffolded search and action: npm start, the docs check and its own tests pass as they are', async () => {
  // Through the real binary, from the copy's own sources (its project root is the copy).
  const scaffold = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'hotmart-make.js'), 'new', 'module', ...args],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, HOTMART_MAKE_NO_BUNDLE: '1' },
      },
    );
  const created = scaffold('listRefundRequests', '--type', 'search');
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
  const action = scaffold(
    'requestRefund',
    '--type',
    'action',
    '--label',
    'Request a Refund',
    '--group',
    'Sales',
  );
  expect(action.stderr).toBe('');
  expect(action.status).toBe(0);
  expect(fs.readFileSync(path.join(root, 'app', 'groups.ts'), 'utf8')).toMatch(
    /'listSalesPriceDetails',\s*'requestRefund'/,
  );
  expect(created.stdout).toContain('modules/list-refund-requests/list-refund-requests.module.ts');
  expect(fs.readFileSync(path.join(root, 'modules', 'index.ts'), 'utf8')).toContain(
    "import listRefundRequests from './list-refund-requests/list-refund-requests.module';",
  );
  expect(fs.readFileSync(path.join(root, 'app', 'groups.ts'), 'utf8')).toContain(
    "'makeApiCall', 'listRefundRequests'",
  );

  // npm start
  const tour = quietIo(root);
  const code = await runTour(tour.io, { root });
  expect(tour.out()).toMatch(/\nlistRefundRequests +ok +[1-9]\d* +/);
  expect(tour.out()).toMatch(/\nrequestRefund +ok +1 +/);
  expect(code).toBe(0);

  // The docs check: the index and the new pages as a whole generation writes them (a page
  // depends on its own module only, so the other pages are the committed ones, unchanged).
  const pages = await generateDocsFromModule(path.join(root, 'app', 'index.ts'), {
    only: ['listRefundRequests', 'requestRefund'],
  });
  expect(pages.has('docs/modules/listRefundRequests.md')).toBe(true);
  expect(pages.has('docs/modules/requestRefund.md')).toBe(true);
  for (const [file, text] of pages) {
    expect([file, fs.readFileSync(path.join(root, file), 'utf8') === text]).toEqual([file, true]);
  }

  // Its own tests, and the app's (which pin the modules as a subset).
  const jest = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--ci',
      // Three files: one process is quicker than starting a worker per core.
      '--runInBand',
      // The outer run shares the two cores: no default 5 s timeout in here.
      '--testTimeout=60000',
      'test/modules/list-refund-requests.test.ts',
      'test/modules/request-refund.test.ts',
      'test/modules/app.test.ts',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (jest.status !== 0) process.stdout.write(jest.stderr.slice(0, 4000));
  expect(jest.stderr).toMatch(/Tests: +\d+ passed, \d+ total/);
  expect(jest.status).toBe(0);
});

test('a refused scaffold writes nothing and says why', () => {
  const before = fs.readFileSync(path.join(root, 'modules', 'index.ts'), 'utf8');
  expect(() => scaffoldModule({ root, name: 'listSales', type: 'search' })).toThrow(
    'a module named listSales (or the folder modules/list-sales) exists already; nothing was written.',
  );
  expect(() => scaffoldModule({ root, name: 'Bad-Name', type: 'action' })).toThrow(
    /is not a module name Make accepts/,
  );
  expect(() => scaffoldModule({ root, name: 'fineName', type: 'action', group: 'Nope' })).toThrow(
    'app/groups.ts: no group labelled "Nope".',
  );
  expect(fs.readFileSync(path.join(root, 'modules', 'index.ts'), 'utf8')).toBe(before);
  expect(fs.existsSync(path.join(root, 'modules', 'fine-name'))).toBe(false);
});

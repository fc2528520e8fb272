// An app as Make's own tooling writes it (test/fixtures/make-layout/acme-notes): no
// general/manifest.json, `.imljson` code files with comments, a null readme, absent codeFiles,
// labels and connectionType, and templates with `;` separators and an unknown root. The runtime
// reads it with the `make` profile (the default), which keeps our own rules as warnings, and runs
// its module.
import path from 'node:path';
import nock from 'nock';
import { createConnection, loadApp, runModule } from '../../lib/runtime';
import { CREDENTIALS } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';

installLeakCheck();

const DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-notes');
const ACME = 'https://api.acme.test';

test('reads a layout written by Make’s tooling, with Make’s defaults for what it leaves out', async () => {
  const app = await loadApp(DIR);
  const { manifest, readme, common, connections, modules } = app.definition;
  // Our own rules still speak, as warnings: the typo'd root, for one.
  expect(app.warnings.some((line) => line.includes('[iml-root-known]'))).toBe(true);
  await expect(loadApp(DIR, { profile: 'strict' })).rejects.toMatchObject({ code: 'APP_INVALID' });
  expect(manifest).toMatchObject({ name: 'acme-notes', label: 'Acme Notes', version: 2 });
  expect([readme, common]).toEqual(['', null]);
  expect(connections[0]).toMatchObject({ name: 'acmeKey', label: 'Acme', type: 'basic' });
  expect(modules[0]).toMatchObject({
    name: 'listNotes',
    label: 'listNotes',
    description: '',
    connection: 'acmeKey',
    staticParameters: [],
    interface: [],
    samples: {},
    scope: [],
  });
});

test('runs its module: JSONC, `;` separators and an unknown root read as empty', async () => {
  const app = await loadApp(DIR);
  const api = nock(ACME)
    .get('/v1/me')
    .matchHeader('x-api-key', CREDENTIALS.apiKey)
    .reply(200, { id: 'u1' })
    .get('/v1/notes')
    .query({ tag: 'all' })
    .matchHeader('x-api-key', CREDENTIALS.apiKey)
    .reply(200, {
      notes: [
        { id: 1, title: 'first' },
        { id: 2, title: 'second' },
      ],
    });
  const connection = await createConnection(app, 'acmeKey', { apiKey: CREDENTIALS.apiKey });
  const { bundles } = await runModule(app, 'listNotes', { connection });
  api.done();
  expect(bundles).toEqual([
    { id: 1, title: 'FIRST' },
    { id: 2, title: 'SECOND' },
  ]);
});

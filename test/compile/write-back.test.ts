// Reading a layout and writing the app back (lib/compile/write-back.ts; issue 11's round trip):
// unchanged, every file comes back byte for byte, JSONC comments included; changed, only what
// changed is rendered anew and everything the source model does not hold is kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import app from '../../app';
import {
  appFromFiles,
  compileApp,
  readLayout,
  renderFiles,
  writeBackLayout,
  type LayoutSource,
} from '../../lib/compile';
import type { App } from '../../lib/types';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'make-layout');

/** Every app folder under test/fixtures/make-layout, in either of Make's layouts. */
function layoutFolders(dir: string): string[] {
  if (['makecomapp.json', 'metadata.json'].some((file) => fs.existsSync(path.join(dir, file)))) {
    return [dir];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => layoutFolders(path.join(dir, entry.name)));
}

function read(dir: string): { source: LayoutSource; app: App } {
  const source = readLayout(dir);
  return { source, app: appFromFiles(source.values) };
}

/** The paths whose text differs between two file maps, and the paths only one of them has. */
function differences(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((file) => a.get(file) !== b.get(file)).sort();
}

const CRM = path.join(FIXTURES, 'acme-crm', 'src');

describe('unchanged, every test app comes back byte for byte', () => {
  const folders = layoutFolders(FIXTURES).map((dir) => path.relative(FIXTURES, dir));

  test('the fixtures cover Make’s layouts and component kinds', () => {
    expect(folders).toEqual(['acme-crm/src', 'acme-helpdesk', 'acme-notes', 'acme-reports']);
  });

  test.each(folders)('%s', async (folder) => {
    const dir = path.join(FIXTURES, folder);
    const { source, app: definition } = read(dir);
    const files = await writeBackLayout(definition, source);
    expect(differences(files, source.texts)).toEqual([]);
    // …and the texts are the bytes on disk: comments, formatting, extensions, paths.
    for (const [file, text] of files) {
      expect(text).toBe(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  });

  test.each(folders)(
    '%s: the source model holds every section (compiled afresh, it reads back equal)',
    (folder) => {
      const { app: definition } = read(path.join(FIXTURES, folder));
      expect(appFromFiles(compileApp(definition))).toEqual(definition);
    },
  );

  test('our own built app too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-back-'));
    try {
      for (const [file, text] of await renderFiles(compileApp(app))) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      const { source, app: definition } = read(dir);
      expect(differences(await writeBackLayout(definition, source), source.texts)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('changed, only what changed is written anew', () => {
  test('a changed code file is rendered at its own path; every other file keeps its text', async () => {
    const { source, app: definition } = read(CRM);
    const module = definition.modules.find((m) => m.name === 'GetContact');
    if (module === undefined) throw new Error('the fixture has GetContact');
    module.communication = { url: '/contacts/{{parameters.id}}', response: { output: '{{body}}' } };
    const files = await writeBackLayout(definition, source);
    expect(differences(files, source.texts)).toEqual([
      'modules/get-contact2/get-contact.communication.iml.json',
    ]);
    expect(
      JSON.parse(files.get('modules/get-contact2/get-contact.communication.iml.json') ?? ''),
    ).toEqual(module.communication);
  });

  test('metadata changes touch makecomapp.json only, keeping origins, webhooks and the readme path', async () => {
    const { source, app: definition } = read(CRM);
    const module = definition.modules.find((m) => m.name === 'searchContacts');
    if (module === undefined) throw new Error('the fixture has searchContacts');
    module.label = 'Search Contacts in a List';
    const files = await writeBackLayout(definition, source);
    expect(differences(files, source.texts)).toEqual(['makecomapp.json']);
    const before = source.values.get('makecomapp.json') as Record<string, unknown>;
    const after = JSON.parse(files.get('makecomapp.json') ?? '') as typeof before;
    expect(after.origins).toEqual(before.origins);
    expect(after.generalCodeFiles).toEqual(before.generalCodeFiles);
    expect((after.components as { webhook: unknown }).webhook).toEqual(
      (before.components as { webhook: unknown }).webhook,
    );
    expect(after).toMatchObject({
      components: { module: { searchContacts: { label: 'Search Contacts in a List' } } },
    });
  });

  test('a new component gets an entry and files at the default paths; a removed one loses both', async () => {
    const { source, app: definition } = read(CRM);
    const template = definition.modules.find((m) => m.name === 'getContact');
    if (template === undefined) throw new Error('the fixture has getContact');
    definition.modules = definition.modules.filter((m) => m.name !== 'GetContact');
    definition.modules.push({
      ...structuredClone(template),
      name: 'deleteContact',
      label: 'Delete',
    });
    const files = await writeBackLayout(definition, source);
    const changed = differences(files, source.texts);
    expect(changed).toContain('makecomapp.json');
    expect(changed.filter((file) => file.startsWith('modules/get-contact2/'))).toEqual([
      'modules/get-contact2/get-contact.communication.iml.json',
      'modules/get-contact2/get-contact.mappable-params.iml.json',
    ]);
    expect([...files.keys()].some((file) => file.startsWith('modules/get-contact2/'))).toBe(false);
    expect([...files.keys()].filter((file) => file.startsWith('modules/delete-contact/'))).toEqual(
      expect.arrayContaining([
        'modules/delete-contact/delete-contact.communication.iml.json',
        'modules/delete-contact/delete-contact.interface.iml.json',
      ]),
    );
    const manifest = JSON.parse(files.get('makecomapp.json') ?? '') as {
      components: { module: Record<string, unknown> };
    };
    expect(Object.keys(manifest.components.module)).toEqual([
      'watchContacts',
      'searchContacts',
      'getContact',
      'deleteContact',
    ]);
    // Read back, the written layout gives the edited app.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-back-'));
    try {
      for (const [file, text] of files) {
        const target = path.resolve(dir, 'src', file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      }
      expect(read(path.join(dir, 'src')).app).toEqual(definition);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Make’s older per-component layout', () => {
  const HELPDESK = path.join(FIXTURES, 'acme-helpdesk');

  test('a changed section is written in place, under its old name; no makecomapp.json appears', async () => {
    const { source, app: definition } = read(HELPDESK);
    const rpc = definition.rpcs[0];
    if (rpc === undefined) throw new Error('the fixture has an RPC');
    rpc.communication = { url: '/queues?active=true', response: { iterate: '{{body.queues}}' } };
    const files = await writeBackLayout(definition, source);
    expect(differences(files, source.texts)).toEqual(['rpcs/listQueues/api.imljson']);
    expect(files.has('makecomapp.json')).toBe(false);
    expect(files.has('modules/listTickets/metadata.json')).toBe(true);
  });

  test('a metadata change is refused with a clear error, nothing half-written', async () => {
    const { source, app: definition } = read(HELPDESK);
    const module = definition.modules[0];
    if (module === undefined) throw new Error('the fixture has modules');
    module.label = 'Open a Ticket';
    await expect(writeBackLayout(definition, source)).rejects.toMatchObject({
      code: 'LAYOUT_EDIT_UNSUPPORTED',
      message: expect.stringContaining('need the makecomapp.json layout') as unknown,
    });
  });
});

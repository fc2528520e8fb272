// An app as Make's own tooling writes it (test/fixtures/make-layout/acme-notes): no
// general/manifest.json, `.imljson` code files with comments, a null readme, absent codeFiles,
// labels and connectionType, and templates with `;` separators and an unknown root. The runtime
// reads it with the `make` profile (the default), which keeps our own rules as warnings, and runs
// its module.
import path from 'node:path';
import nock from 'nock';
import { appFromFiles, readLayoutFiles } from '../../lib/compile';
import { createConnection, loadApp, runModule, runTrigger } from '../../lib/runtime';
import { checkApp, formatIssue } from '../../lib/validate';
import { CREDENTIALS, SECRET_MARK } from './helpers/app';
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

test('warnings name the files as the layout’s makecomapp.json does', async () => {
  const app = await loadApp(DIR);
  const root = app.warnings.find((line) => line.includes('[iml-root-known]'));
  expect(root).toContain('modules/list-notes/list-notes.communication.imljson#/qs/owner');
});

test('reads every component kind Make’s tooling writes (acme-crm: OAuth scope files, webhooks, numbered folders)', async () => {
  const crm = await loadApp(path.resolve(DIR, '..', 'acme-crm', 'src'));
  const { readme, connections, webhooks, modules } = crm.definition;
  expect(readme).toContain('# Acme CRM for Make');
  expect(connections[0]).toMatchObject({
    type: 'oauth',
    scopeList: { 'contacts.read': 'Read your contacts' },
    defaultScope: ['contacts.read'],
    installSpec: null,
    installDirectives: null,
  });
  expect(webhooks).toEqual([
    expect.objectContaining({
      name: 'acmeEvents',
      type: 'web',
      connection: 'acmeOauth',
      scope: ['hooks'],
      detach: { url: '/hooks/{{webhook.hookId}}', method: 'DELETE' },
    }),
  ]);
  expect(modules.map((m) => [m.name, (m as { webhook?: string }).webhook, m.label])).toEqual([
    ['watchContacts', 'acmeEvents', 'Watch Contacts'],
    ['searchContacts', undefined, 'Search Contacts'],
    ['getContact', undefined, 'Get a Contact'],
    ['GetContact', undefined, 'Get a Contact (legacy)'],
  ]);
});

test('issues inside a numbered folder name that folder’s file, not its namesake’s', () => {
  const dir = path.resolve(DIR, '..', 'acme-crm', 'src');
  const files = readLayoutFiles(dir);
  const app = appFromFiles(files);
  for (const module of app.modules.filter((m) => m.name.toLowerCase() === 'getcontact')) {
    module.communication = { url: '{{paramters.id}}', response: { output: '{{body}}' } };
  }
  const placement = { manifest: files.get('makecomapp.json'), kind: 'makecomapp' } as const;
  const lines = checkApp(app, 'make', placement).warnings.map(formatIssue);
  expect(lines.filter((line) => line.includes('[iml-root-known]'))).toEqual([
    expect.stringContaining(
      'module getContact: modules/get-contact/get-contact.communication.iml.json#/url',
    ),
    expect.stringContaining(
      'module GetContact: modules/get-contact2/get-contact.communication.iml.json#/url',
    ),
  ]);
});

describe('Make’s older per-component layout (test/fixtures/make-layout/acme-helpdesk)', () => {
  const HELPDESK = path.resolve(DIR, '..', 'acme-helpdesk');

  test('reads metadata.json files, section files and typeId into the same model', async () => {
    const app = await loadApp(HELPDESK);
    const { manifest, readme, modules, rpcs, webhooks, functions } = app.definition;
    expect(manifest).toMatchObject({ name: 'acme-helpdesk', label: 'Acme Helpdesk', version: 3 });
    expect(readme).toContain('older per-component layout');
    const loose = modules as Array<{ name: string; type: string; crud?: string; webhook?: string }>;
    expect(loose.map((m) => [m.name, m.type, m.crud, m.webhook])).toEqual([
      ['createTicket', 'action', 'create', undefined],
      ['listTickets', 'search', undefined, undefined],
      ['watchNewTickets', 'trigger', undefined, undefined],
      ['watchTickets', 'instant_trigger', undefined, 'ticketEvents'],
    ]);
    expect(modules[1]?.mappableParameters.map((p) => p.name)).toEqual(['queue', 'limit']);
    expect(rpcs.map((r) => r.name)).toEqual(['listQueues']);
    expect(webhooks?.map((w) => [w.name, w.type, Boolean(w.attach), Boolean(w.detach)])).toEqual([
      ['ticketEvents', 'web', true, true],
    ]);
    expect(functions?.map((f) => f.name)).toEqual(['priorityLabel']);
  });

  test('issues about metadata name the component’s metadata.json', async () => {
    const app = await loadApp(HELPDESK);
    expect(app.warnings).toContain(
      'module createTicket: modules/createTicket/metadata.json: module "createTicket" is not in any group; add it to one in groups [module-in-one-group]',
    );
  });

  test('runs an action whose body is an IML object literal, with ; separators and an extra argument', async () => {
    const app = await loadApp(HELPDESK);
    // Make ignores the extra argument; the make profile only warns about it.
    expect(app.warnings.some((line) => line.includes('[iml-arity]'))).toBe(true);
    const api = nock('https://helpdesk.acme.test')
      .get('/api/me')
      .reply(200, {})
      .post('/api/queues/q1/tickets', { subject: 'Printer', priority: 2, channel: 'make' })
      .reply(200, { id: 9 });
    const connection = await createConnection(app, 'acme', { apiKey: CREDENTIALS.apiKey });
    const { bundles } = await runModule(app, 'createTicket', {
      connection,
      parameters: { queue: 'q1', subject: 'Printer' },
    });
    api.done();
    expect(bundles).toEqual([{ id: 9 }]);
  });

  test('runs its polling trigger twice: the second run gets the state and only the new ticket', async () => {
    const app = await loadApp(HELPDESK);
    const api = nock('https://helpdesk.acme.test')
      .get('/api/me')
      .reply(200, {})
      .get('/api/queues/q1/tickets')
      .query({ sort: '-id', page: '1' })
      .reply(200, {
        tickets: [
          { id: 12, subject: 'b' },
          { id: 11, subject: 'a' },
        ],
        has_more: false,
      })
      .get('/api/queues/q1/tickets')
      .query({ sort: '-id', page: '1' })
      .reply(200, {
        tickets: [
          { id: 13, subject: 'c' },
          { id: 12, subject: 'b' },
        ],
        has_more: true,
      });
    const connection = await createConnection(app, 'acme', { apiKey: CREDENTIALS.apiKey });
    const parameters = { queue: 'q1' };
    const first = await runTrigger(app, 'watchNewTickets', { connection, parameters });
    expect(first.bundles).toEqual([
      { id: 11, subject: 'a' },
      { id: 12, subject: 'b' },
    ]);
    // desc order: ticket 12 was seen, so page 2 is never asked for.
    const second = await runTrigger(app, 'watchNewTickets', {
      connection,
      parameters,
      state: first.state,
    });
    api.done();
    expect(second.bundles).toEqual([{ id: 13, subject: 'c' }]);
    expect(second.state).toEqual({ lastID: 13 });
  });

  test('runs a search whose output calls the app’s function, paginating', async () => {
    const app = await loadApp(HELPDESK);
    const api = nock('https://helpdesk.acme.test')
      .get('/api/me')
      .reply(200, {})
      .get('/api/queues/q1/tickets')
      .query({ page: '1' })
      .reply(200, { tickets: [{ id: 1, subject: 'a', priority: 3 }], has_more: true })
      .get('/api/queues/q1/tickets')
      .query({ page: '2' })
      .reply(200, { tickets: [{ id: 2, subject: 'b', priority: 7 }], has_more: false });
    const connection = await createConnection(app, 'acme', { apiKey: CREDENTIALS.apiKey });
    const { bundles } = await runModule(app, 'listTickets', {
      connection,
      parameters: { queue: 'q1' },
    });
    api.done();
    expect(bundles).toEqual([
      { id: 1, subject: 'a', priority: 'High' },
      { id: 2, subject: 'b', priority: 'Unknown' },
    ]);
  });
});

describe('an OAuth authorization-code app in Make’s layout (acme-crm), resumed from stored tokens', () => {
  const CRM = path.resolve(DIR, '..', 'acme-crm', 'src');
  const NOW = new Date('2026-03-01T10:00:00Z');

  /** The connection resumed from stored tokens that expire at `expires`, then Get a Contact. */
  async function resumeAndGet(expires: string): Promise<{ bundles: unknown[]; data: unknown }> {
    const app = await loadApp(CRM);
    const connection = await createConnection(
      app,
      'acmeOauth',
      {},
      {
        now: () => NOW,
        data: {
          accessToken: CREDENTIALS.apiKey,
          refreshToken: `${SECRET_MARK}-refresh-token`,
          expires,
        },
      },
    );
    const { bundles } = await runModule(app, 'getContact', {
      connection,
      parameters: { id: 'c_1' },
    });
    return { bundles, data: connection.data };
  }

  test('fresh tokens: no token or refresh request, the module runs with the stored access token', async () => {
    // Stored data is used as is: neither token nor info runs again.
    const api = nock('https://api.acme.test')
      .get('/v3/contacts/c_1')
      .matchHeader('authorization', `Bearer ${CREDENTIALS.apiKey}`)
      .reply(200, { id: 'c_1', email: 'someone@example.test' });
    const { bundles, data } = await resumeAndGet('2026-03-01T11:00:00.000Z');
    api.done();
    expect(bundles).toEqual([{ id: 'c_1', email: 'someone@example.test' }]);
    expect(data).toMatchObject({ accessToken: CREDENTIALS.apiKey });
  });

  test('expired tokens: the next run refreshes them first (its condition holds), never reruns token', async () => {
    const auth = nock('https://auth.acme.test')
      .post('/token', (body: Record<string, string>) => body.grant_type === 'refresh_token')
      .reply(200, { access_token: CREDENTIALS.token(2), expires_in: 3600 });
    const api = nock('https://api.acme.test')
      .get('/v3/contacts/c_1')
      .matchHeader('authorization', `Bearer ${CREDENTIALS.token(2)}`)
      .reply(200, { id: 'c_1' });
    // Refreshing is part of the next run, before its first request.
    const { bundles, data } = await resumeAndGet('2026-03-01T09:00:00.000Z');
    auth.done();
    api.done();
    expect(bundles).toEqual([{ id: 'c_1' }]);
    expect(data).toMatchObject({ accessToken: CREDENTIALS.token(2) });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createMakeSdk,
  deploy,
  DeployConflictError,
  DeployFailedError,
  formatFailure,
  formatPlan,
  type DeployOptions,
} from '../../lib/deploy';
import { fixtureFiles, MANIFEST, writeFiles, writeFixtureDist } from './fixture-dist';
import { buildDist } from '../cli/helpers';
import { FakeMake, TOKEN, type Call } from './fake-make';

const APP = '/sdk/apps/demo-app/1';
const CONN = '/sdk/apps/connections/demo-app-conn-1';

let fake: FakeMake;
let distDir: string;
let statePath: string;

beforeEach(() => {
  fake = new FakeMake();
  fake.install();
  distDir = writeFixtureDist();
  statePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-state-')), 'state.json');
});

function options(extra: Partial<DeployOptions> = {}): DeployOptions {
  return {
    distDir,
    sdk: createMakeSdk({ token: TOKEN, zone: 'eu1.make.com' }),
    zone: 'eu1.make.com',
    statePath,
    ...extra,
  };
}

const routes = (calls: Call[]): string[] => calls.map((call) => `${call.method} ${call.path}`);

function moduleWrites(name: string, crudPatch = true): string[] {
  const base = `${APP}/modules/${name}`;
  return [
    `POST ${APP}/modules`,
    ...(crudPatch ? [`PATCH ${base}`] : []),
    ...['api', 'parameters', 'expect', 'interface', 'samples', 'scope'].map(
      (s) => `PUT ${base}/${s}`,
    ),
  ];
}

const FIRST_DEPLOY = [
  `GET ${APP}`,
  'POST /sdk/apps',
  'POST /sdk/apps/demo-app/connections',
  `PUT ${CONN}/api`,
  `PUT ${CONN}/parameters`,
  `PUT ${APP}/base`,
  ...moduleWrites('listItems'),
  ...moduleWrites('cancelItem'),
  `PUT ${APP}/groups`,
  `PUT ${APP}/readme`,
];

describe('deploy to Make', () => {
  test('a first deploy creates the app, connection and modules with exactly these calls', async () => {
    const result = await deploy(options());

    expect(routes(fake.calls)).toEqual(FIRST_DEPLOY);
    expect(result.written).toHaveLength(FIRST_DEPLOY.length - 1);
    const byRoute = (route: string): Call | undefined =>
      fake.calls.find((call) => `${call.method} ${call.path}` === route);
    expect(byRoute('POST /sdk/apps')?.body).toEqual({
      name: 'demo-app',
      label: 'Demo',
      description: 'A demo app for deploy tests.',
      theme: '#FF4F00',
      language: 'en',
      audience: 'global',
    });
    expect(byRoute('POST /sdk/apps/demo-app/connections')?.body).toEqual({
      type: 'oauth',
      label: 'Demo account',
    });
    // The module is pointed at the connection's server-generated name.
    expect(byRoute(`PATCH ${APP}/modules/cancelItem`)?.body).toEqual({
      label: 'Cancel an Item',
      description: 'Cancels an item.',
      connection: 'demo-app-conn-1',
      altConnection: null,
      crud: 'update',
    });
    expect(byRoute(`POST ${APP}/modules`)?.body).toEqual({
      name: 'listItems',
      typeId: 9,
      label: 'List Items',
      description: 'Lists items.',
      moduleInitMode: 'blank',
    });
    // Sections are uploaded as the original JSONC text, comments included.
    const api = byRoute(`PUT ${CONN}/api`);
    expect(api?.contentType).toBe('application/jsonc');
    expect(api?.body).toBe(fixtureFiles()['connections/demo/demo.oauth-communication.iml.json']);
    expect(byRoute(`PUT ${APP}/readme`)?.contentType).toBe('text/markdown');
    // Only names are remembered, never the token.
    const state = fs.readFileSync(statePath, 'utf8');
    expect(JSON.parse(state)).toEqual({
      fileVersion: 1,
      apps: {
        'eu1.make.com/demo-app/1': {
          remoteName: 'demo-app',
          connections: { demo: 'demo-app-conn-1' },
        },
      },
    });
    expect(state).not.toContain(TOKEN);
  });

  test('a second deploy with nothing changed reads only and writes nothing', async () => {
    await deploy(options());
    fake.calls.length = 0;

    const result = await deploy(options());

    expect(fake.writes()).toEqual([]);
    expect(result.written).toEqual([]);
    expect(result.plan.items.every((item) => item.action === 'unchanged')).toBe(true);
    expect(routes(fake.calls)).toContain(`GET ${CONN}/api`);
    expect(routes(fake.calls)).toContain(`GET ${APP}/modules/listItems/samples`);
  });

  test('a changed module uploads only its changed sections', async () => {
    await deploy(options());
    fake.calls.length = 0;
    writeFiles(distDir, {
      'modules/list-items/list-items.communication.iml.json': JSON.stringify({
        url: '/items',
        method: 'GET',
        qs: { max_results: 500 },
      }),
      // Same value, other key order and formatting: not a change.
      'modules/list-items/list-items.mappable-params.iml.json': '[{"type":"text","name":"id"}]',
      'modules/list-items/list-items.samples.iml.json': '{ "id": "X2" }',
    });

    const result = await deploy(options());

    expect(routes(fake.writes())).toEqual([
      `PUT ${APP}/modules/listItems/api`,
      `PUT ${APP}/modules/listItems/samples`,
    ]);
    expect(result.plan.items.filter((item) => item.action === 'update')).toHaveLength(2);
  });

  test('changed metadata patches the module and the app', async () => {
    await deploy(options());
    fake.calls.length = 0;
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'makecomapp.json'), 'utf8'));
    manifest.components.module.listItems.label = 'List All Items';
    writeFiles(distDir, { 'makecomapp.json': JSON.stringify(manifest) });

    writeFiles(distDir, {
      'general/manifest.json': JSON.stringify({ ...MANIFEST, description: 'New description.' }),
    });

    await deploy(options());

    expect(routes(fake.writes())).toEqual([`PATCH ${APP}`, `PATCH ${APP}/modules/listItems`]);
    expect(fake.writes()[1]?.body).toMatchObject({ label: 'List All Items' });
  });

  test('a failure half-way reports what was done and a rerun finishes the job', async () => {
    fake.failOnce((call) => call.method === 'PUT' && call.path.endsWith('/cancelItem/expect'));

    const failure = await deploy(options()).then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(DeployFailedError);
    const error = failure as DeployFailedError;
    expect(error.failed).toMatchObject({ target: 'module cancelItem', part: 'expect' });
    expect(error.done.map((item) => `${item.target} ${item.part}`)).toContain(
      'module cancelItem parameters',
    );
    expect(error.notDone.map((item) => `${item.target} ${item.part}`)).toEqual([
      'module cancelItem interface',
      'module cancelItem samples',
      'module cancelItem scope',
      'app groups',
      'app readme',
    ]);
    const report = formatFailure(error);
    expect(report).toContain(
      'Deploy failed at module cancelItem expect: [500] Internal server error',
    );
    expect(report).toContain('✓ create connection demo metadata');
    expect(report).toContain('· create app readme');

    fake.calls.length = 0;
    await deploy(options());
    // The rerun writes exactly what was not done, and creates nothing twice. The scope (`[]`)
    // already equals what Make holds for a fresh module, so comparing finds nothing to send.
    expect(routes(fake.writes())).toEqual([
      `PUT ${APP}/modules/cancelItem/expect`,
      `PUT ${APP}/modules/cancelItem/interface`,
      `PUT ${APP}/modules/cancelItem/samples`,
      `PUT ${APP}/groups`,
      `PUT ${APP}/readme`,
    ]);
    expect(fake.connections.size).toBe(1);

    fake.calls.length = 0;
    await deploy(options());
    expect(fake.writes()).toEqual([]);
  });

  test('--dry-run prints the plan and makes no write call', async () => {
    const first = await deploy(options({ dryRun: true }));
    expect(routes(fake.calls)).toEqual([`GET ${APP}`]);
    expect(first.plan.items.every((item) => item.action === 'create')).toBe(true);
    expect(fs.existsSync(statePath)).toBe(false);

    await deploy(options());
    writeFiles(distDir, { 'modules/cancel-item/cancel-item.scope.iml.json': '["write"]' });
    fake.calls.length = 0;

    const dry = await deploy(options({ dryRun: true }));

    expect(fake.writes()).toEqual([]);
    expect(dry.written).toEqual([]);
    const text = formatPlan(dry.plan);
    expect(text).toMatch(/update\s+module cancelItem scope/);
    expect(text).toMatch(/unchanged\s+module cancelItem api/);
    expect(text).toContain('Summary: 0 create, 1 update, 20 unchanged, 0 conflict');
  });

  test('a module whose type changed is reported and nothing is written', async () => {
    await deploy(options());
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'makecomapp.json'), 'utf8'));
    manifest.components.module.listItems.moduleType = 'action';
    manifest.components.module.listItems.actionCrud = 'read';
    writeFiles(distDir, { 'makecomapp.json': JSON.stringify(manifest) });
    fake.calls.length = 0;

    const failure = await deploy(options()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DeployConflictError);
    expect((failure as Error).message).toContain(
      "module listItems: is a search on Make but a action locally; Make cannot change a module's type",
    );
    expect(fake.writes()).toEqual([]);
  });

  test('without the state file the connection is found again by label and type', async () => {
    await deploy(options());
    fs.rmSync(statePath);
    fake.calls.length = 0;

    await deploy(options());

    expect(fake.writes()).toEqual([]);
    expect(fake.connections.size).toBe(1);
    expect(JSON.parse(fs.readFileSync(statePath, 'utf8')).apps['eu1.make.com/demo-app/1']).toEqual({
      remoteName: 'demo-app',
      connections: { demo: 'demo-app-conn-1' },
    });
  });

  test('a missing build is a clear error before any call', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-empty-'));
    await expect(deploy(options({ distDir: empty }))).rejects.toThrow(
      /makecomapp\.json not found: build the app first/,
    );
    expect(fake.calls).toEqual([]);
  });

  test('a refused token surfaces as the Make error, not as a missing app', async () => {
    const sdk = createMakeSdk({
      token: '00000000-0000-4000-8000-000000000bad',
      zone: 'eu1.make.com',
    });
    await expect(deploy(options({ sdk }))).rejects.toMatchObject({ statusCode: 401 });
    expect(fake.writes()).toEqual([]);
  });
});

describe('the real Hotmart app', () => {
  test('deploys completely, then redeploys with no write', async () => {
    const built = await buildDist();
    try {
      const first = await deploy(options({ distDir: built.dir }));
      const created = first.plan.items.filter((item) => item.action === 'create');
      expect(created.map((item) => `${item.target} ${item.part}`)).toEqual(
        expect.arrayContaining([
          'app metadata',
          'connection hotmart metadata',
          'connection hotmart api',
          'module listSubscriptions api',
          'module makeApiCall metadata',
          'app readme',
        ]),
      );
      const universal = fake.calls.find(
        (call) =>
          call.method === 'POST' && (call.body as { name?: string })?.name === 'makeApiCall',
      );
      expect(universal?.body).toMatchObject({ typeId: 12, subtype: 'Universal' });
      // The webhook is created before the module that listens on it, which then names it by
      // the name Make gave it; the state file remembers that name.
      const routes = fake.writes().map((call) => fake.route(call));
      const hookCreated = routes.indexOf('POST /sdk/apps/hotmart/webhooks');
      const hook = [...fake.webhooks.values()].find(
        (w) => w.meta.label === 'Hotmart events (webhook v2)',
      );
      expect(hook?.meta).toMatchObject({ type: 'web' });
      const hookName = String(hook?.meta.name);
      expect(routes).toEqual(
        expect.arrayContaining([
          `PUT /sdk/apps/webhooks/${hookName}/api`,
          `PUT /sdk/apps/webhooks/${hookName}/parameters`,
        ]),
      );
      const watchPatch = fake
        .writes()
        .findIndex((call) => call.method === 'PATCH' && call.path.endsWith('/modules/watchEvents'));
      expect(hookCreated).toBeGreaterThanOrEqual(0);
      expect(watchPatch).toBeGreaterThan(hookCreated);
      expect(fake.writes()[watchPatch]?.body).toMatchObject({
        webhook: hookName,
        connection: null,
      });
      const saved = JSON.parse(fs.readFileSync(statePath, 'utf8')) as {
        apps: Record<string, { webhooks?: Record<string, string> }>;
      };
      expect(saved.apps['eu1.make.com/hotmart/1']?.webhooks).toEqual({ hotmartEvents: hookName });
      fake.calls.length = 0;

      const second = await deploy(options({ distDir: built.dir }));
      expect(fake.writes()).toEqual([]);
      expect(second.plan.items.every((item) => item.action === 'unchanged')).toBe(true);
    } finally {
      await built.dispose();
    }
  });
});

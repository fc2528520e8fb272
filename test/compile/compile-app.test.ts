import { compileApp } from '../../lib/compile';
import { CompileError } from '../../lib/compile/errors';
import type { App, Loose, ModuleSpec } from '../../lib/types';
import { FIXTURE_APPS, snapshotOf } from './support/fixtures';
import complete from '../fixtures/apps/complete';
import minimal from '../fixtures/apps/minimal';

type Manifest = {
  generalCodeFiles: Record<string, string | null>;
  components: Record<string, Record<string, Record<string, unknown>>>;
  origins: unknown[];
};

const manifestOf = (app: App): Manifest =>
  compileApp(app).get('makecomapp.json') as unknown as Manifest;

describe('compileApp', () => {
  test.each(FIXTURE_APPS)('%s: does not mutate its input', (_name, app) => {
    const before = snapshotOf(app);
    compileApp(app);
    expect(app).toEqual(before);
  });

  test.each(FIXTURE_APPS)('%s: output shares no object with the input', (_name, app) => {
    const files = compileApp(app);
    const base = files.get('general/base.iml.json') as Record<string, unknown>;
    base.baseUrl = 'changed';
    expect(app.base.baseUrl).not.toBe('changed');
  });

  test('paths come out sorted', () => {
    const paths = [...compileApp(complete).keys()];
    expect(paths).toEqual([...paths].sort());
  });

  test('places every code of every component in Make’s layout', () => {
    const files = compileApp(complete);
    expect(files.get('README.md')).toBe(complete.readme);
    expect(files.get('general/common.json')).toEqual(complete.common);
    expect(files.get('modules/groups.json')).toEqual(complete.groups);
    expect(files.get('connections/acme/acme.oauth-communication.iml.json')).toEqual(
      complete.connections[0]?.communication,
    );
    expect(files.get('connections/acme/acme.common.json')).toEqual({
      userAgent: 'acme-fixture/1.0',
    });
    expect(files.get('connections/acme-key/acme-key.communication.iml.json')).toEqual(
      complete.connections[1]?.communication,
    );
    expect(files.has('connections/acme-key/acme-key.common.json')).toBe(false);
    expect(files.get('modules/watch-tasks/watch-tasks.epoch.iml.json')).toEqual(
      (complete.modules[2] as Loose<ModuleSpec> | undefined)?.epoch,
    );
    expect(files.has('modules/list-tasks/list-tasks.epoch.iml.json')).toBe(false);
    expect(files.get('modules/list-tasks/list-tasks.mappable-params.iml.json')).toEqual(
      complete.modules[1]?.mappableParameters,
    );
    expect(files.get('rpcs/list-projects/list-projects.params.iml.json')).toEqual([]);
  });

  test('makecomapp.json: metadata, codeFiles and every component group', () => {
    const manifest = manifestOf(complete);
    expect(Object.keys(manifest.components)).toEqual([
      'connection',
      'module',
      'rpc',
      'function',
      'webhook',
      'endpoint',
    ]);
    expect(manifest.origins).toEqual([]);
    expect(manifest.generalCodeFiles).toEqual({
      base: 'general/base.iml.json',
      common: 'general/common.json',
      readme: 'README.md',
      groups: 'modules/groups.json',
    });
    expect(manifest.components.connection?.['acme-key']).toEqual({
      label: 'Acme (API key)',
      connectionType: 'basic',
      codeFiles: {
        communication: 'connections/acme-key/acme-key.communication.iml.json',
        params: 'connections/acme-key/acme-key.params.iml.json',
        common: null,
      },
    });
    expect(manifest.components.module?.createTask).toMatchObject({
      moduleType: 'action',
      actionCrud: 'create',
      connection: 'acme',
      altConnection: null,
    });
    // Non-actions carry an explicit null crud; altConnection only when the source sets it.
    expect(manifest.components.module?.listTasks?.actionCrud).toBeNull();
    expect(manifest.components.module?.listTasks).not.toHaveProperty('altConnection');
    expect(manifest.components.rpc?.listProjects).toEqual({
      label: 'List Projects',
      connection: 'acme',
      codeFiles: {
        communication: 'rpcs/list-projects/list-projects.communication.iml.json',
        params: 'rpcs/list-projects/list-projects.params.iml.json',
      },
    });
  });

  test('app common data null: no file, null in makecomapp.json', () => {
    const files = compileApp(minimal);
    expect(files.has('general/common.json')).toBe(false);
    expect(manifestOf(minimal).generalCodeFiles.common).toBeNull();
  });

  test('component order in makecomapp.json is the source order', () => {
    expect(Object.keys(manifestOf(complete).components.module ?? {})).toEqual(
      complete.modules.map((m) => m.name),
    );
  });

  test('two components with one id are refused, naming the id', () => {
    const [first] = complete.modules;
    if (first === undefined) throw new Error('fixture has modules');
    const app: App = { ...complete, modules: [first, { ...first }] };
    expect(() => compileApp(app)).toThrow(CompileError);
    expect(() => compileApp(app)).toThrow(
      "makecomapp.json: two components of kind module have the id 'createTask'",
    );
  });

  test('ids that differ only in case get numbered folders, as Make’s tooling writes them', () => {
    const [first] = complete.modules;
    if (first === undefined) throw new Error('fixture has modules');
    const app: App = { ...complete, modules: [first, { ...first, name: 'CreateTask' }] };
    const files = compileApp(app);
    expect(files.has('modules/create-task/create-task.communication.iml.json')).toBe(true);
    expect(files.has('modules/create-task2/create-task.communication.iml.json')).toBe(true);
    expect(manifestOf(app).components.module?.CreateTask).toMatchObject({
      codeFiles: { communication: 'modules/create-task2/create-task.communication.iml.json' },
    });
  });

  test('a value JSON cannot hold is refused with its file and pointer', () => {
    const app = { ...minimal, common: { retries: Number.NaN } } as App;
    expect(() => compileApp(app)).toThrow('general/common.json: /retries: NaN is not JSON');
  });

  test('undefined object properties are dropped, as JSON.stringify would', () => {
    const app = { ...minimal, common: { a: 1, b: undefined } } as App;
    expect(compileApp(app).get('general/common.json')).toEqual({ a: 1 });
    expect(Object.keys(compileApp(app).get('general/common.json') as object)).toEqual(['a']);
  });
});

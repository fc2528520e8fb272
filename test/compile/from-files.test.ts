import { appFromFiles, compileApp, CompileError, renderFiles } from '../../lib/compile';
import { FIXTURE_APPS } from './support/fixtures';
import complete from '../fixtures/apps/complete';
import realApp from '../../app';

function compiled(): Map<string, unknown> {
  return compileApp(complete) as Map<string, unknown>;
}

function expectAppFilesError(files: Map<string, unknown>, message: string): void {
  let caught: unknown;
  try {
    appFromFiles(files);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CompileError);
  expect((caught as CompileError).code).toBe('APP_FILES_INVALID');
  expect((caught as CompileError).message).toBe(message);
}

describe('appFromFiles', () => {
  test.each(FIXTURE_APPS)('%s: compile → appFromFiles is the identity', (_name, app) => {
    expect(appFromFiles(compileApp(app))).toEqual(app);
  });

  test.each(FIXTURE_APPS)(
    '%s: rendered files parsed back give the same app (bar the README newline)',
    async (_name, app) => {
      const rendered = await renderFiles(compileApp(app));
      const parsed = new Map<string, unknown>(
        [...rendered].map(([path, text]) => [
          path,
          path.endsWith('.json') ? (JSON.parse(text) as unknown) : text,
        ]),
      );
      const back = appFromFiles(parsed);
      expect({ ...back, readme: back.readme.replace(/\n$/, '') }).toEqual({
        ...app,
        readme: app.readme.replace(/\n$/, ''),
      });
    },
  );

  test.each(FIXTURE_APPS)(
    '%s: compile ∘ appFromFiles ∘ compile is byte-identical',
    async (_name, app) => {
      const once = await renderFiles(compileApp(app));
      const twice = await renderFiles(compileApp(appFromFiles(compileApp(app))));
      expect(twice).toEqual(once);
    },
  );

  test('the real app (app/index.ts): compile → appFromFiles is the identity bar the examples', () => {
    // `example` is source only (the local example run); Make's layout has no place for it.
    const drop = <T extends object>(spec: T): T => {
      const { example: _dropped, ...rest } = spec as T & { example?: unknown };
      return rest as T;
    };
    expect(realApp.modules.some((m) => 'example' in m)).toBe(true);
    expect(realApp.rpcs.some((r) => 'example' in r)).toBe(true);
    expect(appFromFiles(compileApp(realApp))).toEqual({
      ...realApp,
      modules: realApp.modules.map(drop),
      rpcs: realApp.rpcs.map(drop),
    });
  });

  test('no example reaches the compiled files', async () => {
    const rendered = await renderFiles(compileApp(realApp));
    const leaked = [...rendered].filter(([, text]) => /\$sample|"example"/.test(text));
    expect(leaked.map(([path]) => path)).toEqual([]);
  });

  test('the rebuilt app shares no object with the input map', () => {
    const files = compiled();
    const app = appFromFiles(files);
    app.base.baseUrl = 'changed';
    expect((files.get('general/base.iml.json') as { baseUrl: string }).baseUrl).not.toBe('changed');
  });

  test('a missing code file is named, with the manifest entry that names it', () => {
    const files = compiled();
    files.delete('modules/list-tasks/list-tasks.samples.iml.json');
    expectAppFilesError(
      files,
      'modules/list-tasks/list-tasks.samples.iml.json: missing (named by makecomapp.json#/components/module/listTasks/codeFiles/samples)',
    );
  });

  test('an ill-typed code file is named with what was expected', () => {
    const files = compiled();
    files.set('connections/acme/acme.params.iml.json', { name: 'x' });
    expectAppFilesError(
      files,
      'connections/acme/acme.params.iml.json: expected an array, found an object',
    );
  });

  test('an OAuth communication must be an object', () => {
    const files = compiled();
    files.set('connections/acme/acme.oauth-communication.iml.json', []);
    expectAppFilesError(
      files,
      'connections/acme/acme.oauth-communication.iml.json: expected an object, found an array',
    );
  });

  test('a missing makecomapp.json', () => {
    const files = compiled();
    files.delete('makecomapp.json');
    expectAppFilesError(files, 'makecomapp.json: missing (named by the layout)');
  });

  test('ill-typed metadata in makecomapp.json is named by pointer', () => {
    const files = compiled();
    const manifest = structuredClone(files.get('makecomapp.json')) as {
      components: { connection: Record<string, Record<string, unknown>> };
    };
    const acme = manifest.components.connection.acme;
    if (acme === undefined) throw new Error('fixture has acme');
    acme.connectionType = 'oauth2';
    files.set('makecomapp.json', manifest);
    expectAppFilesError(
      files,
      'makecomapp.json: /components/connection/acme/connectionType: expected "basic" or "oauth", found a string',
    );
  });

  test('a README that is not text', () => {
    const files = compiled();
    files.set('README.md', 42);
    expectAppFilesError(files, 'README.md: expected a string, found a number');
  });

  test("without the project's manifest file (a layout Make's tooling wrote), the metadata comes from the first origin", () => {
    const files = compiled();
    files.delete('general/manifest.json');
    const makecomapp = files.get('makecomapp.json') as Record<string, unknown>;
    files.set('makecomapp.json', {
      ...makecomapp,
      origins: [
        {
          label: 'Acme (prod)',
          appId: 'acme-app',
          appVersion: 3,
          baseUrl: 'https://eu1.make.com/api',
          apikeyFile: '.secrets/apikey',
        },
      ],
    });
    expect(appFromFiles(files).manifest).toEqual({
      name: 'acme-app',
      label: 'Acme (prod)',
      description: 'Acme (prod)',
      version: 3,
      theme: '#000000',
      language: 'en',
      audience: 'global',
    });
    files.set('makecomapp.json', makecomapp);
    expect(appFromFiles(files).manifest).toMatchObject({ name: 'app', label: 'app', version: 1 });
  });

  test("Make's defaults: no connectionType (the file name says oauth), no codeFiles, labels or groups", () => {
    const files = compiled();
    const makecomapp = structuredClone(files.get('makecomapp.json')) as {
      generalCodeFiles: Record<string, unknown>;
      components: Record<string, Record<string, Record<string, unknown>>>;
    };
    const connections = makecomapp.components.connection ?? {};
    const modules = makecomapp.components.module ?? {};
    const [connectionName, connection] = Object.entries(connections)[0] ?? [];
    const [moduleName, module] = Object.entries(modules)[0] ?? [];
    if (!connection || !module || !connectionName || !moduleName)
      throw new Error('fixture changed');
    delete connection.connectionType;
    delete module.label;
    delete module.description;
    module.codeFiles = {
      communication: (module.codeFiles as Record<string, unknown>).communication,
    };
    makecomapp.generalCodeFiles.groups = null;
    files.set('makecomapp.json', makecomapp);
    const app = appFromFiles(files);
    const original = complete.connections.find((c) => c.name === connectionName);
    expect(app.connections.find((c) => c.name === connectionName)?.type).toBe(original?.type);
    expect(app.groups).toEqual([]);
    expect(app.modules.find((m) => m.name === moduleName)).toMatchObject({
      label: moduleName,
      description: '',
      staticParameters: [],
      mappableParameters: [],
      interface: [],
      samples: {},
      scope: [],
    });
  });
});

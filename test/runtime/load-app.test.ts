// Conformance rows L1-L5 (lib/runtime/README.md): loading a built app directory.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppLoadError, loadApp, type LoadOptions } from '../../lib/runtime';
import { testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { writeApp } from './helpers/runtime';

installLeakCheck();

const app = testApp({
  modules: [
    testModule({
      name: 'listItems',
      communication: { url: '/v1/items', response: { iterate: '{{body.items}}' } },
    }),
  ],
});

const COMMUNICATION = 'modules/list-items/list-items.communication.iml.json';

async function loadError(dir: string, options?: LoadOptions): Promise<AppLoadError> {
  try {
    await loadApp(dir, options);
  } catch (error) {
    if (error instanceof AppLoadError) return error;
    throw error;
  }
  throw new Error('expected loadApp to fail');
}

test('L1 loads the compiled layout: the definitions are exactly what the files say', async () => {
  const dir = await writeApp(app);
  const loaded = await loadApp(dir);
  expect(loaded.dir).toBe(path.resolve(dir));
  expect(loaded.definition.modules.map((m) => [m.name, m.communication])).toEqual([
    ['listItems', { url: '/v1/items', response: { iterate: '{{body.items}}' } }],
  ]);
  expect([...loaded.literalHosts].sort()).toEqual(['api.example.test', 'auth.example.test']);
});

test('L1 .iml.json files may be JSONC: comments are stripped', async () => {
  const dir = await writeApp(app);
  const file = path.join(dir, COMMUNICATION);
  const text = await fs.readFile(file, 'utf8');
  await fs.writeFile(
    file,
    `// list the items\n${text.replace('"/v1/items"', '"/v1/items" /* relative */')}`,
  );
  const loaded = await loadApp(dir);
  expect(loaded.definition.modules[0]?.communication).toEqual({
    url: '/v1/items',
    response: { iterate: '{{body.items}}' },
  });
});

test('L2 a missing file is named, with what names it', async () => {
  const dir = await writeApp(app);
  await fs.rm(path.join(dir, COMMUNICATION));
  const error = await loadError(dir);
  expect(error).toMatchObject({ code: 'APP_FILE_MISSING', file: COMMUNICATION });
  expect(error.message).toContain(
    'makecomapp.json#/components/module/listItems/codeFiles/communication',
  );
});

test('L3 an unparsable file is named with the parser reason', async () => {
  const dir = await writeApp(app);
  await fs.writeFile(path.join(dir, COMMUNICATION), '{ "url": "/v1/items", ');
  const error = await loadError(dir);
  expect(error).toMatchObject({ code: 'APP_FILE_UNPARSABLE', file: COMMUNICATION });
  expect(error.message).toMatch(
    /^modules\/list-items\/list-items\.communication\.iml\.json is not valid JSON: /,
  );
});

test('L3 a file of the wrong shape is reported by the layout reader, naming the file', async () => {
  const dir = await writeApp(app);
  await fs.writeFile(path.join(dir, 'modules/list-items/list-items.static-params.iml.json'), '{}');
  const error = await loadError(dir);
  expect(error).toMatchObject({
    code: 'APP_FILE_UNPARSABLE',
    file: 'modules/list-items/list-items.static-params.iml.json',
  });
});

test('L4 with the strict profile, an invalid app lists every validation issue', async () => {
  const dir = await writeApp(app);
  await fs.writeFile(
    path.join(dir, COMMUNICATION),
    JSON.stringify({ url: '/v1/items', response: { iterat: '{{body.items}}' } }),
  );
  const error = await loadError(dir, { profile: 'strict' });
  expect(error.code).toBe('APP_INVALID');
  expect(error.issues.length).toBeGreaterThan(0);
  expect(error.message).toContain('iterat');
  expect(error.file).toBe(COMMUNICATION);
});

test('L5 a directory that does not exist says to build first', async () => {
  const error = await loadError('/nonexistent/dist');
  expect(error).toMatchObject({ code: 'APP_NOT_FOUND' });
  expect(error.message).toContain('build the app first');
});

test('L6 the make profile (default) loads what only breaks our own rules, and keeps the issues as warnings', async () => {
  const dir = await writeApp(app);
  await fs.writeFile(
    path.join(dir, COMMUNICATION),
    JSON.stringify({ url: '/v1/items', response: { iterat: '{{body.items}}' } }),
  );
  const loaded = await loadApp(dir);
  expect(loaded.warnings.length).toBeGreaterThan(0);
  expect(loaded.warnings.join('\n')).toContain('iterat');
  expect((await loadApp(dir, { profile: 'make' })).warnings).toEqual(loaded.warnings);
});

test('L6 the make profile still refuses what would stop a run: a template that does not parse', async () => {
  const dir = await writeApp(app);
  await fs.writeFile(
    path.join(dir, COMMUNICATION),
    JSON.stringify({ url: '/v1/items?x={{body.', response: { iterate: '{{body.items}}' } }),
  );
  const error = await loadError(dir);
  expect(error.code).toBe('APP_INVALID');
  expect(error.issues.join('\n')).toContain('[iml-valid]');
});

test('L6 a valid app loads with no warnings in either profile', async () => {
  const dir = await writeApp(app);
  expect((await loadApp(dir)).warnings).toEqual([]);
  expect((await loadApp(dir, { profile: 'strict' })).warnings).toEqual([]);
});

test('L7 the readme may sit beside the folder, as Make’s VS Code extension keeps it', async () => {
  const dir = await writeApp(app);
  const manifestPath = path.join(dir, 'makecomapp.json');
  const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as {
    generalCodeFiles: Record<string, unknown>;
  };
  const name = `README-${path.basename(dir)}.md`;
  manifest.generalCodeFiles.readme = `../${name}`;
  await fs.writeFile(manifestPath, JSON.stringify(manifest));
  await fs.writeFile(path.join(dir, '..', name), '# Beside the app\n');
  try {
    expect((await loadApp(dir)).definition.readme).toBe('# Beside the app\n');
  } finally {
    await fs.rm(path.join(dir, '..', name), { force: true });
  }
});

// The CLI's `remember` option (lib/validate/checked-apps.ts): an app that passed is remembered
// by content, and only an unchanged app skips validation.
describe('L8 remembering apps that passed validation', () => {
  const cacheDir = path.resolve(__dirname, '../../node_modules/.cache/hotmart-make/checked-apps');

  /** The cache entry whose remembered warnings mention `marker`, if any. */
  async function entryMentioning(marker: string): Promise<string | undefined> {
    const files = await fs.readdir(cacheDir).catch(() => [] as string[]);
    for (const file of files.filter((name) => name.endsWith('.json'))) {
      const full = path.join(cacheDir, file);
      const text = await fs.readFile(full, 'utf8').catch(() => '');
      if (text.includes(marker)) return full;
    }
    return undefined;
  }

  async function appWithWarning(marker: string): Promise<string> {
    const dir = await writeApp(app);
    await fs.writeFile(
      path.join(dir, COMMUNICATION),
      JSON.stringify({ url: '/v1/items', response: { iterate: '{{body.items}}', [marker]: 1 } }),
    );
    return dir;
  }

  test('a second load of the same content reads the verdict; a changed file is checked again', async () => {
    const marker = `m${process.pid}x${Date.now()}`;
    const dir = await appWithWarning(marker);
    const first = await loadApp(dir, { remember: true });
    expect(first.warnings.join('\n')).toContain(marker);
    const entry = await entryMentioning(marker);
    expect(entry).toBeDefined();
    // Tampered, the entry shows that the next load takes its warnings from the cache.
    const saved = JSON.parse(await fs.readFile(entry as string, 'utf8')) as {
      warnings: Array<{ message: string }>;
    };
    for (const warning of saved.warnings) warning.message = `REMEMBERED ${marker}`;
    await fs.writeFile(entry as string, JSON.stringify(saved));
    expect((await loadApp(dir, { remember: true })).warnings.join('\n')).toContain('REMEMBERED');
    // Without the option, or with any change to the content, the validator runs.
    expect((await loadApp(dir)).warnings).toEqual(first.warnings);
    await fs.writeFile(
      path.join(dir, COMMUNICATION),
      JSON.stringify({ url: '/v2/items', response: { iterate: '{{body.items}}', [marker]: 1 } }),
    );
    const changed = await loadApp(dir, { remember: true });
    expect(changed.warnings.join('\n')).not.toContain('REMEMBERED');
    expect(changed.warnings.join('\n')).toContain(marker);
  });

  test('an app that fails is never remembered', async () => {
    const marker = `f${process.pid}x${Date.now()}`;
    const dir = await writeApp(app);
    await fs.writeFile(
      path.join(dir, COMMUNICATION),
      // A template that does not parse (an error) and an unknown key (a warning naming marker).
      JSON.stringify({
        url: '/v1/items?x={{body.',
        response: { iterate: '{{body.items}}', [marker]: 1 },
      }),
    );
    expect((await loadError(dir, { remember: true })).code).toBe('APP_INVALID');
    expect((await loadError(dir, { remember: true })).code).toBe('APP_INVALID');
    expect(await entryMentioning(marker)).toBeUndefined();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson, normaliseRemoteSection } from '../../lib/deploy/canonical';
import { DeployConfigError, makeTargetFromEnv, normaliseZone } from '../../lib/deploy/client';
import { matchConnections } from '../../lib/deploy/connections';
import { parseJsonc, stripJsonComments } from '../../lib/compile/jsonc';
import { readDist } from '../../lib/deploy/local-app';
import { readDeployManifest } from '../../lib/deploy/manifest';
import { readState } from '../../lib/deploy/state-file';
import { fixtureFiles, makecomapp, MANIFEST, writeFixtureDist } from './fixture-dist';

describe('JSONC', () => {
  test('drops line and block comments but keeps comment-like text inside strings', () => {
    const text = '{ "url": "https://x//y", /* note */ "a": "/* not a comment */" // end\n}';
    expect(parseJsonc(text, 'f')).toEqual({ url: 'https://x//y', a: '/* not a comment */' });
    expect(stripJsonComments('"a\\"//b"')).toBe('"a\\"//b"');
  });

  test('a broken file names itself in the error', () => {
    expect(() => parseJsonc('{ "a": }', 'modules/x/x.samples.iml.json')).toThrow(
      /^modules\/x\/x\.samples\.iml\.json: not valid JSON\(C\)/,
    );
  });
});

describe('normalised comparison', () => {
  test('key order and comments do not count, values do', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
    expect(normaliseRemoteSection('{ "b": 1, // x\n "a": 2 }')).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(normaliseRemoteSection({ a: 2, b: 1 })).toBe(canonicalJson({ b: 1, a: 2 }));
    expect(normaliseRemoteSection({ a: 2 })).not.toBe(canonicalJson({ a: '2' }));
  });
});

describe('Make zone and token from the environment', () => {
  test('zone spellings normalise to the host', () => {
    expect(normaliseZone('eu1')).toBe('eu1.make.com');
    expect(normaliseZone('US2.make.com')).toBe('us2.make.com');
    expect(normaliseZone('https://eu2.make.com/api/v2')).toBe('eu2.make.com');
    expect(() => normaliseZone('not a zone')).toThrow(/MAKE_ZONE "not a zone" is not a Make zone/);
  });

  test('a missing token is a clear configuration error; the default zone is eu1', () => {
    expect(() => makeTargetFromEnv({})).toThrow(DeployConfigError);
    expect(() => makeTargetFromEnv({ MAKE_API_TOKEN: ' ' })).toThrow(/MAKE_API_TOKEN is not set/);
    expect(makeTargetFromEnv({ MAKE_API_TOKEN: 'tok-XYZ' })).toEqual({
      token: 'tok-XYZ',
      zone: 'eu1.make.com',
    });
  });
});

describe('pairing local and remote connections', () => {
  const local = [
    { name: 'demo', label: 'Demo account', type: 'oauth', sections: [], common: null },
  ];

  test('the state file wins; otherwise label and type; otherwise create', () => {
    const remotes = [
      { name: 'demo-1', label: 'Demo account', type: 'oauth2' },
      { name: 'demo-2', label: 'Demo account', type: 'basic' },
    ];
    expect(matchConnections(local, remotes, { demo: 'demo-2' })).toEqual([
      { local: 'demo', remote: remotes[1], via: 'state' },
    ]);
    expect(matchConnections(local, remotes, {})).toEqual([
      { local: 'demo', remote: remotes[0], via: 'label' },
    ]);
    expect(matchConnections(local, [], { demo: 'gone-1' })).toEqual([
      { local: 'demo', remote: null },
    ]);
  });

  test('two candidates with the same label are a conflict, not a guess', () => {
    const remotes = [
      { name: 'demo-1', label: 'Demo account', type: 'oauth' },
      { name: 'demo-2', label: 'Demo account', type: 'oauth' },
    ];
    const [match] = matchConnections(local, remotes, {});
    expect(match).toMatchObject({ local: 'demo' });
    expect(match && 'conflict' in match ? match.conflict : '').toContain('demo-1, demo-2');
  });
});

describe('reading the built app', () => {
  test('maps code files to Make sections and keeps the upload text', () => {
    const app = readDist(writeFixtureDist());
    const module = app.modules.find((m) => m.name === 'cancelItem');
    expect(module).toMatchObject({ typeId: 4, crud: 'update', connection: 'demo' });
    expect(module?.sections.map((s) => s.section)).toEqual([
      'api',
      'parameters',
      'expect',
      'interface',
      'samples',
      'scope',
    ]);
    expect(app.connections[0]?.sections[0]?.text).toContain('// client credentials');
    expect(app.readme?.normalised).toBe('# Demo\n\nDeploy test app.');
  });

  test('a file the manifest points to but that is missing is named', () => {
    const dir = writeFixtureDist();
    fs.rmSync(path.join(dir, 'modules/list-items/list-items.samples.iml.json'));
    expect(() => readDist(dir)).toThrow(
      'makecomapp.json points to modules/list-items/list-items.samples.iml.json, which is missing',
    );
  });

  test('a folder in Make’s older per-component layout is refused with what deploy reads', () => {
    const legacy = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-helpdesk');
    expect(() => readDist(legacy)).toThrow(
      expect.objectContaining({
        code: 'DIST_INVALID',
        message: expect.stringContaining("is in Make's older per-component layout") as unknown,
      }),
    );
  });

  test('a code file outside the dist folder is refused, and never read or uploaded', () => {
    const manifest = makecomapp();
    (manifest.generalCodeFiles as Record<string, string>).base = '../secret.iml.json';
    const dir = writeFixtureDist({
      ...fixtureFiles(),
      'makecomapp.json': JSON.stringify(manifest),
    });
    fs.writeFileSync(path.join(dir, '..', 'secret.iml.json'), '{}');
    try {
      expect(() => readDist(dir)).toThrow(
        expect.objectContaining({
          code: 'DIST_INVALID',
          message: `makecomapp.json points to ../secret.iml.json, which is outside ${dir}.`,
        }),
      );
    } finally {
      fs.rmSync(path.join(dir, '..', 'secret.iml.json'), { force: true });
    }
  });

  test("the readme may be beside the folder (Make's VS Code layout), never further out", () => {
    const manifest = makecomapp();
    const general = manifest.generalCodeFiles as Record<string, string>;
    general.readme = '../README-deploy-test.md';
    const dir = writeFixtureDist({
      ...fixtureFiles(),
      'makecomapp.json': JSON.stringify(manifest),
    });
    const beside = path.join(dir, '..', 'README-deploy-test.md');
    fs.writeFileSync(beside, '# Beside\n');
    try {
      expect(readDist(dir).readme?.text).toBe('# Beside\n');
      general.readme = '../../README-deploy-test.md';
      fs.writeFileSync(path.join(dir, 'makecomapp.json'), JSON.stringify(manifest));
      expect(() => readDist(dir)).toThrow(/which is outside/);
    } finally {
      fs.rmSync(beside, { force: true });
    }
  });

  test('an unknown module type and unsupported components are rejected with their place', () => {
    const manifest = makecomapp() as { components: Record<string, Record<string, unknown>> };
    const components = manifest.components;
    (components.module as Record<string, { moduleType: string }>).listItems!.moduleType = 'poll';
    const dir = writeFixtureDist({
      ...fixtureFiles(),
      'makecomapp.json': JSON.stringify(manifest),
    });
    expect(() => readDist(dir)).toThrow(
      'makecomapp.json components.module.listItems.moduleType: unknown module type "poll"',
    );
    components.function = { f: { codeFiles: {} } };
    const dir2 = writeFixtureDist({
      ...fixtureFiles(),
      'makecomapp.json': JSON.stringify(manifest),
    });
    expect(() => readDist(dir2)).toThrow(/components\.function is not empty/);
  });

  test("a webhook with an update file is refused: Make's API has no section for it", () => {
    const manifest = makecomapp() as { components: Record<string, Record<string, unknown>> };
    manifest.components.webhook = {
      events: {
        label: 'Events',
        webhookType: 'web',
        connection: null,
        codeFiles: { update: 'webhooks/events/events.update.iml.json' },
      },
    };
    const dir = writeFixtureDist({
      ...fixtureFiles(),
      'makecomapp.json': JSON.stringify(manifest),
    });
    expect(() => readDist(dir)).toThrow(
      'makecomapp.json components.webhook.events.codeFiles.update: no Make API section for this code',
    );
  });
});

describe('the manifest', () => {
  test('is read from general/manifest.json with its fields checked', () => {
    expect(readDeployManifest(writeFixtureDist())).toMatchObject({ name: 'demo-app', version: 1 });
    const dir = writeFixtureDist({ 'general/manifest.json': '{"name":"x","version":"1"}' });
    expect(() => readDeployManifest(dir)).toThrow(
      /general\/manifest\.json: "label" must be a string/,
    );
    const noVersion = writeFixtureDist({
      'general/manifest.json': JSON.stringify({ ...MANIFEST, version: 0 }),
    });
    expect(() => readDeployManifest(noVersion)).toThrow(/"version" must be a positive integer/);
  });
});

describe('state file', () => {
  test('a corrupt file is a clear error', () => {
    const dir = writeFixtureDist({ 'state.json': '{ nope' });
    expect(() => readState(path.join(dir, 'state.json'))).toThrow(
      /state\.json: not valid JSON .*; delete it and deploy again/,
    );
    fs.writeFileSync(
      path.join(dir, 'state.json'),
      '{"fileVersion":1,"apps":{"k":{"remoteName":1}}}',
    );
    expect(() => readState(path.join(dir, 'state.json'))).toThrow(/unexpected content/);
  });
});

// A small hand-written app in Make's local layout, so deploy tests do not depend on the real
// Hotmart app. One OAuth connection, a search and an action module; one file carries a JSONC
// comment, which Make drops when it stores the section.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DeployManifest } from '../../lib/deploy';

export const MANIFEST: DeployManifest = {
  name: 'demo-app',
  version: 1,
  label: 'Demo',
  description: 'A demo app for deploy tests.',
  theme: '#FF4F00',
  language: 'en',
  audience: 'global',
};

const MODULE_CODES = [
  ['communication', 'communication'],
  ['staticParams', 'static-params'],
  ['mappableParams', 'mappable-params'],
  ['interface', 'interface'],
  ['samples', 'samples'],
  ['scope', 'scope'],
] as const;

function moduleEntry(kebab: string, extra: Record<string, unknown>) {
  return {
    ...extra,
    connection: 'demo',
    altConnection: null,
    codeFiles: Object.fromEntries(
      MODULE_CODES.map(([code, suffix]) => [code, `modules/${kebab}/${kebab}.${suffix}.iml.json`]),
    ),
  };
}

export function makecomapp(): Record<string, unknown> {
  return {
    fileVersion: 1,
    generalCodeFiles: {
      base: 'general/base.iml.json',
      common: null,
      readme: 'README.md',
      groups: 'modules/groups.json',
    },
    components: {
      connection: {
        demo: {
          label: 'Demo account',
          connectionType: 'oauth',
          codeFiles: {
            communication: 'connections/demo/demo.oauth-communication.iml.json',
            params: 'connections/demo/demo.params.iml.json',
            common: null,
          },
        },
      },
      module: {
        listItems: moduleEntry('list-items', {
          label: 'List Items',
          description: 'Lists items.',
          moduleType: 'search',
          actionCrud: null,
        }),
        cancelItem: moduleEntry('cancel-item', {
          label: 'Cancel an Item',
          description: 'Cancels an item.',
          moduleType: 'action',
          actionCrud: 'update',
        }),
      },
      rpc: {},
      function: {},
      webhook: {},
    },
    origins: [],
  };
}

export function fixtureFiles(): Record<string, string> {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const files: Record<string, string> = {
    'makecomapp.json': json(makecomapp()),
    'general/manifest.json': json(MANIFEST),
    'README.md': '# Demo\n\nDeploy test app.\n',
    'general/base.iml.json': json({ baseUrl: 'https://api.example.test', headers: {} }),
    'modules/groups.json': json([{ label: 'Items', modules: ['listItems', 'cancelItem'] }]),
    'connections/demo/demo.oauth-communication.iml.json':
      '{\n  // client credentials: the token comes from the token endpoint\n' +
      '  "token": { "url": "https://auth.example.test/token", "method": "POST" }\n}\n',
    'connections/demo/demo.params.iml.json': json([
      { name: 'clientId', type: 'text', required: true },
    ]),
  };
  for (const [kebab, url] of [
    ['list-items', '/items'],
    ['cancel-item', '/items/{{parameters.id}}/cancel'],
  ] as const) {
    const dir = `modules/${kebab}/${kebab}`;
    files[`${dir}.communication.iml.json`] = json({ url, method: 'GET' });
    files[`${dir}.static-params.iml.json`] = json([]);
    files[`${dir}.mappable-params.iml.json`] = json([{ name: 'id', type: 'text' }]);
    files[`${dir}.interface.iml.json`] = json([{ name: 'id', type: 'text', label: 'ID' }]);
    files[`${dir}.samples.iml.json`] = json({ id: 'X1' });
    files[`${dir}.scope.iml.json`] = json([]);
  }
  return files;
}

/** Writes the fixture app into a fresh temp dir and returns the dir. */
export function writeFixtureDist(files: Record<string, string> = fixtureFiles()): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-dist-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

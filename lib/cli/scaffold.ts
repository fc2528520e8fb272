// `npx hotmart-make new module <name> --type search|action`: a new module that runs from the
// start. It writes the module's folder (the definition), registers it in modules/index.ts and in a group of app/groups.ts, and adds a replay
// test and a test against the simulator. The module calls an endpoint the simulator serves, so
// `npm start`, the docs and its own tests pass before the developer changes anything; its
// comments say what to change. Files are checked first and written last: a refused scaffold
// leaves the project as it was.
import fs from 'node:fs';
import path from 'node:path';
import { kebabCase } from '../compile';
import { ToolError } from '../shared';

class ScaffoldError extends ToolError<'SCAFFOLD_REFUSED'> {}

type ScaffoldType = 'search' | 'action';

export interface ScaffoldOptions {
  /** Project root (the folder holding app/, modules/, test/). */
  root: string;
  name: string;
  type: ScaffoldType;
  label?: string;
  /** The group of app/groups.ts to add it to (default: the last one, "Other"). */
  group?: string;
}

const NAME = /^[a-z][a-zA-Z0-9]{2,63}$/;

function words(name: string): string {
  const spaced = name.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function moduleSource(options: Required<Pick<ScaffoldOptions, 'name' | 'type' | 'label'>>): string {
  const { name, type, label } = options;
  if (type === 'search') {
    return `// ${label}: a search scaffolded by \`npx hotmart-make new module\`. It lists the account's
// products (an endpoint the simulator serves) until you point it at yours: change the url, the
// parameters, the interface and the samples, then the tests in test/modules/${kebabCase(name)}.test.ts.
import { defineModule } from '../../lib/define';
import { limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';

export default defineModule({
  name: '${name}',
  label: ${JSON.stringify(label)},
  description: 'Retrieves the items that match the filters.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [limitParameter('The maximum number of items to return during one execution cycle.')],
  interface: [
    { name: 'id', type: 'number', label: 'ID' },
    { name: 'name', type: 'text', label: 'Name' },
    { name: 'ucode', type: 'text', label: 'ucode' },
    { name: 'status', type: 'text', label: 'Status' },
    { name: 'created_at', type: 'number', label: 'Created at (ms)' },
    { name: 'format', type: 'text', label: 'Format' },
    { name: 'is_subscription', type: 'boolean', label: 'Is a subscription' },
    { name: 'warranty_period', type: 'number', label: 'Warranty period' },
  ],
  samples: { id: 1234567, name: 'Example', status: 'ACTIVE' },
  // What \`npm start\`, the docs and the build's interface check run it with. A value can be a
  // sample reference, e.g. \`{ $sample: 'subscriberCode', status: ['ACTIVE'] }\`, filled from the
  // simulator's data (schemas/example.schema.json lists the kinds).
  example: { limit: 3 },
  scope: [],
  communication: {
    url: '/products/api/v1/products',
    method: 'GET',
    qs: { max_results: '{{min(50, parameters.limit)}}' },
    response: { iterate: '{{body.items}}', output: '{{item}}', limit: '{{parameters.limit}}' },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});
`;
  }
  return `// ${label}: an action scaffolded by \`npx hotmart-make new module\`. It reads the account's
// profile (an endpoint the simulator serves) until you point it at yours: change the url, the
// method, the body, the parameters, the interface and the samples, then the tests in
// test/modules/${kebabCase(name)}.test.ts.
import { defineModule } from '../../lib/define';

export default defineModule({
  name: '${name}',
  label: ${JSON.stringify(label)},
  description: 'Does one thing in Hotmart.',
  type: 'action',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [],
  interface: [
    { name: 'id', type: 'number', label: 'ID' },
    { name: 'name', type: 'text', label: 'Name' },
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'ucode', type: 'text', label: 'ucode' },
  ],
  samples: { id: 1234567, name: 'Example' },
  // What \`npm start\`, the docs and the build's interface check run it with. A value can be a
  // sample reference, e.g. \`{ $sample: 'subscriberCode', status: ['ACTIVE'] }\`, filled from the
  // simulator's data (schemas/example.schema.json lists the kinds).
  example: {},
  scope: [],
  communication: {
    url: '/user/api/v1/me',
    method: 'GET',
    // Only the fields the interface describes (the profile has more).
    response: {
      output: {
        id: '{{body.id}}',
        name: '{{body.name}}',
        email: '{{body.email}}',
        ucode: '{{body.ucode}}',
      },
    },
  },
});
`;
}

function testSource(name: string, type: ScaffoldType): string {
  const path = type === 'search' ? '/products/api/v1/products' : '/user/api/v1/me';
  const reply =
    type === 'search'
      ? `{ items: [{ id: 1234567, name: 'Example', status: 'ACTIVE' }], page_info: { results_per_page: 1 } }`
      : `{ id: 1234567, name: 'Example', email: 'someone@example.com' }`;
  const expected =
    type === 'search'
      ? `[{ id: 1234567, name: 'Example', status: 'ACTIVE' }]`
      : `[{ id: 1234567, name: 'Example', email: 'someone@example.com' }]`;
  const parameters = type === 'search' ? '{ limit: 3 }' : '{}';
  const query = type === 'search' ? `\n    .query({ max_results: '3' })` : '';
  return `// ${name}: replayed against nock, and run against the simulator. Scaffolded by
// \`npx hotmart-make new module\`: change the request and the answers with the module.
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

test('sends the request and outputs the answer', async () => {
  const connection = await connect(built.runtime);
  const scope = hotmartApi()
    .get('${path}')${query}
    .reply(200, ${reply});
  const { bundles } = await run(built.runtime, '${name}', { connection, parameters: ${parameters} });
  scope.done();
  expect(bundles).toEqual(${expected});
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 7, size: 20 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('runs', async () => {
    const connection = await backend.connect(built.runtime);
    const { bundles } = await run(built.runtime, '${name}', {
      connection,
      now: backend.now(),
      parameters: ${parameters},
    });
    expect(bundles.length).toBeGreaterThan(0);
  });
});
`;
}

function insertBefore(text: string, anchor: string, insertion: string, file: string): string {
  const at = text.indexOf(anchor);
  if (at === -1) {
    throw new ScaffoldError(
      'SCAFFOLD_REFUSED',
      `${file}: cannot find where to register the module (looked for ${JSON.stringify(anchor)}).`,
    );
  }
  return text.slice(0, at) + insertion + text.slice(at);
}

/** The registry with the module imported and listed (before the API call, kept last). */
function registered(index: string, name: string): string {
  const importLine = `import ${name} from './${kebabCase(name)}/${kebabCase(name)}.module';\n`;
  const withImport = insertBefore(index, 'import makeApiCall', importLine, 'modules/index.ts');
  return insertBefore(withImport, '  makeApiCall,\n];', `  ${name},\n`, 'modules/index.ts');
}

/** The groups with the module added at the end of `group` (default: the last group). */
function grouped(groups: string, name: string, group: string | undefined): string {
  const pattern =
    group === undefined
      ? /(\{ label: '[^']*', modules: \[)([^\]]*)(\] \},\n\];)/
      : new RegExp(
          `(\\{\\s*label: ${JSON.stringify(group).replace(/"/g, "'")},\\s*modules: \\[)([^\\]]*)(\\])`,
        );
  const match = pattern.exec(groups);
  if (match === null) {
    throw new ScaffoldError(
      'SCAFFOLD_REFUSED',
      group === undefined
        ? 'app/groups.ts: cannot find the last group to add the module to.'
        : `app/groups.ts: no group labelled ${JSON.stringify(group)}.`,
    );
  }
  const [whole, open = '', list = '', close = ''] = match;
  const items = list.trim().replace(/,$/, '');
  const next = `${open}${items === '' ? '' : `${items}, `}'${name}'${close}`;
  return groups.replace(whole, next);
}

/** Creates the module; returns the files written (relative to the root). */
export function scaffoldModule(options: ScaffoldOptions): string[] {
  const { root, name, type } = options;
  if (!NAME.test(name)) {
    throw new ScaffoldError(
      'SCAFFOLD_REFUSED',
      `'${name}' is not a module name Make accepts: a letter, then 2 to 63 letters or digits, camelCase (e.g. listRefunds).`,
    );
  }
  const folder = path.join('modules', kebabCase(name));
  const files = {
    module: path.join(folder, `${kebabCase(name)}.module.ts`),
    test: path.join('test', 'modules', `${kebabCase(name)}.test.ts`),
    index: path.join('modules', 'index.ts'),
    groups: path.join('app', 'groups.ts'),
  };
  const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
  const index = read(files.index);
  if (new RegExp(`\\b${name}\\b`).test(index) || fs.existsSync(path.join(root, folder))) {
    throw new ScaffoldError(
      'SCAFFOLD_REFUSED',
      `a module named ${name} (or the folder ${folder}) exists already; nothing was written.`,
    );
  }
  if (fs.existsSync(path.join(root, files.test))) {
    throw new ScaffoldError(
      'SCAFFOLD_REFUSED',
      `${files.test} exists already; nothing was written.`,
    );
  }
  // Everything is computed before anything is written.
  const writes: Array<[string, string]> = [
    [files.module, moduleSource({ name, type, label: options.label ?? words(name) })],
    [files.test, testSource(name, type)],
    [files.index, registered(index, name)],
    [files.groups, grouped(read(files.groups), name, options.group)],
  ];
  fs.mkdirSync(path.join(root, folder), { recursive: true });
  for (const [file, text] of writes) fs.writeFileSync(path.join(root, file), text);
  return writes.map(([file]) => file);
}

// Conformance row R28 (lib/runtime/README.md): a module's `rpc://` options and fields,
// loaded when the run asks for it (`checkRpcOptions`), as Make's form loads them.
import nock from 'nock';
import { runSearchButton, type RuntimeApp } from '../../lib/runtime';
import type { RpcSpec } from '../../lib/types';
import { API, testApp, testModule } from './helpers/app';
import { capture } from './helpers/http';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const listProjects = {
  name: 'listProjects',
  label: 'Projects',
  connection: 'acme',
  parameters: [],
  communication: {
    url: '/v1/projects',
    qs: { team: '{{parameters.team}}', archived: '{{parameters.archived}}' },
    response: {
      iterate: '{{body.projects}}',
      output: { label: '{{item.name}}', value: '{{item.id}}' },
    },
  },
} as unknown as RpcSpec;

const projectFields = {
  name: 'projectFields',
  label: 'Project fields',
  connection: 'acme',
  parameters: [],
  communication: {
    url: '/v1/projects/{{parameters.project}}/fields',
    response: {
      iterate: '{{body.fields}}',
      output: {
        name: '{{item.key}}',
        type: '{{item.kind}}',
        label: '{{item.title}}',
        required: '{{item.required}}',
      },
    },
  },
} as unknown as RpcSpec;

const createTask = testModule({
  name: 'createTask',
  type: 'action',
  mappableParameters: [
    {
      name: 'team',
      type: 'text',
      label: 'Team',
      required: true,
      rpc: {
        url: 'rpc://listProjects?archived=true',
        label: 'Search projects',
        parameters: [{ name: 'team', type: 'text', label: 'Team to search', required: true }],
      },
    },
    {
      name: 'project',
      type: 'select',
      label: 'Project',
      required: true,
      options: 'rpc://listProjects?archived=false',
      nested: 'rpc://projectFields',
    },
    {
      name: 'label',
      type: 'select',
      label: 'Label',
      options: { store: 'rpc://listProjects' },
      validate: false,
    },
  ],
  communication: {
    url: '/v1/tasks',
    method: 'POST',
    body: { project: '{{parameters.project}}', budget: '{{parameters.budget}}' },
    response: { output: '{{body}}' },
  },
} as Parameters<typeof testModule>[0]);

// A parameter list whose fields all come from a request-less RPC.
const taskExtras = {
  name: 'taskExtras',
  label: 'Task extras',
  connection: null,
  parameters: [],
  communication: {
    response: {
      output: [{ name: 'priority', type: 'uinteger', label: 'Priority', required: true }],
    },
  },
} as unknown as RpcSpec;

const tagTask = testModule({
  name: 'tagTask',
  type: 'action',
  mappableParameters: ['rpc://taskExtras'],
  communication: {
    url: '/v1/tags',
    method: 'POST',
    body: { priority: '{{parameters.priority}}' },
    response: { output: '{{body}}' },
  },
} as unknown as Parameters<typeof testModule>[0]);

let app: RuntimeApp;
beforeAll(async () => {
  app = await load(
    testApp({ modules: [createTask, tagTask], rpcs: [listProjects, projectFields, taskExtras] }),
    { validate: false },
  );
});

const projects = {
  projects: [
    { id: 7, name: 'Seven' },
    { id: 8, name: 'Eight' },
  ],
};
const fields = { fields: [{ key: 'budget', kind: 'number', title: 'Budget', required: true }] };

test('R28 by default no RPC runs: dynamic values pass through unchecked, as in a scenario run', async () => {
  const api = nock(API).post('/v1/tasks', { project: '99', budget: '12' }).reply(200, { id: 't1' });
  const { bundles } = await run(app, 'createTask', {
    connection: acme.get(),
    parameters: { team: 'core', project: '99', budget: '12' },
  });
  api.done();
  expect(bundles).toEqual([{ id: 't1' }]);
});

test('R28 asked: the options RPC sees the module’s parameters and its address’s query; fields are declared and converted', async () => {
  const api = nock(API)
    .get('/v1/projects')
    .query({ team: 'core', archived: 'false' })
    .reply(200, projects)
    .get('/v1/projects/7/fields')
    .reply(200, fields)
    .post('/v1/tasks', { project: 7, budget: 12 })
    .reply(200, { id: 't2' });
  const seen = capture(api);
  const { bundles, log } = await run(app, 'createTask', {
    connection: acme.get(),
    parameters: { team: 'core', project: 7, budget: '12' },
    checkRpcOptions: true,
  });
  api.done();
  expect(bundles).toEqual([{ id: 't2' }]);
  expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual([
    'GET /v1/projects?team=core&archived=false',
    'GET /v1/projects/7/fields',
    'POST /v1/tasks',
  ]);
  expect(log.requests.map((entry) => entry.component)).toEqual([
    'rpc listProjects',
    'rpc projectFields',
    'module createTask',
  ]);
});

test('R28 asked: a value the RPC does not offer is refused before the module’s request', async () => {
  const api = nock(API)
    .get('/v1/projects')
    .query(true)
    .reply(200, projects)
    .get('/v1/projects/99/fields')
    .reply(200, { fields: [] });
  const error = await failure(
    run(app, 'createTask', {
      connection: acme.get(),
      parameters: { team: 'core', project: 99 },
      checkRpcOptions: true,
    }),
  );
  api.done();
  expect(error.name).toBe('DataError');
  expect(error.message).toBe(
    "module createTask: invalid value of parameter 'project' (select): 99 is not one of the 2 option(s) rpc://listProjects?archived=false gave.",
  );
});

test('R28 asked: a required field the RPC declared is required; validate: false skips the option check', async () => {
  const api = nock(API)
    .get('/v1/projects')
    .query(true)
    .reply(200, projects)
    .get('/v1/projects/8/fields')
    .reply(200, fields);
  const error = await failure(
    run(app, 'createTask', {
      connection: acme.get(),
      parameters: { team: 'core', project: '8', label: 'anything' },
      checkRpcOptions: true,
    }),
  );
  api.done();
  expect(error).toMatchObject({ code: 'PARAMETER_REQUIRED', parameter: 'budget' });
});

test('R28 asked: an rpc:// item of a parameter list becomes the fields it returns', async () => {
  const api = nock(API)
    .post('/v1/tags', { priority: 3 })
    .reply(200, { ok: true })
    .post('/v1/tags', { priority: '3' })
    .reply(200, { ok: true });
  await run(app, 'tagTask', {
    connection: acme.get(),
    parameters: { priority: '3' },
    checkRpcOptions: true,
  });
  // Not asked: the field is unknown until run time, so its value is passed on as given.
  await run(app, 'tagTask', { connection: acme.get(), parameters: { priority: '3' } });
  api.done();
});

test('R29 a search button runs its RPC with its own form over the module’s values and the address’s query', async () => {
  const api = nock(API)
    .get('/v1/projects')
    .query({ team: 'ops', archived: 'true' })
    .reply(200, projects);
  const { items } = await runSearchButton(app, 'createTask', 'team', {
    connection: acme.get(),
    parameters: { team: 'core' },
    buttonParameters: { team: 'ops' },
  });
  api.done();
  expect(items).toEqual([
    { label: 'Seven', value: 7 },
    { label: 'Eight', value: 8 },
  ]);
});

test('R29 the button’s form is checked; a parameter without a button is named', async () => {
  const missing = await failure(
    runSearchButton(app, 'createTask', 'team', { connection: acme.get() }),
  );
  expect(missing).toMatchObject({
    code: 'PARAMETER_REQUIRED',
    where: 'module createTask › parameter team › search',
  });
  const none = await failure(runSearchButton(app, 'createTask', 'project'));
  expect(none).toMatchObject({ code: 'OPTION_INVALID' });
  expect(none.message).toContain("parameter 'project' has no search button");
});

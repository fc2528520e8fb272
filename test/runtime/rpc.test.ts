// Conformance rows R24–R27 (lib/runtime/README.md): RPCs run through the public `runRpc`, the
// live data behind dynamic options and fields.
import nock from 'nock';
import { RPC_TIME_LIMIT_MS, runRpc, type RuntimeApp } from '../../lib/runtime';
import type { RpcSpec } from '../../lib/types';
import { API, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

function rpc(input: Partial<RpcSpec> & { name: string; communication: unknown }): RpcSpec {
  return {
    label: input.name,
    connection: 'acme',
    parameters: [],
    ...input,
  } as RpcSpec;
}

async function appWith(...rpcs: RpcSpec[]): Promise<RuntimeApp> {
  const module = testModule({
    mappableParameters: [
      { name: 'project', type: 'select', label: 'Project', options: 'rpc://listProjects' },
    ],
    communication: { url: '/v1/ping' },
  } as Parameters<typeof testModule>[0]);
  return load(testApp({ modules: [module], rpcs }));
}

const listProjects = rpc({
  name: 'listProjects',
  parameters: [{ name: 'archived', type: 'boolean', label: 'Archived' }],
  communication: {
    url: '/v1/projects',
    qs: { archived: '{{parameters.archived}}' },
    response: {
      iterate: '{{body.projects}}',
      output: { label: '{{item.name}}', value: '{{item.id}}' },
    },
    pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.more}}' },
  },
});

test('R24 dynamic options: the module’s parameters reach the RPC as parameters.*, items are {label, value}', async () => {
  const app = await appWith(listProjects);
  const api = nock(API)
    .get('/v1/projects')
    .query({ archived: 'false' })
    .reply(200, { projects: [{ id: 1, name: 'One' }], more: true })
    .get('/v1/projects')
    .query({ archived: 'false', page: '2' })
    .reply(200, { projects: [{ id: 2, name: 'Two' }], more: false });
  const { items, log } = await runRpc(app, 'listProjects', {
    connection: acme.get(),
    parameters: { archived: false },
  });
  api.done();
  expect(items).toEqual([
    { label: 'One', value: 1 },
    { label: 'Two', value: 2 },
  ]);
  expect(log.requests.map((entry) => entry.component)).toEqual([
    'rpc listProjects',
    'rpc listProjects',
  ]);
});

test('R24 the module’s parameters that the RPC does not declare reach it unchanged', async () => {
  const tasks = rpc({
    name: 'listTasks',
    communication: {
      url: '/v1/projects/{{parameters.project}}/tasks',
      response: { iterate: '{{body}}', output: { label: '{{item.title}}', value: '{{item.id}}' } },
    },
  });
  const app = await appWith(listProjects, tasks);
  const api = nock(API)
    .get('/v1/projects/7/tasks')
    .reply(200, [{ id: 'T1', title: 'Write' }]);
  const { items } = await runRpc(app, 'listTasks', {
    connection: acme.get(),
    parameters: { project: 7 },
  });
  api.done();
  expect(items).toEqual([{ label: 'Write', value: 'T1' }]);
});

test('R25 Make stops an RPC after three pages: the result is cut with a warning', async () => {
  const app = await appWith(listProjects);
  const api = nock(API);
  for (let page = 1; page <= 3; page += 1) {
    api
      .get('/v1/projects')
      .query(page === 1 ? {} : { page: String(page) })
      .reply(200, { projects: [{ id: page, name: `P${page}` }], more: true });
  }
  const { items, log } = await runRpc(app, 'listProjects', { connection: acme.get() });
  api.done();
  expect(items).toHaveLength(3);
  expect(log.warnings.map((entry) => entry.code)).toEqual(['CAP_PAGINATION_REQUESTS']);
});

test('R26 a request-less RPC (static dynamic fields) and one without a connection', async () => {
  const fields = rpc({
    name: 'projectFields',
    connection: null,
    communication: {
      response: {
        output: [
          { name: 'title', type: 'text', label: 'Title' },
          { name: 'due', type: 'date', label: 'Due' },
        ],
      },
    },
  });
  const app = await appWith(listProjects, fields);
  const { items, log } = await runRpc(app, 'projectFields');
  expect(items).toEqual([
    { name: 'title', type: 'text', label: 'Title' },
    { name: 'due', type: 'date', label: 'Due' },
  ]);
  expect(log.requests).toEqual([]);
});

test('R27 an unknown RPC, a missing connection and a failing response are MakeErrors with the log', async () => {
  const app = await appWith(listProjects);
  const unknown = await failure(runRpc(app, 'listProject', { connection: acme.get() }));
  expect(unknown).toMatchObject({ code: 'OPTION_INVALID' });
  expect(unknown.message).toContain("Unknown RPC 'listProject' (did you mean 'listProjects'?)");

  const missing = await failure(runRpc(app, 'listProjects'));
  expect(missing.message).toContain("rpc listProjects needs a connection of type 'acme'");

  const api = nock(API).get('/v1/projects').query(true).reply(500, { error: 'down' });
  const failed = await failure(runRpc(app, 'listProjects', { connection: acme.get() }));
  api.done();
  expect(failed.name).toBe('RuntimeError');
  expect((failed.log as { requests: unknown[] }).requests).toHaveLength(1);
});

test('R25 Make’s RPC time limit: the request in flight is aborted and what was listed is kept, with a warning', async () => {
  const app = await appWith(listProjects);
  const api = nock(API)
    .get('/v1/projects')
    .reply(200, { projects: [{ id: 1, name: 'One' }], more: true })
    .get('/v1/projects')
    .query({ page: '2' })
    .delay(2_000)
    .reply(200, { projects: [{ id: 2, name: 'Two' }], more: false });
  // A budget of 300 ms stands in for Make's 40 s (the default, RPC_TIME_LIMIT_MS).
  const { items, log } = await runRpc(app, 'listProjects', {
    connection: acme.get(),
    timeLimit: 300,
  });
  api.done();
  expect(items).toEqual([{ label: 'One', value: 1 }]);
  expect(log.warnings.map((entry) => entry.code)).toEqual(['CAP_RUN_TIME']);
  expect(log.warnings[0]?.message).toContain("stopped at the run's time limit of 0.3 s");
  expect(RPC_TIME_LIMIT_MS).toBe(40_000);
});

test('R25 a time limit that is not a positive number of milliseconds is refused', async () => {
  const app = await appWith(listProjects);
  const error = await failure(
    runRpc(app, 'listProjects', { connection: acme.get(), timeLimit: -1 }),
  );
  expect(error).toMatchObject({ code: 'OPTION_INVALID' });
});

// End to end (issue 11 acceptance): an app in Make's layout (test/fixtures/make-layout/acme-reports)
// whose module calls its own custom IML functions and polls a job with `repeat`. Conformance rows
// R22–R23 of lib/runtime/README.md.
import path from 'node:path';
import nock from 'nock';
import { createConnection, loadApp, runModule } from '../../lib/runtime';
import { appFromFiles, readLayoutFiles } from '../../lib/compile';
import { checkApp } from '../../lib/validate';
import { CREDENTIALS } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';

installLeakCheck();

const DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-reports');
const ACME = 'https://api.acme.test';

test('R22 loads the functions of a Make layout and runs a module that calls them, with a repeat chain', async () => {
  const app = await loadApp(DIR);
  expect(app.definition.functions?.map((fn) => fn.name)).toEqual(['centsToAmount', 'reportName']);
  expect(Object.keys(app.functions ?? {})).toEqual(['centsToAmount', 'reportName']);

  const api = nock(ACME)
    .get('/v1/me')
    .reply(200, { id: 'u1' })
    // reportName() built the name with iml.parseDate/formatDate/upper inside the sandbox.
    .post('/v1/exports', { name: 'Sales March 2026 (EUR)' })
    .matchHeader('x-api-key', CREDENTIALS.apiKey)
    .reply(200, { id: 'E7', status: 'queued' })
    .get('/v1/exports/E7')
    .reply(200, { id: 'E7', status: 'running' })
    .get('/v1/exports/E7')
    .reply(200, {
      id: 'E7',
      status: 'ready',
      name: 'Sales March 2026 (EUR)',
      total_cents: 123456,
      url: 'https://files.acme.test/E7.csv',
    });
  const waits: number[] = [];
  const connection = await createConnection(app, 'acmeKey', { apiKey: CREDENTIALS.apiKey });
  const { bundles, log } = await runModule(app, 'exportReport', {
    connection,
    parameters: { month: '2026-03', currency: 'eur' },
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  api.done();
  expect(waits).toEqual([1000]);
  expect(log.requests).toHaveLength(3);
  // centsToAmount() turned the cents into an amount.
  expect(bundles).toEqual([
    {
      id: 'E7',
      name: 'Sales March 2026 (EUR)',
      total: 1234.56,
      url: 'https://files.acme.test/E7.csv',
    },
  ]);
});

test('R22 a function that throws fails the run as EXPRESSION_FAILED, naming the directive and the function', async () => {
  const app = await loadApp(DIR);
  // The name is built before the first request: nothing but the connection check is sent.
  const api = nock(ACME).get('/v1/me').reply(200, { id: 'u1' });
  const connection = await createConnection(app, 'acmeKey', { apiKey: CREDENTIALS.apiKey });
  // `month` that parseDate cannot read: iml.parseDate throws inside reportName.
  const failed = runModule(app, 'exportReport', {
    connection,
    parameters: { month: 'not a month' },
    sleep: () => Promise.resolve(),
  });
  await expect(failed).rejects.toMatchObject({
    code: 'EXPRESSION_FAILED',
    message: expect.stringContaining("Function 'reportName' threw:") as unknown,
  });
  await expect(failed).rejects.toMatchObject({
    message: expect.stringContaining('module exportReport') as unknown,
  });
  api.done();
});

test('R23 validation knows the app’s functions: a call to one is valid, a misspelt one is not', () => {
  const app = appFromFiles(readLayoutFiles(DIR));
  expect(checkApp(app, 'make').errors).toEqual([]);
  const module = app.modules[0];
  if (module === undefined) throw new Error('the fixture has a module');
  const [start] = module.communication as Array<{ body?: unknown }>;
  if (start === undefined) throw new Error('the fixture’s module has a request');
  start.body = { name: '{{reportNme(parameters.month)}}' };
  const { errors } = checkApp(app, 'make');
  expect(errors.map((issue) => issue.rule)).toEqual(['iml-valid']);
  expect(errors[0]?.message).toContain("Unknown function 'reportNme'");
  expect(errors[0]?.message).toContain('did you mean "reportName"?');
});

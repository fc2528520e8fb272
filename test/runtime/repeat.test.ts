// Conformance rows R19-R21 (lib/runtime/README.md): the `repeat` directive, as request chains use
// it to poll an asynchronous job.
import nock from 'nock';
import { API, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

/** A sleep that waits no time and records what it was asked to wait. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

/** Start a job, then poll it until it is done: Make's usual use of `repeat`. */
const exportModule = testModule({
  name: 'exportReport',
  type: 'action',
  communication: [
    {
      url: '/v1/jobs',
      method: 'POST',
      body: {},
      response: { temp: { job: '{{body.id}}' } },
    },
    {
      url: '/v1/jobs/{{temp.job}}',
      repeat: { condition: "{{temp.status != 'done'}}", delay: 250, limit: 5 },
      response: { temp: { status: '{{body.status}}' }, output: '{{body}}' },
    },
  ],
});

test('R19 a polled job: repeated while the condition holds, waiting delay ms; the last run is the output', async () => {
  const app = await load(testApp({ modules: [exportModule] }));
  const api = nock(API)
    .post('/v1/jobs')
    .reply(200, { id: 'J1' })
    .get('/v1/jobs/J1')
    .reply(200, { id: 'J1', status: 'queued' })
    .get('/v1/jobs/J1')
    .reply(200, { id: 'J1', status: 'running' })
    .get('/v1/jobs/J1')
    .reply(200, { id: 'J1', status: 'done', url: 'https://files.example.test/r.csv' });
  const { sleep, waits } = recordingSleep();
  const { bundles, log } = await run(app, 'exportReport', { connection: acme.get(), sleep });
  api.done();
  expect(bundles).toEqual([{ id: 'J1', status: 'done', url: 'https://files.example.test/r.csv' }]);
  expect(waits).toEqual([250, 250]);
  expect(log.requests).toHaveLength(4);
  expect(log.entries.filter((e) => e.kind === 'info' && e.code === 'REPEAT')).toHaveLength(2);
});

test('R20 limit bounds the runs: with the condition still true after limit runs, the last is kept', async () => {
  const app = await load(testApp({ modules: [exportModule] }));
  const api = nock(API).post('/v1/jobs').reply(200, { id: 'J2' });
  for (let i = 1; i <= 5; i += 1) {
    api.get('/v1/jobs/J2').reply(200, { id: 'J2', status: 'running', poll: i });
  }
  const { sleep, waits } = recordingSleep();
  const { bundles } = await run(app, 'exportReport', { connection: acme.get(), sleep });
  api.done();
  expect(bundles).toEqual([{ id: 'J2', status: 'running', poll: 5 }]);
  expect(waits).toHaveLength(4);
});

test('R20 a first answer that ends the condition runs once and never waits', async () => {
  const app = await load(testApp({ modules: [exportModule] }));
  const api = nock(API)
    .post('/v1/jobs')
    .reply(200, { id: 'J3' })
    .get('/v1/jobs/J3')
    .reply(200, { id: 'J3', status: 'done' });
  const { sleep, waits } = recordingSleep();
  const { bundles } = await run(app, 'exportReport', { connection: acme.get(), sleep });
  api.done();
  expect(bundles).toEqual([{ id: 'J3', status: 'done' }]);
  expect(waits).toEqual([]);
});

test('R21 the condition sees temp only: body reads as empty there', async () => {
  // `body.status` is not visible to the condition, so `undefined != 'done'` holds until limit.
  const module = testModule({
    name: 'pollBody',
    type: 'action',
    communication: {
      url: '/v1/jobs/J4',
      repeat: { condition: "{{body.status != 'done'}}", limit: 3 },
      response: { output: '{{body}}' },
    },
  });
  const app = await load(testApp({ modules: [module] }));
  const api = nock(API).get('/v1/jobs/J4').times(3).reply(200, { status: 'done' });
  const { sleep, waits } = recordingSleep();
  await run(app, 'pollBody', { connection: acme.get(), sleep });
  api.done();
  expect(waits).toEqual([0, 0]);
});

test('R21 a repeat limit or delay that is not a literal integer is a definition error, nothing sent', async () => {
  const module = testModule({
    name: 'badRepeat',
    type: 'action',
    communication: {
      url: '/v1/jobs/J5',
      repeat: { condition: '{{true}}', limit: 2, delay: -1 },
      response: { output: '{{body}}' },
    },
  });
  const app = await load(testApp({ modules: [module] }), { validate: false });
  const error = await failure(run(app, 'badRepeat', { connection: acme.get() }));
  expect(error).toMatchObject({ code: 'DEFINITION_INVALID' });
  expect(error.message).toContain('repeat.delay: -1 is not an integer of at least 0');
});

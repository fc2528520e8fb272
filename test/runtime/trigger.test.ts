// Conformance rows T1–T6 (lib/runtime/README.md): polling triggers through the public
// `runTrigger`, with state passed between runs as plain JSON.
import nock from 'nock';
import { runTrigger, type RuntimeApp, type TriggerState } from '../../lib/runtime';
import { API, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

type Order = 'asc' | 'desc' | 'unordered';

/** A trigger listing `/v1/events` a page at a time (`page`), `more` telling whether one follows. */
function watchEvents(
  type: 'id' | 'date',
  order: Order,
  limit?: number,
): RuntimeApp['definition']['modules'][number] {
  return testModule({
    name: 'watchEvents',
    type: 'trigger',
    communication: {
      url: '/v1/events',
      qs: { since: '{{data.lastID}}', order },
      response: {
        iterate: '{{body.events}}',
        output: { id: '{{item.id}}', title: '{{item.title}}' },
        trigger: { type, order, id: '{{item.id}}', date: '{{item.created}}' },
        ...(limit === undefined ? {} : { limit }),
      },
      pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{body.more}}' },
    },
  } as Parameters<typeof testModule>[0]);
}

async function appWith(type: 'id' | 'date', order: Order, limit?: number): Promise<RuntimeApp> {
  return load(testApp({ modules: [watchEvents(type, order, limit)] }));
}

const event = (id: number): { id: number; title: string; created: string } => ({
  id,
  title: `event ${id}`,
  created: new Date(Date.UTC(2026, 0, 1, 0, id)).toISOString(),
});

test('T1 the first run emits every item up to limit, oldest first; the state is the last emitted', async () => {
  const app = await appWith('id', 'desc', 2);
  const api = nock(API)
    .get('/v1/events')
    .query({ order: 'desc' })
    .reply(200, { events: [event(3), event(2), event(1)], more: false });
  const { bundles, state } = await runTrigger(app, 'watchEvents', { connection: acme.get() });
  api.done();
  expect(bundles.map((b) => b.id)).toEqual([1, 2]);
  expect(state).toEqual({ lastID: 2 });
});

test('T2 a later run gets data.lastID, emits only newer items, and stops paging at a seen item (desc)', async () => {
  const app = await appWith('id', 'desc');
  const api = nock(API)
    .get('/v1/events')
    .query({ since: '2', order: 'desc' })
    .reply(200, { events: [event(5), event(4)], more: true })
    .get('/v1/events')
    .query({ since: '2', order: 'desc', page: '2' })
    .reply(200, { events: [event(3), event(2)], more: true });
  // Page 3 is never asked for: page 2 reached an item already emitted.
  const { bundles, state } = await runTrigger(app, 'watchEvents', {
    connection: acme.get(),
    state: JSON.parse(JSON.stringify({ lastID: 2 })) as TriggerState,
  });
  api.done();
  expect(bundles.map((b) => b.id)).toEqual([3, 4, 5]);
  expect(state).toEqual({ lastID: 5 });
});

test('T3 asc and unordered lists are read to the end; by date, the state is an ISO date', async () => {
  const app = await appWith('date', 'unordered');
  const api = nock(API)
    .get('/v1/events')
    .query({ order: 'unordered' })
    .reply(200, { events: [event(2), event(9)], more: true })
    .get('/v1/events')
    .query({ order: 'unordered', page: '2' })
    .reply(200, { events: [event(1), event(7)], more: false });
  const { bundles, state } = await runTrigger(app, 'watchEvents', {
    connection: acme.get(),
    state: { lastDate: event(2).created },
  });
  api.done();
  expect(bundles.map((b) => b.id)).toEqual([7, 9]);
  expect(state).toEqual({ lastID: 9, lastDate: event(9).created });
});

test('T4 "choose where to start": from now on emits nothing and remembers the newest; since an id', async () => {
  const app = await appWith('id', 'asc');
  const api = nock(API)
    .get('/v1/events')
    .query({ order: 'asc' })
    .reply(200, { events: [event(1), event(2), event(3)], more: false })
    .get('/v1/events')
    .query({ since: '1', order: 'asc' })
    .reply(200, { events: [event(1), event(2), event(3)], more: false });
  const now = await runTrigger(app, 'watchEvents', { connection: acme.get(), start: 'now' });
  expect(now.bundles).toEqual([]);
  expect(now.state).toEqual({ lastID: 3 });
  const since = await runTrigger(app, 'watchEvents', { connection: acme.get(), start: { id: 1 } });
  api.done();
  expect(since.bundles.map((b) => b.id)).toEqual([2, 3]);
});

test('T5 nothing new: no bundles and the state stays as it was', async () => {
  const app = await appWith('id', 'desc');
  const api = nock(API)
    .get('/v1/events')
    .query({ since: '3', order: 'desc' })
    .reply(200, { events: [event(3)], more: false });
  const { bundles, state } = await runTrigger(app, 'watchEvents', {
    connection: acme.get(),
    state: { lastID: 3 },
  });
  api.done();
  expect(bundles).toEqual([]);
  expect(state).toEqual({ lastID: 3 });
});

test('T6 only polling triggers, and only with a complete trigger directive', async () => {
  const search = testModule({ name: 'listEvents', type: 'search', communication: { url: '/x' } });
  const broken = testModule({
    name: 'watchBroken',
    type: 'trigger',
    communication: {
      url: '/x',
      response: { trigger: { type: 'id', order: 'sideways', id: '{{item.id}}' } },
    },
  } as unknown as Parameters<typeof testModule>[0]);
  const app = await load(testApp({ modules: [search, broken] }), { validate: false });
  const notTrigger = await failure(runTrigger(app, 'listEvents', { connection: acme.get() }));
  expect(notTrigger).toMatchObject({ code: 'OPTION_INVALID' });
  const invalid = await failure(runTrigger(app, 'watchBroken', { connection: acme.get() }));
  expect(invalid).toMatchObject({ code: 'DEFINITION_INVALID' });
  expect(invalid.message).toContain('response.trigger.order must be');
});

describe('T7 property: over random runs, no item is emitted twice and none is lost', () => {
  /** A tiny deterministic generator (mulberry32), so a failure can be replayed from its seed. */
  function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /**
   * A fake service: the items so far, listed in `order` (an unordered list is shuffled once per
   * run, so its pages are consistent), three per page.
   */
  function service(
    items: Array<ReturnType<typeof event>>,
    order: Order,
    rand: () => number,
  ): typeof fetch {
    const listed = [...items];
    if (order === 'desc') listed.reverse();
    if (order === 'unordered') {
      for (let i = listed.length - 1; i > 0; i -= 1) {
        const j = Math.floor(rand() * (i + 1));
        [listed[i], listed[j]] = [
          listed[j] as (typeof listed)[number],
          listed[i] as (typeof listed)[number],
        ];
      }
    }
    return (input) => {
      const url =
        input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
      const page = Number(url.searchParams.get('page') ?? '1');
      const slice = listed.slice((page - 1) * 3, page * 3);
      const body = JSON.stringify({ events: slice, more: page * 3 < listed.length });
      return Promise.resolve(
        new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
      );
    };
  }

  test.each([
    ['id', 'desc', 1],
    ['id', 'asc', 2],
    ['date', 'unordered', 3],
    ['date', 'desc', 4],
    ['id', 'unordered', 5],
  ] as const)('%s, %s (seed %i)', async (type, order, seed) => {
    const rand = random(seed);
    const limit = 1 + Math.floor(rand() * 4);
    const app = await appWith(type, order, limit);
    const items: Array<ReturnType<typeof event>> = [];
    const emitted: number[] = [];
    let state: TriggerState | undefined;
    let next = 1;
    for (let run = 0; run < 25; run += 1) {
      const arriving = Math.floor(rand() * 4);
      for (let i = 0; i < arriving; i += 1) items.push(event(next++));
      const result = await runTrigger(app, 'watchEvents', {
        connection: acme.get(),
        fetch: service(items, order, rand),
        ...(state === undefined ? {} : { state }),
      });
      emitted.push(...result.bundles.map((b) => b.id as number));
      expect(result.bundles.length).toBeLessThanOrEqual(limit);
      // The state is plain JSON: it survives a round trip unchanged.
      state = JSON.parse(JSON.stringify(result.state)) as TriggerState;
      expect(state).toEqual(result.state);
    }
    // Drain what limit held back, then every item was emitted once, in order.
    for (let run = 0; run < 40 && emitted.length < items.length; run += 1) {
      const result = await runTrigger(app, 'watchEvents', {
        connection: acme.get(),
        fetch: service(items, order, rand),
        ...(state === undefined ? {} : { state }),
      });
      emitted.push(...result.bundles.map((b) => b.id as number));
      state = result.state;
    }
    expect(emitted).toEqual(items.map((item) => item.id));
  });
});

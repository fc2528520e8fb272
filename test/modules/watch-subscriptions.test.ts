// Watch Subscriptions (polling trigger on the subscriptions list): replayed from Hotmart-shaped
// answers (first run since 2000, a later run since the last subscription), then against the
// simulator (exactly the subscriptions released after the state's date).
import { runTrigger, type TriggerState } from '../../lib/runtime';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, NOW, run, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';
import { simulatorBackend } from '../support/simulator-backend';

const LIST = '/payments/api/v1/subscriptions';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

interface Listed {
  items: Array<{ subscriber_code: string; accession_date: number }>;
}

describe('replayed', () => {
  test('the first run asks since 2000, reads every page and emits the oldest first, up to the limit', async () => {
    const connection = await connect(built.runtime);
    const pages = ['subscriptions-page-1', 'subscriptions-page-2', 'subscriptions-page-3'].map(
      (name) => fixture<Listed & { page_info: { next_page_token?: string } }>(name),
    );
    const since = { accession_date: '946684800000', max_results: '500' };
    const scope = hotmartApi()
      .get(LIST)
      .query(since)
      .reply(200, pages[0])
      .get(LIST)
      .query({ ...since, page_token: pages[0]?.page_info.next_page_token ?? '' })
      .reply(200, pages[1])
      .get(LIST)
      .query({ ...since, page_token: pages[1]?.page_info.next_page_token ?? '' })
      .reply(200, pages[2]);
    const { bundles, state } = await runTrigger(built.runtime, 'watchSubscriptions', {
      connection,
      now: NOW,
      parameters: { limit: 2 },
    });
    scope.done();
    const oldest = pages
      .flatMap((page) => page?.items ?? [])
      .sort((a, b) => a.accession_date - b.accession_date)
      .slice(0, 2);
    expect(oldest.map((i) => i.subscriber_code)).toEqual(['M3KD7R2W', 'ZT4N8B1C']);
    expect(bundles.map((b) => b.subscriber_code)).toEqual(['M3KD7R2W', 'ZT4N8B1C']);
    expect(bundles[0]?.accession_date).toBe(new Date(1693569600000).toISOString());
    expect(state).toEqual({ lastID: 'ZT4N8B1C', lastDate: new Date(1699977757000).toISOString() });
  });

  test('a later run asks since the last date and emits only later subscriptions', async () => {
    const connection = await connect(built.runtime);
    const page = fixture<Listed>('subscriptions-page-3');
    const dates = page.items.map((i) => i.accession_date).sort((a, b) => a - b);
    const since = dates[0] ?? 0;
    const scope = hotmartApi()
      .get(LIST)
      .query({ accession_date: String(since), max_results: '500', status: 'ACTIVE' })
      .reply(200, page);
    const { bundles } = await runTrigger(built.runtime, 'watchSubscriptions', {
      connection,
      now: NOW,
      parameters: { limit: 100, status: ['ACTIVE'] },
      state: { lastDate: new Date(since).toISOString() },
    });
    scope.done();
    expect(bundles.length).toBe(page.items.filter((i) => i.accession_date > since).length);
  });
});

describe('replayed: cancelled subscriptions', () => {
  test('ask every subscription cancelled since the last one, dated by the cancellation request', async () => {
    const connection = await connect(built.runtime);
    const page = fixture<{
      items: Array<{ subscriber_code: string; end_accession_date: number | null }>;
    }>('subscriptions-page-2');
    const cancelled = page.items.filter((item) => item.end_accession_date !== null);
    expect(cancelled.length).toBeGreaterThan(0);
    const scope = hotmartApi()
      .get(LIST)
      .query({
        accession_date: '946684800000',
        cancelation_date: '946684800000',
        max_results: '500',
      })
      .reply(200, { items: cancelled, page_info: { results_per_page: 500 } });
    const first = await runTrigger(built.runtime, 'watchSubscriptions', {
      connection,
      now: NOW,
      parameters: { watch: 'cancelled', limit: 10 },
    });
    scope.done();
    expect(first.bundles.map((b) => b.subscriber_code)).toEqual(
      cancelled.map((item) => item.subscriber_code),
    );
    const last = cancelled[cancelled.length - 1]?.end_accession_date ?? 0;
    expect(first.state.lastDate).toBe(new Date(last).toISOString());
    const later = hotmartApi()
      .get(LIST)
      .query({
        accession_date: '946684800000',
        cancelation_date: String(last),
        max_results: '500',
      })
      .reply(200, { items: [], page_info: { results_per_page: 500 } });
    const second = await runTrigger(built.runtime, 'watchSubscriptions', {
      connection,
      now: NOW,
      parameters: { watch: 'cancelled', limit: 10 },
      state: first.state,
    });
    later.done();
    expect(second.bundles).toEqual([]);
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 41, size: 150 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('from a state date: exactly the subscriptions released after it, oldest first; then nothing', async () => {
    const connection = await backend.connect(built.runtime);
    const all = backend.sim().subscriptions();
    const cut = [...all].sort((a, b) => a.accession_date - b.accession_date)[all.length - 6];
    if (cut === undefined) throw new Error('the data set is too small');
    const run = (state: TriggerState) =>
      runTrigger(built.runtime, 'watchSubscriptions', {
        connection,
        now: backend.now(),
        parameters: { limit: 100 },
        state: JSON.parse(JSON.stringify(state)) as TriggerState,
      });
    const first = await run({ lastDate: new Date(cut.accession_date).toISOString() });
    const expected = all
      .filter((s) => s.accession_date > cut.accession_date)
      .sort((a, b) => a.accession_date - b.accession_date)
      .map((s) => s.subscriber_code);
    expect(first.bundles.map((b) => b.subscriber_code)).toEqual(expected);
    const again = await run(first.state);
    expect(again.bundles).toEqual([]);
  });

  test('cancelled: a cancellation between two runs is emitted once, and nothing else', async () => {
    const connection = await backend.connect(built.runtime);
    const watch = (state?: TriggerState) =>
      runTrigger(built.runtime, 'watchSubscriptions', {
        connection,
        now: backend.now(),
        parameters: { watch: 'cancelled', limit: 100 },
        ...(state === undefined
          ? {}
          : { state: JSON.parse(JSON.stringify(state)) as TriggerState }),
      });
    const before = await watch();
    expect(before.bundles.length).toBeGreaterThan(0);
    for (const bundle of before.bundles)
      expect(bundle.end_accession_date).toEqual(expect.any(String));
    expect((await watch(before.state)).bundles).toEqual([]);
    backend.advance(60_000);
    const active = backend
      .sim()
      .subscriptions()
      .find((s) => s.status === 'ACTIVE');
    if (active === undefined) throw new Error('no active subscription');
    await run(built.runtime, 'cancelSubscription', {
      connection,
      now: backend.now(),
      parameters: { subscriber_code: active.subscriber_code, send_mail: false },
    });
    const after = await watch(before.state);
    expect(after.bundles.map((b) => b.subscriber_code)).toEqual([active.subscriber_code]);
    expect((await watch(after.state)).bundles).toEqual([]);
  });
});

describe('watchSubscriptions', () => {
  describeHotmartErrors({
    built: () => built,
    module: 'watchSubscriptions',
    parameters: { limit: 1 },
    intercept: (api) => api.get(LIST).query({ accession_date: '946684800000', max_results: '500' }),
    success: fixture('subscriptions-page-3'),
    bundles: [expect.objectContaining({ subscriber_code: 'K2VB9X4Q' })],
  });
});

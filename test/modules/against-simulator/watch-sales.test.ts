// Watch Sales against the simulator: runs with state in between, and a new sale (a reactivation
// that charged) made between two runs is the only bundle of the second.
import { runTrigger, type TriggerState } from '../../../lib/runtime';
import { buildHotmartApp, type BuiltApp } from '../../support/harness';
import { simulatorBackend, SUBSCRIPTIONS } from '../../support/simulator-backend';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const backend = simulatorBackend({ seed: 31, size: 120 });
beforeEach(() => backend.setUp());
afterEach(() => backend.tearDown());

const MINUTE = 60_000;

test('two runs with a new sale between them: the second emits only that sale, the third nothing', async () => {
  const connection = await backend.connect(built.runtime);
  const run = async (state: TriggerState | undefined, start?: 'now') =>
    runTrigger(built.runtime, 'watchSales', {
      connection,
      now: backend.now(),
      parameters: { limit: 50 },
      ...(state === undefined ? {} : { state: JSON.parse(JSON.stringify(state)) as TriggerState }),
      ...(start === undefined ? {} : { start }),
    });
  // "From now on": nothing emitted, the newest sale becomes the state.
  const first = await run(undefined, 'now');
  expect(first.bundles).toEqual([]);
  expect(first.state.lastDate).toEqual(expect.any(String));

  // A subscriber comes back and pays: a new approved sale.
  const cancelled = backend
    .sim()
    .subscriptions()
    .find((s) => s.status === 'CANCELLED_BY_CUSTOMER');
  if (cancelled === undefined) throw new Error('the data set has no cancelled subscription');
  backend.advance(MINUTE);
  const token = connection.data.accessToken as string;
  const reactivated = await fetch(
    `https://developers.hotmart.com${SUBSCRIPTIONS}/${cancelled.subscriber_code}/reactivate`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ charge: true }),
    },
  );
  expect(reactivated.status).toBe(200);
  expect(backend.sim().acceptReactivation(cancelled.subscriber_code)).toBe(true);
  backend.advance(MINUTE);

  const second = await run(first.state);
  const sales = second.bundles.map((bundle) => bundle.purchase as { transaction: string });
  const newest = backend.sim().purchases(cancelled.subscriber_code)?.at(-1);
  expect(sales.map((sale) => sale.transaction)).toEqual([newest?.transaction]);
  expect(second.bundles[0]).toMatchObject({
    buyer: { email: expect.stringContaining('@example.com') },
    purchase: { status: 'APPROVED' },
  });

  backend.advance(MINUTE);
  const third = await run(second.state);
  expect(third.bundles).toEqual([]);
  expect(third.state).toEqual(second.state);
});

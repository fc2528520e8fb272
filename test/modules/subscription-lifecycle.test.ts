// Change the charge day, cancel a list, reactivate a list: the exact requests Hotmart documents,
// partial success reported per subscription (not as an error), input guards, Hotmart's error
// table; and against the simulator, the state each one changes.
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, runFailing, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';
import { simulatorBackend, SUBSCRIPTIONS } from '../support/simulator-backend';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

describe('changeDueDay', () => {
  test('PATCHes {due_day} to the subscription and confirms what was asked (Hotmart answers an empty 200)', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .patch(`${SUBSCRIPTIONS}/QX7K2M9P`, { due_day: 15 })
      .reply(capture(seen, 200, ''));
    const { bundles } = await run(built.runtime, 'changeDueDay', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P', due_day: '15' },
    });
    scope.done();
    expect(seen[0]?.body).toBe('{"due_day":15}');
    expect(bundles).toEqual([{ subscriber_code: 'QX7K2M9P', due_day: 15 }]);
  });

  test('a day outside 1–31 or a code that is not one is refused before any request', async () => {
    const connection = await connect(built.runtime);
    for (const [parameters, says] of [
      [{ subscriber_code: 'QX7K2M9P', due_day: 32 }, 'greater than the maximum 31'],
      [{ subscriber_code: 'QX7K2M9P', due_day: 0 }, 'less than the minimum 1'],
      [{ subscriber_code: '../sales', due_day: 5 }, 'does not match the pattern'],
    ] as const) {
      const error = await runFailing(built.runtime, 'changeDueDay', { connection, parameters });
      expect(error.message).toContain(says);
    }
  });

  test('in a trial: Hotmart’s 400 surfaces as a DataError with its description', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi().patch(`${SUBSCRIPTIONS}/QX7K2M9P`).reply(400, {
      error: 'subscription_in_trial_period',
      error_description:
        'The due day cannot be changed while the subscription is in its trial period.',
    });
    const error = await runFailing(built.runtime, 'changeDueDay', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P', due_day: 15 },
    });
    scope.done();
    expect(error.type).toBe('DataError');
    expect(error.message).toContain('trial period');
  });

  describeHotmartErrors({
    built: () => built,
    module: 'changeDueDay',
    parameters: { subscriber_code: 'QX7K2M9P', due_day: 15 },
    intercept: (api) => api.patch(`${SUBSCRIPTIONS}/QX7K2M9P`, { due_day: 15 }),
    success: '',
    bundles: [{ subscriber_code: 'QX7K2M9P', due_day: 15 }],
  });
});

describe('cancelSubscriptions', () => {
  test('posts the list as `subscriber_code` and reports success and failure per subscription, no error', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .post(`${SUBSCRIPTIONS}/cancel`, {
        subscriber_code: ['QX7K2M9P', 'ZT4N8B1C'],
        send_mail: true,
      })
      .reply(capture(seen, 200, fixture('cancel-list')));
    const { bundles } = await run(built.runtime, 'cancelSubscriptions', {
      connection,
      parameters: { subscriber_codes: ['QX7K2M9P', 'ZT4N8B1C'] },
    });
    scope.done();
    const answer = fixture<Record<string, unknown[]>>('cancel-list');
    expect(bundles).toEqual([
      {
        success_count: 1,
        fail_count: 1,
        success_subscriptions: answer.success_subscriptions,
        fail_subscriptions: answer.fail_subscriptions,
      },
    ]);
  });

  test('more than 100 codes, none, or a code that is not one is refused before any request', async () => {
    const connection = await connect(built.runtime);
    const many = Array.from({ length: 101 }, (_, i) => `CODE${i}`);
    for (const [codes, says] of [
      [many, 'at most 100'],
      [[], "missing value of required parameter 'subscriber_codes'"],
      [['QX7K2M9P', 'a/b'], 'does not match the pattern'],
    ] as const) {
      const error = await runFailing(built.runtime, 'cancelSubscriptions', {
        connection,
        parameters: { subscriber_codes: codes },
      });
      expect(error.message).toContain(says);
    }
  });

  describeHotmartErrors({
    built: () => built,
    module: 'cancelSubscriptions',
    parameters: { subscriber_codes: ['QX7K2M9P'], send_mail: false },
    intercept: (api) =>
      api.post(`${SUBSCRIPTIONS}/cancel`, { subscriber_code: ['QX7K2M9P'], send_mail: false }),
    success: { success_subscriptions: [], fail_subscriptions: [] },
    bundles: [
      { success_count: 0, fail_count: 0, success_subscriptions: [], fail_subscriptions: [] },
    ],
  });
});

describe('reactivateSubscriptions', () => {
  test('posts charge false by default; a missing list in the answer counts as empty', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .post(`${SUBSCRIPTIONS}/reactivate`, { subscriber_code: ['QX7K2M9P'], charge: false })
      .reply(200, { success_subscriptions: [{ subscriber_code: 'QX7K2M9P', status: 'INACTIVE' }] });
    const { bundles } = await run(built.runtime, 'reactivateSubscriptions', {
      connection,
      parameters: { subscriber_codes: ['QX7K2M9P'] },
    });
    scope.done();
    expect(bundles).toEqual([
      {
        success_count: 1,
        fail_count: 0,
        success_subscriptions: [{ subscriber_code: 'QX7K2M9P', status: 'INACTIVE' }],
        fail_subscriptions: [],
      },
    ]);
  });
});

describe('against the simulator', () => {
  const backend = simulatorBackend({ seed: 43, size: 120 });
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());

  test('a list with one active and one cancelled subscription: one cancelled, one reported', async () => {
    const connection = await backend.connect(built.runtime);
    const subs = backend.sim().subscriptions();
    const active = subs.find((s) => s.status === 'ACTIVE')?.subscriber_code ?? '';
    const cancelled = subs.find((s) => s.status === 'CANCELLED_BY_CUSTOMER')?.subscriber_code ?? '';
    const { bundles } = await run(built.runtime, 'cancelSubscriptions', {
      connection,
      now: backend.now(),
      parameters: { subscriber_codes: [active, cancelled], send_mail: false },
    });
    expect(bundles[0]).toMatchObject({
      success_count: 1,
      fail_count: 1,
      success_subscriptions: [{ subscriber_code: active }],
      fail_subscriptions: [
        { subscriber_code: cancelled, error: 'SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE' },
      ],
    });
    expect(backend.sim().subscription(active)?.status).toBe('CANCELLED_BY_SELLER');
  });

  test('the charge day changes and Hotmart’s event is posted; a subscription in trial is refused', async () => {
    const connection = await backend.connect(built.runtime);
    const heard: string[] = [];
    backend.sim().onEvent((event) => heard.push(event.event));
    const subs = backend.sim().subscriptions();
    const target = subs.find(
      (s) => s.status === 'ACTIVE' && !s.trial && s.plan.recurrency_period === 30,
    );
    if (target === undefined) throw new Error('no active monthly subscription outside a trial');
    const { bundles } = await run(built.runtime, 'changeDueDay', {
      connection,
      now: backend.now(),
      parameters: { subscriber_code: target.subscriber_code, due_day: 20 },
    });
    expect(bundles).toEqual([{ subscriber_code: target.subscriber_code, due_day: 20 }]);
    expect(heard).toEqual(['UPDATE_SUBSCRIPTION_CHARGE_DATE']);
  });
});

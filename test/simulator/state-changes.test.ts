// Write endpoints change state the way Hotmart does (reference §4.2–§4.7).
import type {
  PurchaseItem,
  Simulator,
  SubscriptionItem,
  SubscriptionStatus,
} from '../../lib/simulator';
import type { JsonResponse, TestClock } from './helpers';
import { DAY, SUBSCRIPTIONS, call, errorBody, setup } from './helpers';

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const TRIAL_DAYS = 7;

let sim: Simulator;
let token: string;
let clock: TestClock;

beforeEach(async () => {
  ({ sim, token, clock } = await setup({ size: 300 }));
});

function find(predicate: (s: SubscriptionItem) => boolean): SubscriptionItem {
  const found = sim.subscriptions().find(predicate);
  if (found === undefined) throw new Error('no subscription in the data set matches');
  return found;
}

function withStatus(status: SubscriptionStatus): SubscriptionItem {
  return find((s) => s.status === status);
}

function inTrial(s: SubscriptionItem): boolean {
  return s.trial && clock.ms() < s.accession_date + TRIAL_DAYS * DAY;
}

/** `POST /subscriptions/{code}/{action}`: the single-subscription writes most tests here make. */
function postTo<T = unknown>(
  code: string,
  action: 'cancel' | 'reactivate',
  body?: unknown,
): Promise<JsonResponse<T>> {
  return call<T>(sim, token, 'POST', `${SUBSCRIPTIONS}/${code}/${action}`, body);
}

/** `PATCH /subscriptions/{code}`: Hotmart's change of the due day. */
function patchSubscription<T = unknown>(code: string, body: unknown): Promise<JsonResponse<T>> {
  return call<T>(sim, token, 'PATCH', `${SUBSCRIPTIONS}/${code}`, body);
}

describe('GET /subscriptions/{code}/purchases', () => {
  it('returns a bare array of the documented purchase shape', async () => {
    const subscription = find(
      (s) =>
        s.status === 'ACTIVE' &&
        s.plan.recurrency_period === 30 &&
        s.accession_date < clock.ms() - 100 * DAY,
    );
    const response = await call<PurchaseItem[]>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/${subscription.subscriber_code}/purchases`,
    );
    expect(response.status).toBe(200);
    expect(Array.isArray(response.json)).toBe(true);
    expect(response.json.length).toBeGreaterThan(2);
    expect(response.json[0]).toEqual({
      transaction: subscription.transaction,
      approved_date: expect.any(Number),
      payment_engine: expect.stringMatching(/^HotPay/),
      status: expect.stringMatching(/^(APPROVED|COMPLETE)$/),
      price: subscription.price,
      payment_type: expect.any(String),
      payment_method: expect.any(String),
      recurrency_number: 1,
      under_warranty: expect.any(Boolean),
      purchase_subscription: true,
    });
    expect(response.json.map((p) => p.recurrency_number)).toEqual(
      response.json.map((_p, i) => i + 1),
    );
    expect(new Set(response.json.map((p) => p.transaction)).size).toBe(response.json.length);
  });

  it('answers 404 not_found for an unknown subscriber code', async () => {
    const response = await call(sim, token, 'GET', `${SUBSCRIPTIONS}/NOSUCH00/purchases`);
    expect(response.status).toBe(404);
    expect(response.json).toEqual(errorBody('not_found'));
  });
});

describe('POST /subscriptions/{code}/cancel', () => {
  it('cancels: the documented body, then the list shows CANCELLED_BY_SELLER', async () => {
    const target = withStatus('ACTIVE');
    const response = await postTo<Record<string, unknown>>(target.subscriber_code, 'cancel', {
      send_mail: false,
    });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      status: 'INACTIVE',
      subscriber_code: target.subscriber_code,
      creation_date: expect.stringMatching(DATE_TIME),
      current_recurrence: expect.any(Number),
      date_last_recurrence: expect.stringMatching(DATE_TIME),
      date_next_charge: expect.stringMatching(DATE_TIME),
      due_day: expect.any(Number),
      trial_period: expect.any(Number),
      interval_type_between_charges: expect.stringMatching(/^(WEEK|MONTH)$/),
      interval_between_charges: expect.any(Number),
      max_charge_cycles: expect.any(Number),
      activation_date: expect.stringMatching(DATE_TIME),
      shopper: {
        email: target.subscriber.email,
        phone: expect.stringMatching(/^\(\d{2}\) 9\d{8}$/),
      },
    });
    const after = sim.subscription(target.subscriber_code)!;
    expect(after.status).toBe('CANCELLED_BY_SELLER');
    // end_accession_date is the moment of the cancellation request; access still lasts until the
    // charge that will not happen.
    expect(after.end_accession_date).toBe(clock.ms());
    expect(after.date_next_charge).toBe(target.date_next_charge);
  });

  it('refuses to cancel twice with 400 SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE', async () => {
    const target = withStatus('DELAYED');
    expect((await postTo(target.subscriber_code, 'cancel', { send_mail: true })).status).toBe(200);
    const again = await postTo(target.subscriber_code, 'cancel', { send_mail: true });
    expect(again.status).toBe(400);
    expect(again.json).toEqual(errorBody('SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE'));
  });

  it('refuses to cancel an overdue subscription', async () => {
    const target = withStatus('OVERDUE');
    const response = await postTo(target.subscriber_code, 'cancel');
    expect(response.status).toBe(400);
    expect(sim.subscription(target.subscriber_code)!.status).toBe('OVERDUE');
  });

  it('answers 404 not_found for an unknown code and changes nothing', async () => {
    const before = sim.subscriptions();
    const response = await postTo('NOSUCH00', 'cancel', { send_mail: false });
    expect(response.status).toBe(404);
    expect(response.json).toEqual(errorBody('not_found'));
    expect(sim.subscriptions()).toEqual(before);
  });

  it.each([
    ['send_mail is not a boolean', { send_mail: 'yes' }],
    ['the body is not JSON', '{send_mail: false'],
    ['the body is an array', [true]],
  ])('answers 400 invalid_parameter when %s, and cancels nothing', async (_case, body) => {
    const target = withStatus('ACTIVE');
    const response = await postTo(target.subscriber_code, 'cancel', body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorBody('invalid_parameter'));
    expect(sim.subscription(target.subscriber_code)!.status).toBe('ACTIVE');
  });
});

describe('POST /subscriptions/cancel (bulk)', () => {
  it('reports successes and failures separately with 200', async () => {
    const active = withStatus('ACTIVE');
    const cancelled = withStatus('CANCELLED_BY_CUSTOMER');
    const response = await call<{
      success_subscriptions: Record<string, unknown>[];
      fail_subscriptions: Record<string, unknown>[];
    }>(sim, token, 'POST', `${SUBSCRIPTIONS}/cancel`, {
      subscriber_code: [active.subscriber_code, cancelled.subscriber_code, 'NOSUCH00'],
      send_mail: true,
    });
    expect(response.status).toBe(200);
    expect(response.json.success_subscriptions).toEqual([
      expect.objectContaining({ status: 'INACTIVE', subscriber_code: active.subscriber_code }),
    ]);
    expect(response.json.fail_subscriptions).toEqual([
      {
        status: 'CANCELLED_BY_CUSTOMER',
        error: 'SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE',
        subscriber_code: cancelled.subscriber_code,
        creation_date: expect.stringMatching(DATE_TIME),
        interval_between_charges: cancelled.plan.recurrency_period,
        shopper: { email: cancelled.subscriber.email, phone: expect.any(String) },
      },
      { error: 'SUBSCRIPTION_NOT_FOUND', subscriber_code: 'NOSUCH00' },
    ]);
    expect(sim.subscription(active.subscriber_code)!.status).toBe('CANCELLED_BY_SELLER');
  });

  it.each([
    ['no subscriber_code', { send_mail: true }],
    ['a string instead of an array', { subscriber_code: 'QX7K2M9P' }],
    ['an empty array', { subscriber_code: [] }],
    ['a non-string code', { subscriber_code: [12345678] }],
  ])('refuses %s with 400 invalid_parameter', async (_case, body) => {
    const response = await call(sim, token, 'POST', `${SUBSCRIPTIONS}/cancel`, body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorBody('invalid_parameter'));
  });
});

describe('POST /subscriptions/{code}/reactivate', () => {
  it('reactivates pending the subscriber: INACTIVE until accepted, then ACTIVE', async () => {
    // Access already ended, so acceptance must schedule the next charge in the future.
    const target = find(
      (s) => s.status === 'CANCELLED_BY_CUSTOMER' && s.date_next_charge < clock.ms(),
    );
    const response = await postTo(target.subscriber_code, 'reactivate', { charge: false });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      status: 'INACTIVE',
      subscriber_code: target.subscriber_code,
      creation_date: expect.stringMatching(DATE_TIME),
      interval_between_charges: target.plan.recurrency_period,
      shopper: { email: target.subscriber.email, phone: expect.any(String) },
    });
    expect(sim.subscription(target.subscriber_code)!.status).toBe('INACTIVE');
    expect(sim.acceptReactivation(target.subscriber_code)).toBe(true);
    const after = sim.subscription(target.subscriber_code)!;
    expect(after.status).toBe('ACTIVE');
    expect(after).not.toHaveProperty('end_accession_date');
    expect(after.date_next_charge).toBeGreaterThan(clock.ms());
    expect(sim.acceptReactivation(target.subscriber_code)).toBe(false);
  });

  it('lets an unaccepted reactivation lapse after 3 days', async () => {
    const target = withStatus('CANCELLED_BY_ADMIN');
    await postTo(target.subscriber_code, 'reactivate');
    clock.advance(3 * DAY - 1);
    expect(sim.subscription(target.subscriber_code)!.status).toBe('INACTIVE');
    clock.advance(1);
    expect(sim.subscription(target.subscriber_code)!.status).toBe('CANCELLED_BY_ADMIN');
    expect(sim.acceptReactivation(target.subscriber_code)).toBe(false);
  });

  it('with charge: true, bills on acceptance (a new APPROVED purchase)', async () => {
    const target = withStatus('CANCELLED_BY_SELLER');
    const before = sim.purchases(target.subscriber_code)!;
    await postTo(target.subscriber_code, 'reactivate', { charge: true });
    expect(sim.purchases(target.subscriber_code)).toEqual(before);
    sim.acceptReactivation(target.subscriber_code);
    const after = sim.purchases(target.subscriber_code)!;
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      status: 'APPROVED',
      recurrency_number: before.at(-1)!.recurrency_number + 1,
      transaction: expect.stringMatching(/^HP\d{14}$/),
    });
  });

  it('reactivates a subscription it just cancelled', async () => {
    const target = withStatus('ACTIVE');
    await postTo(target.subscriber_code, 'cancel', { send_mail: false });
    const response = await postTo(target.subscriber_code, 'reactivate', { charge: false });
    expect(response.status).toBe(200);
  });

  it('refuses an active subscription with 400 SUBSCRIPTION_ALREADY_ACTIVE', async () => {
    const target = withStatus('ACTIVE');
    const response = await postTo(target.subscriber_code, 'reactivate');
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorBody('SUBSCRIPTION_ALREADY_ACTIVE'));
  });

  it('refuses an overdue subscription (its term ended)', async () => {
    const target = withStatus('OVERDUE');
    const response = await postTo(target.subscriber_code, 'reactivate');
    expect(response.status).toBe(400);
    expect(sim.subscription(target.subscriber_code)!.status).toBe('OVERDUE');
  });

  it('answers 404 for an unknown code and 400 for a non-boolean charge', async () => {
    expect((await postTo('NOSUCH00', 'reactivate')).status).toBe(404);
    const target = withStatus('CANCELLED_BY_CUSTOMER');
    const response = await postTo(target.subscriber_code, 'reactivate', { charge: 1 });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorBody('invalid_parameter'));
  });
});

describe('POST /subscriptions/reactivate (bulk)', () => {
  it('reports successes and SUBSCRIPTION_ALREADY_ACTIVE failures with 200', async () => {
    const cancelled = withStatus('CANCELLED_BY_CUSTOMER');
    const active = withStatus('ACTIVE');
    const response = await call<{
      success_subscriptions: Record<string, unknown>[];
      fail_subscriptions: Record<string, unknown>[];
    }>(sim, token, 'POST', `${SUBSCRIPTIONS}/reactivate`, {
      subscriber_code: [cancelled.subscriber_code, active.subscriber_code],
      charge: false,
    });
    expect(response.status).toBe(200);
    expect(response.json.success_subscriptions).toEqual([
      expect.objectContaining({ status: 'INACTIVE', subscriber_code: cancelled.subscriber_code }),
    ]);
    expect(response.json.fail_subscriptions).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        error: 'SUBSCRIPTION_ALREADY_ACTIVE',
        subscriber_code: active.subscriber_code,
      }),
    ]);
  });
});

describe('PATCH /subscriptions/{code} (change due day)', () => {
  function changeable(): SubscriptionItem {
    return find((s) => s.status === 'ACTIVE' && s.plan.recurrency_period !== 7 && !inTrial(s));
  }

  it('answers 200 with an empty body and keeps the scheduled next charge', async () => {
    const target = changeable();
    const response = await patchSubscription(target.subscriber_code, { due_day: 15 });
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(sim.subscription(target.subscriber_code)!.date_next_charge).toBe(
      target.date_next_charge,
    );
    // The new day shows where Hotmart exposes it: the cancel response.
    const cancelled = await postTo<{ due_day: number }>(target.subscriber_code, 'cancel', {
      send_mail: false,
    });
    expect(cancelled.json.due_day).toBe(15);
  });

  it.each([[0], [32], [1.5], ['15'], [null]])(
    'refuses due_day %p with 400 invalid_parameter',
    async (dueDay) => {
      const target = changeable();
      const response = await patchSubscription(target.subscriber_code, { due_day: dueDay });
      expect(response.status).toBe(400);
      expect(response.json).toEqual(errorBody('invalid_parameter'));
    },
  );

  it('requires due_day', async () => {
    const response = await patchSubscription<{ error_description: string }>(
      changeable().subscriber_code,
      {},
    );
    expect(response.status).toBe(400);
    expect(response.json.error_description).toContain('due_day');
  });

  it('accepts 1–7 (Monday–Sunday) only for a weekly plan', async () => {
    const weekly = find(
      (s) => s.status === 'ACTIVE' && s.plan.recurrency_period === 7 && !inTrial(s),
    );
    expect((await patchSubscription(weekly.subscriber_code, { due_day: 8 })).status).toBe(400);
    expect((await patchSubscription(weekly.subscriber_code, { due_day: 7 })).status).toBe(200);
  });

  it('refuses a subscription in its trial period with subscription_in_trial_period', async () => {
    // Subscriptions in their 7-day trial are rare: use the full default data set.
    ({ sim, token, clock } = await setup());
    const target = find((s) => s.status === 'ACTIVE' && inTrial(s));
    const response = await patchSubscription(target.subscriber_code, { due_day: 10 });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      ...errorBody('subscription_in_trial_period'),
      error_description:
        'The due day cannot be changed while the subscription is in its trial period.',
    });
  });

  it('refuses a cancelled subscription and an unknown code', async () => {
    const cancelled = withStatus('CANCELLED_BY_CUSTOMER');
    expect((await patchSubscription(cancelled.subscriber_code, { due_day: 10 })).status).toBe(400);
    expect((await patchSubscription('NOSUCH00', { due_day: 10 })).status).toBe(404);
  });
});

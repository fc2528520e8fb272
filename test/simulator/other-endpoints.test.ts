// Summary, transactions, products, user, and routing across Hotmart's hosts.
import type { ListPage } from './helpers';
import { DAY, SUBSCRIPTIONS, call, errorBody, setup } from './helpers';

interface SummaryItem {
  subscriber_code: string;
  status: string;
  lifetime: number;
  last_recurrency: { number: number; status: string; billing_type: string };
  unpaid_recurrencies: { number: number; charge_date: number }[];
}

interface TransactionItem {
  subscriber_code: string;
  recurrency: { status: string; number: number };
  purchase: { transaction: string; order_date: number; status: string };
}

describe('GET /subscriptions/summary', () => {
  it('summarises the default 30-day window with the documented fields', async () => {
    const { sim, token, clock } = await setup();
    const response = await call<ListPage<SummaryItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/summary?max_results=500`,
    );
    const expected = sim.subscriptions().filter((s) => s.accession_date >= clock.ms() - 30 * DAY);
    expect(response.json.items.map((i) => i.subscriber_code)).toEqual(
      expected.map((s) => s.subscriber_code),
    );
    expect(response.json.page_info).toEqual({ results_per_page: 500 });
    const first = response.json.items[0]!;
    expect(Object.keys(first).sort()).toEqual(
      [
        'accession_date',
        ...(first.status.startsWith('CANCELLED') ? ['end_accession_date'] : []),
        'last_recurrency',
        'lifetime',
        'offer',
        'plan',
        'product',
        'status',
        'subscriber',
        'subscriber_code',
        'subscription_id',
        'trial',
        'unpaid_recurrencies',
      ].sort(),
    );
  });

  it('lists the unpaid recurrence of a delayed subscription', async () => {
    const { sim, token } = await setup();
    const delayed = sim.subscriptions().find((s) => s.status === 'DELAYED')!;
    const response = await call<ListPage<SummaryItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/summary?accession_date=0&subscriber_code=${delayed.subscriber_code}`,
    );
    const [item] = response.json.items;
    expect(item!.last_recurrency).toMatchObject({
      status: 'NOT_PAID',
      billing_type: 'SUBSCRIPTION',
    });
    expect(item!.unpaid_recurrencies).toEqual([
      { number: item!.last_recurrency.number, charge_date: expect.any(Number) },
    ]);
    expect(item!.lifetime).toBeGreaterThan(0);
  });
});

describe('GET /subscriptions/transactions', () => {
  it('returns the charges of the last 30 days by default, newest first', async () => {
    const { sim, token, clock } = await setup({ size: 200 });
    const response = await call<ListPage<TransactionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/transactions?max_results=500`,
    );
    const dates = response.json.items.map((i) => i.purchase.order_date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= clock.ms() - 30 * DAY && d <= clock.ms())).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('finds an old charge by transaction code whatever its date', async () => {
    const { sim, token, clock } = await setup({ size: 200 });
    const old = sim.subscriptions().find((s) => s.accession_date < clock.ms() - 200 * DAY)!;
    const response = await call<ListPage<TransactionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/transactions?transaction=${old.transaction}`,
    );
    expect(response.json.items).toHaveLength(1);
    expect(response.json.items[0]).toMatchObject({
      subscriber_code: old.subscriber_code,
      recurrency: { number: 1 },
      purchase: { transaction: old.transaction },
    });
  });

  it('writes a retried recurrence as one row per attempt, with Hotmart’s field names', async () => {
    const { sim, token } = await setup({ size: 400 });
    const response = await call<ListPage<Record<string, Record<string, unknown>>>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/transactions?transaction_date=0&recurrency_status=NOT_PAID&max_results=500`,
    );
    const rows = response.json.items;
    const byRecurrence = new Map<string, Record<string, Record<string, unknown>>[]>();
    for (const row of rows) {
      const key = `${String(row.subscriber_code)}#${String(row.recurrency?.number)}`;
      byRecurrence.set(key, [...(byRecurrence.get(key) ?? []), row]);
    }
    const retried = [...byRecurrence.values()].filter((attempts) => attempts.length > 1);
    expect(retried.length).toBeGreaterThan(0);
    for (const attempts of retried) {
      const oldestFirst = [...attempts].sort(
        (a, b) => Number(a.purchase?.order_date) - Number(b.purchase?.order_date),
      );
      expect(oldestFirst.map((row) => row.recurrency?.transaction_sequence)).toEqual(
        oldestFirst.map((_row, i) => i + 1),
      );
      expect(oldestFirst.map((row) => row.recurrency?.is_current_purchase)).toEqual(
        oldestFirst.map((_row, i) => i === oldestFirst.length - 1),
      );
      expect(oldestFirst.map((row) => row.purchase?.status)).toEqual([
        ...oldestFirst.slice(1).map(() => 'NO_FUNDS'),
        'OVERDUE',
      ]);
      expect(oldestFirst.every((row) => row.recurrency?.has_retry === true)).toBe(true);
    }
    const first = rows[0]!;
    expect(first.recurrency).toEqual(
      expect.objectContaining({
        payment_delays_days: expect.any(Number),
        number_list: String(first.recurrency?.number),
      }),
    );
    expect(first.recurrency).not.toHaveProperty('payment_delay_days');
    expect(first.plan?.recurrency_type).toMatch(
      /^(WEEKLY|MONTHLY|BIMONTHLY|QUARTERLY|BIANNUAL|ANNUAL)$/,
    );
  });

  it('filters by recurrency_status and refuses unknown enum values', async () => {
    const { sim, token } = await setup({ size: 200 });
    const unpaid = await call<ListPage<TransactionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/transactions?transaction_date=0&recurrency_status=NOT_PAID&max_results=500`,
    );
    expect(unpaid.json.items.length).toBeGreaterThan(0);
    expect(unpaid.json.items.every((i) => i.recurrency.status === 'NOT_PAID')).toBe(true);
    const bad = await call(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/transactions?recurrency_status=LATE`,
    );
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(errorBody('invalid_parameter'));
  });
});

describe('products, user and routing', () => {
  it('lists products with 50 per page by default and filters by format', async () => {
    const { sim, token } = await setup({ size: 5 });
    const all = await call<ListPage<{ id: number; format: string; is_subscription: boolean }>>(
      sim,
      token,
      'GET',
      '/products/api/v1/products',
    );
    expect(all.json.page_info).toEqual({ results_per_page: 50 });
    expect(all.json.items.some((p) => !p.is_subscription)).toBe(true);
    const ebooks = await call<ListPage<{ format: string }>>(
      sim,
      token,
      'GET',
      '/products/api/v1/products?format=EBOOK',
    );
    expect(ebooks.json.items.length).toBeGreaterThan(0);
    expect(ebooks.json.items.length).toBeLessThan(all.json.items.length);
    expect(ebooks.json.items.every((p) => p.format === 'EBOOK')).toBe(true);
  });

  it('lists a product’s plans, codes apart from plan IDs; 400 invalid_parameter for no plans', async () => {
    const { sim, token } = await setup({ size: 5 });
    const products = await call<ListPage<{ ucode: string; is_subscription: boolean }>>(
      sim,
      token,
      'GET',
      '/products/api/v1/products',
    );
    const course = products.json.items.find((p) => p.is_subscription);
    const ebook = products.json.items.find((p) => !p.is_subscription);
    const plans = await call<ListPage<Record<string, unknown>>>(
      sim,
      token,
      'GET',
      `/products/api/v1/products/${course?.ucode}/plans`,
    );
    expect(plans.status).toBe(200);
    expect(plans.json.items.length).toBeGreaterThan(0);
    for (const plan of plans.json.items) {
      expect(plan).toMatchObject({
        code: expect.stringMatching(/^pl[0-9a-z]+$/),
        periodicity: expect.stringMatching(
          /^(WEEKLY|MONTHLY|BIMONTHLY|QUARTERLY|BIANNUAL|ANNUAL)$/,
        ),
        payment_mode: 'ASSINATURA',
      });
      // Keys Hotmart omits are omitted: the trial only where there is one.
      expect('trial_period' in plan ? plan.trial_period : 'none').not.toBeNull();
    }
    const none = await call(sim, token, 'GET', `/products/api/v1/products/${ebook?.ucode}/plans`);
    expect(none.status).toBe(400);
    expect(none.json).toEqual(errorBody('invalid_parameter'));
  });

  it('answers /user/api/v1/me with the producer profile', async () => {
    const { sim, token } = await setup({ size: 5 });
    const response = await call<Record<string, unknown>>(sim, token, 'GET', '/user/api/v1/me');
    expect(response.json).toMatchObject({
      name: expect.any(String),
      email: expect.stringContaining('example.com'),
    });
  });

  it('serves production, sandbox and a bare path identically (routing is by path)', async () => {
    const { sim, token } = await setup({ size: 50 });
    const path = `${SUBSCRIPTIONS}?accession_date=0&max_results=5`;
    const production = await call(sim, token, 'GET', `https://developers.hotmart.com${path}`);
    const sandbox = await call(sim, token, 'GET', `https://sandbox.hotmart.com${path}`);
    const local = await call(sim, token, 'GET', `http://127.0.0.1:8787${path}`);
    expect(production.status).toBe(200);
    expect(sandbox.body).toBe(production.body);
    expect(local.body).toBe(production.body);
  });

  it.each([
    ['GET', '/payments/api/v1/nothing-here'],
    ['DELETE', SUBSCRIPTIONS],
    ['GET', `${SUBSCRIPTIONS}/QX7K2M9P/cancel`],
    ['GET', '/club/api/v1/modules'],
  ])('answers %s %s with 404 not_found', async (method, path) => {
    const { sim, token } = await setup({ size: 5 });
    const response = await call(sim, token, method, path);
    expect(response.status).toBe(404);
    expect(response.json).toEqual(errorBody('not_found'));
  });

  it('records every request it handled', async () => {
    const { sim, token } = await setup({ size: 5 });
    await call(sim, token, 'POST', `${SUBSCRIPTIONS}/cancel`, { subscriber_code: ['NOSUCH00'] });
    expect(sim.requestCount()).toBe(2);
    expect(sim.requests()[1]).toEqual({
      method: 'POST',
      host: 'developers.hotmart.com',
      path: `${SUBSCRIPTIONS}/cancel`,
      query: '',
      body: '{"subscriber_code":["NOSUCH00"]}',
      status: 200,
    });
  });
});

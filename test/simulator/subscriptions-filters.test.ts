// Every documented filter of GET /subscriptions (reference §4.1). Expectations come from the
// simulator's unfiltered state (`sim.subscriptions()`) and a predicate written here, and every
// case checks the filter actually narrows the result (non-empty, smaller than the whole).
import type { Simulator, SubscriptionItem } from '../../lib/simulator';
import { DAY, SUBSCRIPTIONS, call, errorBody, setup, walkPages } from './helpers';

let sim: Simulator;
let token: string;
let all: SubscriptionItem[];

beforeEach(async () => {
  ({ sim, token } = await setup({ size: 400 }));
  all = sim.subscriptions();
});

/** Every match over all pages; `accession_date=0` lifts the default 30-day window. */
async function list(params: [string, string][]): Promise<SubscriptionItem[]> {
  const query = new URLSearchParams([['max_results', '500'], ...params]);
  if (!query.has('accession_date')) query.set('accession_date', '0');
  const pages = await walkPages<SubscriptionItem>(sim, token, SUBSCRIPTIONS, query);
  return pages.flatMap((page) => page.items);
}

function codes(items: readonly SubscriptionItem[]): string[] {
  return items.map((item) => item.subscriber_code).sort();
}

function expectFilter(result: SubscriptionItem[], predicate: (item: SubscriptionItem) => boolean) {
  const expected = all.filter(predicate);
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(all.length);
  expect(codes(result)).toEqual(codes(expected));
}

function first(): SubscriptionItem {
  const item = all[0];
  if (item === undefined) throw new Error('empty data set');
  return item;
}

describe('GET /subscriptions filters', () => {
  it('returns everything with accession_date=0 and no other filter', async () => {
    expect(codes(await list([]))).toEqual(codes(all));
  });

  it('product_id', async () => {
    const id = first().product.id;
    expectFilter(await list([['product_id', String(id)]]), (s) => s.product.id === id);
  });

  it('plan (one name)', async () => {
    const name = first().plan.name;
    expectFilter(await list([['plan', name]]), (s) => s.plan.name === name);
  });

  it('plan (repeated keys select several names)', async () => {
    const names = [...new Set(all.map((s) => s.plan.name))].slice(0, 2);
    expect(names).toHaveLength(2);
    const result = await list(names.map((name) => ['plan', name] as [string, string]));
    expectFilter(result, (s) => names.includes(s.plan.name));
  });

  it('plan_id', async () => {
    const id = first().plan.id;
    expectFilter(await list([['plan_id', String(id)]]), (s) => s.plan.id === id);
  });

  it('accession_date (from, inclusive)', async () => {
    const from = all[100]!.accession_date;
    expectFilter(await list([['accession_date', String(from)]]), (s) => s.accession_date >= from);
  });

  it('end_accession_date (until, inclusive)', async () => {
    const to = all[100]!.accession_date;
    expectFilter(await list([['end_accession_date', String(to)]]), (s) => s.accession_date <= to);
  });

  it('status (one value)', async () => {
    expectFilter(await list([['status', 'DELAYED']]), (s) => s.status === 'DELAYED');
  });

  it('status (repeated keys, as in the official example)', async () => {
    const result = await list([
      ['status', 'CANCELLED_BY_SELLER'],
      ['status', 'ACTIVE'],
    ]);
    expectFilter(result, (s) => s.status === 'CANCELLED_BY_SELLER' || s.status === 'ACTIVE');
  });

  it('subscriber_code', async () => {
    const code = all[7]!.subscriber_code;
    expectFilter(await list([['subscriber_code', code]]), (s) => s.subscriber_code === code);
  });

  it('subscriber_email (case-insensitive)', async () => {
    const email = all[7]!.subscriber.email;
    expectFilter(
      await list([['subscriber_email', email.toUpperCase()]]),
      (s) => s.subscriber.email === email,
    );
  });

  it('transaction', async () => {
    const transaction = all[9]!.transaction;
    expectFilter(await list([['transaction', transaction]]), (s) => s.transaction === transaction);
  });

  it.each([
    ['true', true],
    ['false', false],
  ])('trial=%s', async (value, expected) => {
    expectFilter(await list([['trial', value]]), (s) => s.trial === expected);
  });

  it('date_next_charge and end_date_next_charge', async () => {
    const sorted = all.map((s) => s.date_next_charge).sort((a, b) => a - b);
    const from = sorted[50]!;
    const to = sorted[300]!;
    expectFilter(
      await list([
        ['date_next_charge', String(from)],
        ['end_date_next_charge', String(to)],
      ]),
      (s) => s.date_next_charge >= from && s.date_next_charge <= to,
    );
  });

  it('date_next_charge alone defaults its start to now', async () => {
    const to = Math.max(...all.map((s) => s.date_next_charge));
    const now = sim.now().getTime();
    expectFilter(
      await list([['end_date_next_charge', String(to)]]),
      (s) => s.date_next_charge >= now,
    );
  });

  it('cancelation_date / end_cancelation_date keep only subscriptions cancelled in the window', async () => {
    const target = all.find((s) => s.status === 'ACTIVE')!;
    const before = sim.now().getTime();
    const cancelled = await call(
      sim,
      token,
      'POST',
      `${SUBSCRIPTIONS}/${target.subscriber_code}/cancel`,
      {
        send_mail: false,
      },
    );
    expect(cancelled.status).toBe(200);
    const inWindow = await list([
      ['cancelation_date', String(before - 1000)],
      ['end_cancelation_date', String(before + 1000)],
    ]);
    expect(codes(inWindow)).toContain(target.subscriber_code);
    expect(inWindow.every((s) => s.status.startsWith('CANCELLED_'))).toBe(true);
    const earlier = await list([
      ['cancelation_date', String(before - 10 * DAY)],
      ['end_cancelation_date', String(before - DAY)],
    ]);
    expect(codes(earlier)).not.toContain(target.subscriber_code);
    expect(earlier.every((s) => s.status.startsWith('CANCELLED_'))).toBe(true);
  });

  it('cancelation_date alone: cancelled since then until now, never active rows', async () => {
    const result = await list([['cancelation_date', '0']]);
    expect(result.length).toBeGreaterThan(0);
    expect(codes(result)).toEqual(codes(all.filter((s) => s.status.startsWith('CANCELLED_'))));
  });

  it('combines filters with AND', async () => {
    const sample = all.find((s) => s.status === 'ACTIVE')!;
    const result = await list([
      ['product_id', String(sample.product.id)],
      ['status', 'ACTIVE'],
      ['plan', sample.plan.name],
    ]);
    expectFilter(
      result,
      (s) =>
        s.product.id === sample.product.id &&
        s.status === 'ACTIVE' &&
        s.plan.name === sample.plan.name,
    );
  });

  it('silently ignores unknown parameters (start_date is not a /subscriptions filter)', async () => {
    const plain = await call(sim, token, 'GET', SUBSCRIPTIONS);
    const withUnknown = await call(sim, token, 'GET', `${SUBSCRIPTIONS}?start_date=0&foo=bar`);
    expect(withUnknown.status).toBe(200);
    expect(withUnknown.json).toEqual(plain.json);
  });
});

describe('GET /subscriptions filter errors', () => {
  it.each([
    ['status=CANCELLED_BY_BUYER', 'invalid_parameter'],
    ['status=ACTIVE&status=active', 'invalid_parameter'],
    ['status=ACTIVE,DELAYED', 'invalid_parameter'],
    ['product_id=abc', 'invalid_value_parameter'],
    ['plan_id=1.5', 'invalid_value_parameter'],
    ['trial=maybe', 'invalid_value_parameter'],
    ['accession_date=2024-01-01', 'invalid_value_parameter'],
    ['end_cancelation_date=-5', 'invalid_value_parameter'],
    ['max_results=ten', 'invalid_value_parameter'],
    ['max_results=0', 'invalid_value_parameter'],
  ])('%s → 400 %s naming the parameter', async (query, code) => {
    const response = await call<{ error_description: string }>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?${query}`,
    );
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorBody(code));
    const name = query.split('=')[0]!;
    expect(response.json.error_description).toContain(name);
  });
});

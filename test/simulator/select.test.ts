// Custom response `?select=` (reference §3.4).
import type { SubscriptionItem } from '../../lib/simulator';
import type { ListPage } from './helpers';
import { SUBSCRIPTIONS, call, setup } from './helpers';

describe('simulator select (custom response)', () => {
  it('trims list items and keeps page_info', async () => {
    const { sim, token } = await setup({ size: 50 });
    const response = await call<ListPage<Partial<SubscriptionItem>>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&max_results=3&select=subscriber_code,plan.name,price`,
    );
    const all = sim.subscriptions().slice(0, 3);
    expect(response.json.items).toEqual(
      all.map((s) => ({
        subscriber_code: s.subscriber_code,
        plan: { name: s.plan.name },
        price: s.price,
      })),
    );
    expect(response.json.page_info).toMatchObject({ total_results: 50, results_per_page: 3 });
  });

  it('trims a single object (the cancel response, as in the reference example)', async () => {
    const { sim, token } = await setup({ size: 50 });
    const target = sim.subscriptions().find((s) => s.status === 'ACTIVE')!;
    const response = await call(
      sim,
      token,
      'POST',
      `${SUBSCRIPTIONS}/${target.subscriber_code}/cancel?select=subscriber_code,status`,
      { send_mail: false },
    );
    expect(response.json).toEqual({ subscriber_code: target.subscriber_code, status: 'INACTIVE' });
  });

  it('trims each element of a bare array (purchases)', async () => {
    const { sim, token } = await setup({ size: 50 });
    const code = sim.subscriptions()[0]!.subscriber_code;
    const response = await call(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}/${code}/purchases?select=transaction`,
    );
    expect(response.json).toEqual(
      sim.purchases(code)!.map((p) => ({ transaction: p.transaction })),
    );
  });

  it('answers an empty JSON object when no selector is known, and drops unknown ones in a mix', async () => {
    const { sim, token } = await setup({ size: 50 });
    const unknown = await call(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&select=nope,nada.x`,
    );
    expect(unknown.status).toBe(200);
    expect(unknown.json).toEqual({});
    const mixed = await call<ListPage<Record<string, unknown>>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&max_results=1&select=status,nope,constructor`,
    );
    expect(mixed.json.items).toEqual([{ status: sim.subscriptions()[0]!.status }]);
  });
});

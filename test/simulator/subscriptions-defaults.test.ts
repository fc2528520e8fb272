// Hotmart's defaults on GET /subscriptions (reference §3.3, §4.1): the 30-day accession window
// relative to the simulator's clock, 10 results per page, max_results clamped at 500.
import type { SubscriptionItem } from '../../lib/simulator';
import type { ListPage } from './helpers';
import { DAY, SUBSCRIPTIONS, call, getToken, setup } from './helpers';

const WINDOW = 30 * DAY;

describe('GET /subscriptions defaults', () => {
  it('returns only the last 30 days of accessions when accession_date is absent', async () => {
    const { sim, token, clock } = await setup();
    const all = sim.subscriptions();
    const inWindow = all.filter((s) => s.accession_date >= clock.ms() - WINDOW);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(inWindow.length).toBeLessThan(all.length);
    const response = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?max_results=500`,
    );
    expect(response.json.page_info.total_results).toBe(inWindow.length);
    expect(response.json.items.map((s) => s.subscriber_code)).toEqual(
      inWindow.map((s) => s.subscriber_code),
    );
  });

  it('moves the default window with the simulator clock', async () => {
    const { sim, token, clock } = await setup();
    const count = async (bearer: string): Promise<number | undefined> =>
      (await call<ListPage<SubscriptionItem>>(sim, bearer, 'GET', SUBSCRIPTIONS)).json.page_info
        .total_results;
    const before = await count(token);
    clock.advance(10 * DAY);
    // Ten days outlive the first token (≈ 48 h).
    const after = await count(await getToken(sim));
    const expected = sim
      .subscriptions()
      .filter((s) => s.accession_date >= clock.ms() - WINDOW).length;
    expect(after).toBe(expected);
    expect(after).toBeLessThan(before!);
  });

  it('keeps the default start when only end_accession_date is sent', async () => {
    const { sim, token, clock } = await setup();
    const end = clock.ms() - 5 * DAY;
    const response = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?end_accession_date=${end}&max_results=500`,
    );
    const expected = sim
      .subscriptions()
      .filter((s) => s.accession_date >= clock.ms() - WINDOW && s.accession_date <= end);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.json.page_info.total_results).toBe(expected.length);
  });

  it('returns 10 results per page by default', async () => {
    const { sim, token } = await setup();
    const response = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0`,
    );
    expect(response.json.items).toHaveLength(10);
    expect(response.json.page_info).toEqual({
      total_results: 1000,
      next_page_token: expect.any(String),
      results_per_page: 10,
    });
  });

  it('silently clamps max_results above 500 to 500', async () => {
    const { sim, token } = await setup();
    const response = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&max_results=1000`,
    );
    expect(response.status).toBe(200);
    expect(response.json.items).toHaveLength(500);
    expect(response.json.page_info.results_per_page).toBe(500);
    expect(response.json.page_info.next_page_token).toEqual(expect.any(String));
  });

  it('answers an empty result with empty items and no cursors', async () => {
    const { sim, token } = await setup();
    const response = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?subscriber_code=NOSUCH00`,
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      items: [],
      page_info: { total_results: 0, results_per_page: 10 },
    });
  });

  it('answers with Hotmart JSON and the rate-limit headers', async () => {
    const { sim, token } = await setup({ size: 10 });
    const response = await call(sim, token, 'GET', SUBSCRIPTIONS);
    expect(response.headers).toMatchObject({
      'Content-Type': 'application/json;charset=UTF-8',
      'RateLimit-Limit': '500',
      'RateLimit-Remaining': '499',
    });
  });
});

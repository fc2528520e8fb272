// Cursor pagination (reference §3.3): walking every page yields each subscription exactly once;
// cursors are opaque, stable for a query and refused for another one.
import type { SubscriptionItem } from '../../lib/simulator';
import type { ListPage } from './helpers';
import { SUBSCRIPTIONS, call, errorBody, setup, walkPages } from './helpers';

describe('GET /subscriptions pagination', () => {
  it('walks all pages with no duplicates, no gaps and consistent page_info', async () => {
    const { sim, token } = await setup({ size: 250 });
    const pages = await walkPages<SubscriptionItem>(
      sim,
      token,
      SUBSCRIPTIONS,
      new URLSearchParams({ accession_date: '0', max_results: '7' }),
    );
    expect(pages).toHaveLength(Math.ceil(250 / 7));
    const seen = pages.flatMap((page) => page.items.map((item) => item.subscriber_code));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(sim.subscriptions().map((item) => item.subscriber_code));
    pages.forEach((page, index) => {
      expect(page.page_info.total_results).toBe(250);
      expect(page.page_info.results_per_page).toBe(7);
      expect(page.page_info.prev_page_token === undefined).toBe(index === 0);
      expect(page.page_info.next_page_token === undefined).toBe(index === pages.length - 1);
    });
    expect(pages.at(-1)!.items).toHaveLength(250 % 7);
  });

  it('walks a filtered result the same way (repeated status keys)', async () => {
    const { sim, token } = await setup({ size: 300 });
    const query = new URLSearchParams([
      ['accession_date', '0'],
      ['status', 'ACTIVE'],
      ['status', 'DELAYED'],
      ['max_results', '20'],
    ]);
    const pages = await walkPages<SubscriptionItem>(sim, token, SUBSCRIPTIONS, query);
    const seen = pages.flatMap((page) => page.items.map((item) => item.subscriber_code));
    const expected = sim
      .subscriptions()
      .filter((s) => s.status === 'ACTIVE' || s.status === 'DELAYED')
      .map((s) => s.subscriber_code);
    expect(pages.length).toBeGreaterThan(1);
    expect(seen).toEqual(expected);
  });

  it('follows prev_page_token back to the previous page', async () => {
    const { sim, token } = await setup({ size: 100 });
    const pages = await walkPages<SubscriptionItem>(
      sim,
      token,
      SUBSCRIPTIONS,
      new URLSearchParams({ accession_date: '0', max_results: '10' }),
    );
    const prev = pages[2]!.page_info.prev_page_token!;
    const back = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&max_results=10&page_token=${encodeURIComponent(prev)}`,
    );
    expect(back.json.items).toEqual(pages[1]!.items);
  });

  it('gives the same cursors for the same query, whatever the order of repeated keys', async () => {
    const { sim, token } = await setup({ size: 100 });
    const a = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&status=ACTIVE&status=CANCELLED_BY_CUSTOMER&max_results=5`,
    );
    const b = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?status=CANCELLED_BY_CUSTOMER&max_results=5&status=ACTIVE&accession_date=0`,
    );
    expect(a.json.page_info.next_page_token).toEqual(expect.any(String));
    expect(b.json.page_info.next_page_token).toBe(a.json.page_info.next_page_token);
  });

  it('uses cursors shaped like Hotmart’s, base64 JSON with padding, that cannot be forged', async () => {
    const { sim, token } = await setup({ size: 100 });
    const pages = await walkPages<SubscriptionItem>(
      sim,
      token,
      SUBSCRIPTIONS,
      new URLSearchParams({ accession_date: '0', max_results: '10' }),
    );
    const cursors = pages.flatMap((page) => page.page_info.next_page_token ?? []);
    expect(new Set(cursors).size).toBe(cursors.length);
    cursors.forEach((cursor, i) => {
      // Standard base64 (padded to a multiple of 4), as Hotmart's `eyJyb3dzIjo1LCJwYWdlIjoyfQ==`.
      expect(cursor).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
      expect(cursor.length % 4).toBe(0);
      const body = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as object;
      expect(body).toEqual({ rows: 10, page: i + 2, sig: expect.any(String) });
    });
    expect(cursors.some((cursor) => cursor.endsWith('='))).toBe(true);
    // Hotmart's own shape without the simulator's signature, or with another page's, is refused.
    const first = JSON.parse(Buffer.from(cursors[0]!, 'base64').toString('utf8')) as {
      sig: string;
    };
    for (const forged of [
      { rows: 10, page: 2 },
      { rows: 10, page: 3, sig: first.sig },
    ]) {
      const text = Buffer.from(JSON.stringify(forged)).toString('base64');
      const response = await call(
        sim,
        token,
        'GET',
        `${SUBSCRIPTIONS}?accession_date=0&page_token=${encodeURIComponent(text)}`,
      );
      expect(response.status).toBe(400);
      expect(response.json).toEqual(errorBody('invalid_token'));
    }
  });

  it('refuses a cursor used with other filters, or altered, with 400 invalid_token', async () => {
    const { sim, token } = await setup({ size: 100 });
    const first = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&status=ACTIVE`,
    );
    const cursor = first.json.page_info.next_page_token!;
    const otherFilters = await call(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&page_token=${cursor}`,
    );
    expect(otherFilters.status).toBe(400);
    expect(otherFilters.json).toEqual(errorBody('invalid_token'));
    const flip = (text: string, at: number): string =>
      `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    // A byte in the middle, and the spare bits of the last character.
    for (const altered of [flip(cursor, 5), flip(cursor, cursor.length - 1)]) {
      const response = await call(
        sim,
        token,
        'GET',
        `${SUBSCRIPTIONS}?accession_date=0&status=ACTIVE&page_token=${altered}`,
      );
      expect(response.status).toBe(400);
    }
    const garbage = await call(sim, token, 'GET', `${SUBSCRIPTIONS}?page_token=%%%not-a-token`);
    expect(garbage.status).toBe(400);
    expect(garbage.json).toEqual(errorBody('invalid_token'));
  });

  it('keeps a cursor valid when only max_results changes, with no gap', async () => {
    const { sim, token } = await setup({ size: 100 });
    const first = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&max_results=10`,
    );
    const second = await call<ListPage<SubscriptionItem>>(
      sim,
      token,
      'GET',
      `${SUBSCRIPTIONS}?accession_date=0&max_results=25&page_token=${first.json.page_info.next_page_token!}`,
    );
    expect(second.json.items.map((s) => s.subscriber_code)).toEqual(
      sim
        .subscriptions()
        .slice(10, 35)
        .map((s) => s.subscriber_code),
    );
  });
});

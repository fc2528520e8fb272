// The nock adapter: the simulator answers real `fetch` calls to Hotmart's hosts.
import nock from 'nock';
import { SIMULATOR_CREDENTIALS, createSimulator, interceptWithNock } from '../../lib/simulator';
import type { NockInterception, Simulator } from '../../lib/simulator';
import { SUBSCRIPTIONS, testClock, tokenUrl } from './helpers';

let sim: Simulator;
let interception: NockInterception | undefined;

beforeEach(() => {
  sim = createSimulator({ size: 60, now: testClock().now });
});

afterEach(() => {
  interception?.stop();
  interception = undefined;
});

async function fetchToken(): Promise<string> {
  const response = await fetch(tokenUrl(), {
    method: 'POST',
    headers: {
      Authorization: `Basic ${SIMULATOR_CREDENTIALS.basicToken}`,
      'Content-Type': 'application/json',
    },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('interceptWithNock', () => {
  it('answers fetch on the token host and both data hosts', async () => {
    interception = interceptWithNock(sim);
    const token = await fetchToken();
    for (const host of ['https://developers.hotmart.com', 'https://sandbox.hotmart.com']) {
      const response = await fetch(
        `${host}${SUBSCRIPTIONS}?accession_date=0&status=ACTIVE&status=DELAYED&max_results=5`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('500');
      const body = (await response.json()) as { items: { status: string }[] };
      expect(body.items).toHaveLength(5);
      expect(body.items.every((i) => i.status === 'ACTIVE' || i.status === 'DELAYED')).toBe(true);
    }
    expect(sim.requests().map((r) => r.host)).toEqual([
      'api-sec-vlc.hotmart.com',
      'developers.hotmart.com',
      'sandbox.hotmart.com',
    ]);
  });

  it('passes JSON bodies through and returns empty bodies and error statuses', async () => {
    interception = interceptWithNock(sim);
    const token = await fetchToken();
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const target = sim.subscriptions().find((s) => s.status === 'ACTIVE')!;
    const cancel = await fetch(
      `https://developers.hotmart.com${SUBSCRIPTIONS}/${target.subscriber_code}/cancel`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ send_mail: false }),
      },
    );
    expect(cancel.status).toBe(200);
    expect(sim.requests().at(-1)!.body).toBe('{"send_mail":false}');
    const again = await fetch(
      `https://developers.hotmart.com${SUBSCRIPTIONS}/${target.subscriber_code}/cancel`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ send_mail: false }),
      },
    );
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe(
      'SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE',
    );
    const active = sim
      .subscriptions()
      .find((s) => s.status === 'ACTIVE' && !s.trial && s.plan.recurrency_period !== 7)!;
    const patch = await fetch(
      `https://developers.hotmart.com${SUBSCRIPTIONS}/${active.subscriber_code}`,
      {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ due_day: 3 }),
      },
    );
    expect(patch.status).toBe(200);
    expect(await patch.text()).toBe('');
    const noToken = await fetch(`https://sandbox.hotmart.com${SUBSCRIPTIONS}`);
    expect(noToken.status).toBe(401);
  });

  it("answers malformed JSON with Hotmart's 400 and passes the body text unchanged", async () => {
    interception = interceptWithNock(sim);
    const token = await fetchToken();
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const url = `https://developers.hotmart.com${SUBSCRIPTIONS}/cancel`;
    const malformed = await fetch(url, { method: 'POST', headers, body: '{"subscriber_code": [' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toBe('invalid_parameter');
    const spaced = '{ "subscriber_code" : ["NOSUCH00"] }';
    expect((await fetch(url, { method: 'POST', headers, body: spaced })).status).toBe(200);
    expect(sim.requests().at(-1)!.body).toBe(spaced);
  });

  it('leaves no pending mocks, even when nothing was called', () => {
    interception = interceptWithNock(sim);
    expect(nock.pendingMocks()).toEqual([]);
    expect(nock.activeMocks().length).toBeGreaterThan(0);
  });

  it('stop() removes exactly its own interceptors', async () => {
    const other = nock('https://example.com').get('/kept').reply(200, 'kept');
    interception = interceptWithNock(sim);
    interception.stop();
    interception.stop();
    await expect(fetch(`https://developers.hotmart.com${SUBSCRIPTIONS}`)).rejects.toThrow();
    expect(await (await fetch('https://example.com/kept')).text()).toBe('kept');
    other.done();
  });

  it('can stand in for other origins', async () => {
    interception = interceptWithNock(sim, { origins: ['http://hotmart.test'] });
    const response = await fetch('http://hotmart.test/user/api/v1/me');
    expect(response.status).toBe(401);
    expect(() => interceptWithNock(sim, { origins: ['http://hotmart.test/path'] })).toThrow(
      /origin/,
    );
  });
});

// The loopback HTTP adapter, through a real server started and closed in each test.
import { SIMULATOR_CREDENTIALS, createSimulator, startSimulatorServer } from '../../lib/simulator';
import type { LoopbackHost } from '../../lib/simulator';
import { SUBSCRIPTIONS, testClock } from './helpers';

describe('startSimulatorServer', () => {
  it('serves token and data calls on a random loopback port, then closes', async () => {
    const sim = createSimulator({ size: 40, now: testClock().now });
    const server = await startSimulatorServer(sim, { port: 0 });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.port).toBeGreaterThan(0);
      const query = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: SIMULATOR_CREDENTIALS.clientId,
        client_secret: SIMULATOR_CREDENTIALS.clientSecret,
      });
      const tokenResponse = await fetch(`${server.url}/security/oauth/token?${query.toString()}`, {
        method: 'POST',
        headers: { Authorization: `Basic ${SIMULATOR_CREDENTIALS.basicToken}` },
      });
      expect(tokenResponse.status).toBe(200);
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const list = await fetch(`${server.url}${SUBSCRIPTIONS}?accession_date=0&max_results=3`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(list.status).toBe(200);
      expect(list.headers.get('ratelimit-remaining')).toBe('499');
      expect(list.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      const body = (await list.json()) as { items: { subscriber_code: string }[] };
      expect(body.items.map((i) => i.subscriber_code)).toEqual(
        sim
          .subscriptions()
          .slice(0, 3)
          .map((s) => s.subscriber_code),
      );
      const code = body.items[0]!.subscriber_code;
      const cancel = await fetch(`${server.url}${SUBSCRIPTIONS}/cancel`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ subscriber_code: [code] }),
      });
      expect(cancel.status).toBe(200);
      expect(sim.requests().at(-1)).toMatchObject({
        method: 'POST',
        body: JSON.stringify({ subscriber_code: [code] }),
      });
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/user/api/v1/me`)).rejects.toThrow();
  });

  it('refuses to listen anywhere but loopback, and bad ports', async () => {
    const sim = createSimulator({ size: 1 });
    await expect(startSimulatorServer(sim, { host: '0.0.0.0' as LoopbackHost })).rejects.toThrow(
      /loopback/,
    );
    await expect(startSimulatorServer(sim, { port: 70000 })).rejects.toThrow(/port/);
  });

  it('reports a port already in use', async () => {
    const sim = createSimulator({ size: 1 });
    const first = await startSimulatorServer(sim);
    try {
      await expect(startSimulatorServer(sim, { port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it('refuses a body over 1 MB with 413', async () => {
    const sim = createSimulator({ size: 1 });
    const server = await startSimulatorServer(sim);
    try {
      const response = await fetch(`${server.url}${SUBSCRIPTIONS}/cancel`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: 'x'.repeat(1_100_000),
      });
      expect(response.status).toBe(413);
      expect(sim.requestCount()).toBe(0);
    } finally {
      await server.close();
    }
  });
});

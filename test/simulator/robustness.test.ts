// Bad input never makes the handler throw or reject: it answers in Hotmart's error shape.
import { createSimulator } from '../../lib/simulator';
import type { SimulatorRequest } from '../../lib/simulator';
import { START, SUBSCRIPTIONS, getToken } from './helpers';

describe('simulator robustness', () => {
  it('answers a broken clock with 500 internal_server_error instead of rejecting', async () => {
    let broken = false;
    const sim = createSimulator({
      size: 5,
      now: () => (broken ? new Date(Number.NaN) : new Date(START)),
    });
    const token = await getToken(sim);
    broken = true;
    const response = await sim.handle({
      method: 'GET',
      url: SUBSCRIPTIONS,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'internal_server_error' });
  });

  it.each<[string, SimulatorRequest]>([
    [
      'a malformed percent-escape in the path',
      { method: 'GET', url: '/payments/api/v1/subscriptions/%E0%A4%A/purchases', headers: {} },
    ],
    ['an unparseable absolute URL', { method: 'GET', url: 'http://[bad', headers: {} }],
    [
      'a non-string method',
      { method: undefined as unknown as string, url: SUBSCRIPTIONS, headers: {} },
    ],
  ])('answers %s without throwing', async (_case, request) => {
    const sim = createSimulator({ size: 5, now: () => new Date(START) });
    const response = await sim.handle(request);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(response.body)).toHaveProperty('error');
    expect(sim.requestCount()).toBe(1);
  });
});

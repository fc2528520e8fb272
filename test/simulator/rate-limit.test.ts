// 500 calls per minute per application, with the documented headers (reference §3.5).
import { createSimulator } from '../../lib/simulator';
import { DAY, call, errorBody, getToken, setup, testClock } from './helpers';

const ME = '/user/api/v1/me';

describe('simulator rate limit', () => {
  it('answers the 501st call within a minute with 429 and the RateLimit headers', async () => {
    const { sim, token, clock } = await setup({ size: 5 });
    for (let i = 1; i <= 500; i += 1) {
      const response = await call(sim, token, 'GET', ME);
      expect(response.status).toBe(200);
      expect(response.headers['RateLimit-Remaining']).toBe(String(500 - i));
      if (i % 100 === 0) clock.advance(10_000);
    }
    const refused = await call(sim, token, 'GET', ME);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual(errorBody('too_many_requests'));
    expect(refused.headers).toMatchObject({
      'RateLimit-Limit': '500',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '10',
      'X-RateLimit-Limit-Minute': '500',
      'X-RateLimit-Remaining-Minute': '0',
    });
    expect(sim.rateLimitStatus()).toEqual({ limit: 500, remaining: 0, resetSeconds: 10 });
  });

  it('says when to retry, and a repeated refusal comes from the gateway with its bare message', async () => {
    const { sim, token, clock } = await setup({ size: 5 });
    for (let i = 1; i <= 500; i += 1) await call(sim, token, 'GET', ME);
    clock.advance(20_000);
    const first = await call(sim, token, 'GET', ME);
    expect(first.json).toEqual(errorBody('too_many_requests'));
    expect(first.headers['Retry-After']).toBe('40');
    const again = await call(sim, token, 'GET', ME);
    expect(again.status).toBe(429);
    expect(again.json).toEqual({ message: 'API rate limit exceeded' });
    expect(again.headers).toMatchObject({ 'Retry-After': '40', 'RateLimit-Remaining': '0' });
  });

  it('opens a new window once the minute has passed', async () => {
    const { sim, token, clock } = await setup({ size: 5, rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) await call(sim, token, 'GET', ME);
    clock.advance(59_999);
    expect((await call(sim, token, 'GET', ME)).status).toBe(429);
    clock.advance(1);
    const next = await call(sim, token, 'GET', ME);
    expect(next.status).toBe(200);
    expect(next.headers).toMatchObject({ 'RateLimit-Remaining': '2', 'RateLimit-Reset': '60' });
  });

  it('counts every data call, reads and writes alike, errors included, but not refused ones', async () => {
    const { sim, token } = await setup({ size: 5, rateLimitPerMinute: 4 });
    await call(sim, token, 'GET', ME);
    await call(sim, token, 'POST', '/payments/api/v1/subscriptions/NOSUCH00/cancel');
    await call(sim, token, 'GET', '/no/such/path');
    expect(sim.rateLimitStatus().remaining).toBe(1);
    await call(sim, token, 'GET', ME);
    await call(sim, token, 'GET', ME);
    await call(sim, token, 'GET', ME);
    expect(sim.rateLimitStatus().remaining).toBe(0);
  });

  it('counts neither token requests nor calls refused for a bad token', async () => {
    const clock = testClock();
    const sim = createSimulator({ size: 5, now: clock.now, rateLimitPerMinute: 2 });
    await getToken(sim);
    await getToken(sim);
    await getToken(sim);
    await call(sim, 'H4sIAAAAAAAAAbogus', 'GET', ME);
    expect(sim.rateLimitStatus()).toEqual({ limit: 2, remaining: 2, resetSeconds: 0 });
  });

  it('reports the seconds left in the window in RateLimit-Reset', async () => {
    const { sim, token, clock } = await setup({ size: 5 });
    expect((await call(sim, token, 'GET', ME)).headers['RateLimit-Reset']).toBe('60');
    clock.advance(45_500);
    expect((await call(sim, token, 'GET', ME)).headers['RateLimit-Reset']).toBe('15');
    clock.advance(DAY);
    expect(sim.rateLimitStatus().remaining).toBe(500);
  });
});

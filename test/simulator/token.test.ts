import { SIMULATOR_CREDENTIALS, createSimulator } from '../../lib/simulator';
import {
  DAY,
  SUBSCRIPTIONS,
  call,
  errorBody,
  getToken,
  setup,
  testClock,
  tokenUrl,
} from './helpers';

const basic = { Authorization: `Basic ${SIMULATOR_CREDENTIALS.basicToken}` };

describe('simulator token endpoint', () => {
  it('exports fake credentials whose Basic token is base64 of id:secret', () => {
    expect(SIMULATOR_CREDENTIALS.clientId).toBe('sim-client-id');
    expect(SIMULATOR_CREDENTIALS.clientSecret).toBe('sim-client-secret');
    expect(Buffer.from(SIMULATOR_CREDENTIALS.basicToken, 'base64').toString()).toBe(
      'sim-client-id:sim-client-secret',
    );
  });

  it('issues a token for the documented request, with the documented body', async () => {
    const sim = createSimulator({ size: 5 });
    const response = await sim.handle({ method: 'POST', url: tokenUrl(), headers: basic });
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^\S{20,}$/),
      token_type: 'bearer',
      expires_in: 172799,
      scope: 'read write',
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
  });

  it('issues a different token on every request', async () => {
    const sim = createSimulator({ size: 5 });
    expect(await getToken(sim)).not.toBe(await getToken(sim));
  });

  it('accepts the scheme name in any case and the request on any host', async () => {
    const sim = createSimulator({ size: 5 });
    const response = await sim.handle({
      method: 'POST',
      url: tokenUrl(undefined, undefined, 'http://127.0.0.1:9'),
      headers: { authorization: `basic ${SIMULATOR_CREDENTIALS.basicToken}` },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      'a wrong client secret in the query',
      tokenUrl('sim-client-id', 'test-client-secret-XYZ'),
      basic,
    ],
    ['a wrong client id in the query', tokenUrl('someone-else', 'sim-client-secret'), basic],
    [
      'a Basic token for other credentials',
      tokenUrl(),
      {
        Authorization: `Basic ${Buffer.from('sim-client-id:test-client-secret-XYZ').toString('base64')}`,
      },
    ],
  ])('refuses %s with 401 "Bad credentials"', async (_case, url, headers) => {
    const sim = createSimulator({ size: 5 });
    const response = await sim.handle({ method: 'POST', url, headers });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({
      ...errorBody('unauthorized'),
      error_description: 'Bad credentials',
    });
  });

  it('refuses a request without the Basic header with 401 unauthorized', async () => {
    const sim = createSimulator({ size: 5 });
    const response = await sim.handle({ method: 'POST', url: tokenUrl(), headers: {} });
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual(errorBody('unauthorized'));
  });

  it('refuses a missing or wrong grant type with 400', async () => {
    const sim = createSimulator({ size: 5 });
    const missing = await sim.handle({
      method: 'POST',
      url: tokenUrl().replace('grant_type=client_credentials&', ''),
      headers: basic,
    });
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body)).toEqual(errorBody('invalid_request'));
    const wrong = await sim.handle({
      method: 'POST',
      url: tokenUrl().replace('client_credentials', 'password'),
      headers: basic,
    });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body)).toEqual(errorBody('unsupported_grant_type'));
  });

  it('accepts the community variants: the Basic header alone, or the parameters in a form body', async () => {
    const sim = createSimulator({ size: 5 });
    const headerOnly = await sim.handle({
      method: 'POST',
      url: 'https://api-sec-vlc.hotmart.com/security/oauth/token?grant_type=client_credentials',
      headers: basic,
    });
    expect(headerOnly.status).toBe(200);
    const form = await sim.handle({
      method: 'POST',
      url: 'https://api-sec-vlc.hotmart.com/security/oauth/token',
      headers: { ...basic, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=sim-client-id&client_secret=sim-client-secret',
    });
    expect(form.status).toBe(200);
    expect(JSON.parse(form.body)).toMatchObject({ token_type: 'bearer' });
  });

  it('refuses a client_id or client_secret that disagrees with the Basic header, wherever it is', async () => {
    const sim = createSimulator({ size: 5 });
    const query = await sim.handle({
      method: 'POST',
      url: 'https://api-sec-vlc.hotmart.com/security/oauth/token?grant_type=client_credentials&client_id=sim-client-id&client_secret=wrong',
      headers: basic,
    });
    expect(query.status).toBe(401);
    const form = await sim.handle({
      method: 'POST',
      url: 'https://api-sec-vlc.hotmart.com/security/oauth/token',
      headers: { ...basic, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=other-client',
    });
    expect(form.status).toBe(401);
    // A form body without the urlencoded type is not read: no grant type at all.
    const untyped = await sim.handle({
      method: 'POST',
      url: 'https://api-sec-vlc.hotmart.com/security/oauth/token',
      headers: basic,
      body: 'grant_type=client_credentials',
    });
    expect(untyped.status).toBe(400);
  });

  it('answers GET on the token path with 404', async () => {
    const sim = createSimulator({ size: 5 });
    const response = await sim.handle({ method: 'GET', url: tokenUrl(), headers: basic });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual(errorBody('not_found'));
  });

  it('accepts configured credentials and derives their Basic token', async () => {
    const sim = createSimulator({
      size: 5,
      credentials: { clientId: 'test-client-id', clientSecret: 'test-client-secret-XYZ' },
    });
    expect(sim.credentials.basicToken).toBe(
      Buffer.from('test-client-id:test-client-secret-XYZ').toString('base64'),
    );
    await expect(getToken(sim)).resolves.toEqual(expect.any(String));
    const defaults = await sim.handle({ method: 'POST', url: tokenUrl(), headers: basic });
    expect(defaults.status).toBe(401);
  });

  it('never logs the client secret or the client id', async () => {
    const sim = createSimulator({ size: 5 });
    await getToken(sim);
    const logged = JSON.stringify(sim.requests());
    expect(logged).not.toContain('sim-client-secret');
    expect(logged).not.toContain('sim-client-id');
    expect(sim.requests()[0]).toMatchObject({
      method: 'POST',
      path: '/security/oauth/token',
      status: 200,
    });
  });
});

describe('simulator bearer checks on data calls', () => {
  it('answers 401 unauthorized without a token or with another scheme', async () => {
    const sim = createSimulator({ size: 5 });
    for (const headers of [{}, { Authorization: 'Token abc' }, { Authorisation: 'Bearer abc' }]) {
      const response = await sim.handle({ method: 'GET', url: SUBSCRIPTIONS, headers });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual(errorBody('unauthorized'));
    }
  });

  it('answers 401 invalid_token for a token it never issued', async () => {
    const { sim } = await setup({ size: 5 });
    const response = await call(sim, 'H4sIAAAAAAAAAnot-a-real-token', 'GET', SUBSCRIPTIONS);
    expect(response.status).toBe(401);
    expect(response.json).toEqual(errorBody('invalid_token'));
  });

  it('answers 401 token_expired once the lifetime has passed, and a new token works', async () => {
    const clock = testClock();
    const sim = createSimulator({ size: 5, now: clock.now });
    const token = await getToken(sim);
    clock.advance(172799 * 1000 - 1);
    expect((await call(sim, token, 'GET', SUBSCRIPTIONS)).status).toBe(200);
    clock.advance(1);
    const expired = await call(sim, token, 'GET', SUBSCRIPTIONS);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual(errorBody('token_expired'));
    const fresh = await getToken(sim);
    expect((await call(sim, fresh, 'GET', SUBSCRIPTIONS)).status).toBe(200);
  });

  it('honours a custom token lifetime and reports it in expires_in', async () => {
    const clock = testClock();
    const sim = createSimulator({ size: 5, now: clock.now, tokenTtlSeconds: 60 });
    const response = await sim.handle({ method: 'POST', url: tokenUrl(), headers: basic });
    const { access_token: token, expires_in } = JSON.parse(response.body) as {
      access_token: string;
      expires_in: number;
    };
    expect(expires_in).toBe(60);
    clock.advance(60_000);
    expect((await call(sim, token, 'GET', SUBSCRIPTIONS)).status).toBe(401);
  });

  it('keeps earlier tokens valid until their own expiry', async () => {
    const clock = testClock();
    const sim = createSimulator({ size: 5, now: clock.now });
    const first = await getToken(sim);
    clock.advance(DAY);
    await getToken(sim);
    expect((await call(sim, first, 'GET', SUBSCRIPTIONS)).status).toBe(200);
  });
});

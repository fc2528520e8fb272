// The `hotmart` connection against the embedded simulator: one token per connection, renewed
// ahead of expiry on the shared clock, wrong credentials refused with the app's message, the
// rate limit surfacing as RateLimitError, and no credential or token in any log or error.
import {
  basicTokenFor,
  DEFAULT_TOKEN_TTL_SECONDS,
  SIMULATOR_CREDENTIALS,
} from '../../../lib/simulator';
import { buildHotmartApp, type BuiltApp } from '../../support/harness';
import { runFailingOn, runOn, secretsIn } from '../../support/module-backend';
import { errorSurface } from '../../support/secrets';
import {
  DAY_MS,
  simulatorBackend,
  SUBSCRIPTIONS,
  type SimulatorBackend,
} from '../../support/simulator-backend';

/** The simulator's default token lifetime: Hotmart's documented `expires_in` (≈ 48 h). */
const TOKEN_TTL_MS = DEFAULT_TOKEN_TTL_SECONDS * 1000;
const MINUTE_MS = 60_000;

const CHECK_CREDENTIALS =
  'Check the Client ID, Client Secret and Basic Token you copied from Hotmart (Tools → Developer Credentials), and that the Environment matches the type of the credential (Production or Sandbox).';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

function useSimulator(options: Parameters<typeof simulatorBackend>[0]): SimulatorBackend {
  const backend = simulatorBackend(options);
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());
  return backend;
}

/** `{ method path → status }` of every request the simulator answered, in order. */
function wire(backend: SimulatorBackend): string[] {
  return backend.allExchanges().map((e) => `${e.method} ${e.host}${e.path} → ${e.status}`);
}

const TOKEN_OK = 'POST api-sec-vlc.hotmart.com/security/oauth/token → 200';
const LIST_OK = `GET developers.hotmart.com${SUBSCRIPTIONS} → 200`;

describe('hotmart connection against the simulator', () => {
  const backend = useSimulator({ seed: 31, size: 60 });

  test('one token per connection, reused by every module run', async () => {
    const { runtime } = built;
    const connection = await backend.connect(runtime);
    const code = backend.sim().subscriptions()[0]?.subscriber_code;
    await runOn(backend, runtime, 'listSubscriptions', { connection });
    await runOn(backend, runtime, 'getSubscriberPurchases', {
      connection,
      parameters: { subscriber_code: code },
    });
    await runOn(backend, runtime, 'makeApiCall', {
      connection,
      parameters: { url: '/user/api/v1/me', method: 'GET' },
    });

    expect(backend.tokenRequests()).toHaveLength(1);
    const [token] = backend.issuedTokens();
    expect(connection.data['accessToken']).toBe(token);
    const bearers = backend.exchanges().map((exchange) => exchange.headers['authorization']);
    expect(bearers).toEqual(Array(4).fill(`Bearer ${token}`));
    expect(backend.exchanges().map((exchange) => exchange.status)).toEqual([200, 200, 200, 200]);
  });

  test('Sandbox: the same token host, then the sandbox data host for every call', async () => {
    const { runtime } = built;
    const connection = await backend.connectWith(runtime, { environment: 'sandbox' });
    const { bundles } = await runOn(backend, runtime, 'listSubscriptions', { connection });
    expect(bundles.length).toBeGreaterThan(0);
    expect(wire(backend)).toEqual([
      TOKEN_OK,
      `GET sandbox.hotmart.com${SUBSCRIPTIONS} → 200`,
      `GET sandbox.hotmart.com${SUBSCRIPTIONS} → 200`,
    ]);
  });

  describe('token expiry on the shared clock', () => {
    test('within 15 minutes of expiry the token is renewed before the call: no 401', async () => {
      const { runtime } = built;
      const connection = await backend.connect(runtime);
      const first = connection.data['accessToken'];
      await runOn(backend, runtime, 'listSubscriptions', { connection });
      expect(backend.tokenRequests()).toHaveLength(1);

      backend.advance(TOKEN_TTL_MS - 10 * MINUTE_MS);
      await runOn(backend, runtime, 'listSubscriptions', { connection });
      await runOn(backend, runtime, 'listSubscriptions', { connection });

      expect(backend.tokenRequests()).toHaveLength(2);
      expect(wire(backend)).toEqual([TOKEN_OK, LIST_OK, LIST_OK, TOKEN_OK, LIST_OK, LIST_OK]);
      const renewed = backend.issuedTokens()[1];
      expect(renewed).not.toBe(first);
      expect(connection.data).toEqual({
        accessToken: renewed,
        expires: new Date(backend.now().getTime() + TOKEN_TTL_MS).toISOString(),
      });
    });

    test('an hour before the 15-minute margin nothing is renewed', async () => {
      const { runtime } = built;
      const connection = await backend.connect(runtime);
      backend.advance(TOKEN_TTL_MS - 75 * MINUTE_MS);
      await runOn(backend, runtime, 'listSubscriptions', { connection });
      expect(backend.tokenRequests()).toHaveLength(1);
    });

    test('days past expiry: renewed before the call as well', async () => {
      const { runtime } = built;
      const connection = await backend.connect(runtime);
      backend.advance(3 * DAY_MS);
      const { bundles } = await runOn(backend, runtime, 'listSubscriptions', { connection });
      expect(bundles.length).toBeGreaterThan(0);
      expect(wire(backend)).toEqual([TOKEN_OK, LIST_OK, TOKEN_OK, LIST_OK]);
    });

    test('a token Hotmart already holds expired (clock skew): one 401, one renewal, one retry', async () => {
      const { runtime } = built;
      const connection = await backend.connect(runtime);
      const runtimeClock = backend.now();
      backend.advance(3 * DAY_MS);
      // The run still believes it is the connection's day, so no proactive renewal happens.
      const { bundles } = await runOn(backend, runtime, 'listSubscriptions', {
        connection,
        now: runtimeClock,
      });
      expect(bundles.length).toBeGreaterThan(0);
      expect(wire(backend)).toEqual([
        TOKEN_OK,
        LIST_OK,
        `GET developers.hotmart.com${SUBSCRIPTIONS} → 401`,
        TOKEN_OK,
        LIST_OK,
      ]);
      expect(connection.data['accessToken']).toBe(backend.issuedTokens()[1]);
    });
  });

  describe('wrong credentials', () => {
    const wrongSecret = 'wrong-client-secret-XYZ';
    test.each([
      {
        name: 'a wrong Client Secret (and its Basic token)',
        overrides: {
          clientSecret: wrongSecret,
          basicToken: basicTokenFor(SIMULATOR_CREDENTIALS.clientId, wrongSecret),
        },
      },
      {
        name: 'a Basic token of another credential',
        overrides: { basicToken: `Basic ${basicTokenFor('other-client-id', wrongSecret)}` },
      },
      { name: 'a wrong Client ID', overrides: { clientId: 'other-client-id' } },
    ])(
      '$name: InvalidConfigurationError asking to check the three values',
      async ({ overrides }) => {
        const error = await backend.connectFailing(built.runtime, overrides, [
          wrongSecret,
          basicTokenFor(SIMULATOR_CREDENTIALS.clientId, wrongSecret),
          basicTokenFor('other-client-id', wrongSecret),
        ]);
        expect({ type: error.type, message: error.message }).toEqual({
          type: 'InvalidConfigurationError',
          message: `[401] Hotmart refused the credentials: Bad credentials (unauthorized). ${CHECK_CREDENTIALS}`,
        });
        expect(wire(backend)).toEqual(['POST api-sec-vlc.hotmart.com/security/oauth/token → 401']);
        expect(backend.issuedTokens()).toEqual([]);
      },
    );
  });

  test('no credential or issued token appears in any log or error', async () => {
    const { runtime } = built;
    const connection = await backend.connect(runtime);
    const ok = await runOn(backend, runtime, 'listSubscriptions', { connection });
    backend.advance(3 * DAY_MS);
    const renewed = await runOn(backend, runtime, 'listSubscriptions', { connection });
    const failed = await runFailingOn(backend, runtime, 'getSubscriberPurchases', {
      connection,
      parameters: { subscriber_code: 'NoSuchSub1' },
    });
    const tokens = backend.issuedTokens();
    expect(tokens).toHaveLength(2);
    const everything = [
      connection.log.toJSON(),
      ok.log.toJSON(),
      renewed.log.toJSON(),
      ...errorSurface(failed),
    ];
    expect(secretsIn(backend.secrets(), ...everything)).toEqual([]);
    // The check itself finds them where they are: in the requests the simulator received.
    expect(secretsIn(tokens, backend.exchanges())).toEqual(tokens);
  });
});

describe('rate limit against the simulator (3 calls per minute)', () => {
  const backend = useSimulator({ seed: 31, size: 60, rateLimitPerMinute: 3 });

  test("the 4th data call of the minute is the app's RateLimitError; the next minute works", async () => {
    const { runtime } = built;
    const connection = await backend.connect(runtime); // the info call: 1 of 3
    await runOn(backend, runtime, 'listSubscriptions', { connection });
    await runOn(backend, runtime, 'listSubscriptions', { connection });
    const error = await runFailingOn(backend, runtime, 'listSubscriptions', { connection });

    const refused = backend.exchanges().at(-1);
    expect(refused?.status).toBe(429);
    expect(backend.sim().rateLimitStatus().remaining).toBe(0);
    expect({
      type: error.type,
      statusCode: error.statusCode,
      message: error.message,
    }).toEqual({
      type: 'RateLimitError',
      statusCode: 429,
      message:
        '[429] Too many requests: the limit is 3 calls per minute (too_many_requests). Hotmart allows 500 calls per minute; the quota resets in 60 s.',
    });
    expect(error).toMatchObject({ resetSeconds: 60 });

    backend.advance(MINUTE_MS);
    const { bundles } = await runOn(backend, runtime, 'listSubscriptions', { connection });
    expect(bundles.length).toBeGreaterThan(0);
    // The token endpoint is not counted, and no new token was needed.
    expect(backend.tokenRequests()).toHaveLength(1);
  });
});

describe('rate limit reached in the middle of a paginated run (2 calls per minute)', () => {
  const backend = useSimulator({ seed: 31, size: 1200, rateLimitPerMinute: 2 });

  test('the first page is read, the second is refused: RateLimitError', async () => {
    const { runtime } = built;
    const connection = await backend.connect(runtime);
    const error = await runFailingOn(backend, runtime, 'listSubscriptions', {
      connection,
      parameters: { limit: 1200 },
    });
    expect(error.type).toBe('RateLimitError');
    expect(backend.exchanges().map((exchange) => exchange.status)).toEqual([200, 200, 429]);
    expect(backend.exchanges()[2]?.query.has('page_token')).toBe(true);
  });
});

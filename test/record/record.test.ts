// `hotmart-make record` in-process, with nock (the simulator's nock adapter) standing in for
// Hotmart: the written fixture holds none of the credentials, tokens or personal data, and
// replays green when loaded with nock.define.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { buildDist, cli, type BuiltDist } from '../cli/helpers';
import { createConnection, loadApp, runModule, type RuntimeApp } from '../../lib/runtime';
import { RECORDED_CREDENTIALS, type RecordingMeta } from '../../lib/record';
import { createSimulator, interceptWithNock, type Simulator } from '../../lib/simulator';

jest.setTimeout(30_000);

const CLIENT_ID = 'test-client-id-XYZ';
const CLIENT_SECRET = 'test-client-secret-XYZ';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
const ENV = {
  HOTMART_CLIENT_ID: CLIENT_ID,
  HOTMART_CLIENT_SECRET: CLIENT_SECRET,
  // Pasted with the prefix, as Hotmart shows it.
  HOTMART_BASIC_TOKEN: `Basic ${BASIC}`,
};

let built: BuiltDist;
let runtime: RuntimeApp;
let out: string;

beforeAll(async () => {
  built = await buildDist();
  runtime = await loadApp(built.dir);
});

afterAll(async () => {
  await built.dispose();
});

beforeEach(() => {
  out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'record-')), 'fixture.json');
});

async function record(simulator: Simulator, args: string[]) {
  const interception = interceptWithNock(simulator);
  try {
    return await cli(
      ['record', ...args, '--target', 'sandbox', '--out', out, '--dist', built.dir],
      {
        env: ENV,
      },
    );
  } finally {
    interception.stop();
  }
}

/** Every personal value the simulator's data holds for these subscriptions. */
function personalData(simulator: Simulator): string[] {
  return simulator.subscriptions().flatMap((s) => [s.subscriber.name, s.subscriber.email]);
}

async function replay(meta: RecordingMeta) {
  const scopes = nock.define(JSON.parse(fs.readFileSync(out, 'utf8')));
  const now = new Date(meta.now);
  const connection = await createConnection(
    runtime,
    'hotmart',
    { ...RECORDED_CREDENTIALS, environment: meta.environment },
    { now: () => now },
  );
  const result = await runModule(runtime, meta.module, {
    parameters: meta.parameters,
    connection,
    now,
  });
  for (const scope of scopes) scope.done();
  return result.bundles;
}

test('a recorded list holds no secret, token or personal data and replays green', async () => {
  const simulator = createSimulator({
    size: 40,
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  });
  const result = await record(simulator, ['listSubscriptions', '--param', 'limit=5']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(
    /^Recorded 3 exchange\(s\) of listSubscriptions to .*fixture\.json \(5 bundle\(s\)\)/,
  );

  const text = fs.readFileSync(out, 'utf8');
  const metaText = fs.readFileSync(out.replace(/\.json$/, '.meta.json'), 'utf8');
  for (const secret of [CLIENT_ID, CLIENT_SECRET, BASIC, 'H4sI']) {
    expect(text).not.toContain(secret);
    expect(metaText).not.toContain(secret);
  }
  const personal = personalData(simulator);
  expect(personal.filter((value) => text.includes(value))).toEqual([]);

  const fixture = JSON.parse(text) as Array<Record<string, unknown>>;
  expect(fixture[0]).toMatchObject({
    scope: 'https://api-sec-vlc.hotmart.com',
    method: 'POST',
    path: '/security/oauth/token?grant_type=client_credentials&client_id=recorded-client-id&client_secret=recorded-client-secret',
    reqheaders: { authorization: `Basic ${RECORDED_CREDENTIALS.basicToken}` },
    response: { access_token: 'recorded-token-1', token_type: 'bearer' },
  });
  expect(fixture[2]).toMatchObject({
    scope: 'https://sandbox.hotmart.com',
    reqheaders: { authorization: 'Bearer recorded-token-1' },
  });
  const items = (fixture[2]?.response as { items: Array<{ subscriber: Record<string, string> }> })
    .items;
  expect(items).toHaveLength(5);
  expect(items.map((item) => item.subscriber.email)).toEqual([
    'person1@example.com',
    'person2@example.com',
    'person3@example.com',
    'person4@example.com',
    'person5@example.com',
  ]);
  // Not personal: kept as recorded.
  expect(items[0]?.subscriber.ucode).toMatch(/^[0-9a-f-]{36}$/);

  const meta = JSON.parse(metaText) as RecordingMeta;
  expect(meta).toMatchObject({
    module: 'listSubscriptions',
    parameters: { limit: 5 },
    target: 'sandbox',
    environment: 'sandbox',
  });
  const bundles = await replay(meta);
  expect(bundles).toHaveLength(5);
  expect(bundles[0]?.subscriber).toMatchObject({ name: 'Person 1', email: 'person1@example.com' });
});

test('a recorded action scrubs the shopper (e-mail and phone) and replays', async () => {
  const options = { size: 40, credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } };
  const simulator = createSimulator(options);
  const active = simulator.subscriptions().find((s) => s.status === 'ACTIVE');
  if (!active) throw new Error('no active subscription in the data set');
  const code = active.subscriber_code;
  // What Hotmart (an identical simulator) answers before scrubbing.
  const original = await originalCancelAnswer(createSimulator(options), code);

  const result = await record(simulator, [
    'cancelSubscription',
    '--param',
    `subscriber_code=${code}`,
    '--param',
    'send_mail=false',
  ]);
  expect(result.code).toBe(0);
  const text = fs.readFileSync(out, 'utf8');
  expect(text).not.toContain(original.shopper.email);
  expect(text).not.toContain(original.shopper.phone.replace(/^\(\d+\) /, ''));
  const fixture = JSON.parse(text) as Array<{ body?: unknown; response?: Record<string, unknown> }>;
  expect(fixture[2]?.body).toEqual({ send_mail: false });
  expect(fixture[2]?.response?.shopper).toEqual({
    email: 'person1@example.com',
    phone: expect.stringMatching(/^\(\d\d\) \d+$/),
  });
  expect(fixture[2]?.response?.subscriber_code).toBe(code);

  const metaText = fs.readFileSync(out.replace(/\.json$/, '.meta.json'), 'utf8');
  const bundles = await replay(JSON.parse(metaText) as RecordingMeta);
  expect(bundles).toEqual([expect.objectContaining({ subscriber_code: code, status: 'INACTIVE' })]);
});

async function originalCancelAnswer(twin: Simulator, code: string) {
  const token = await twin.handle({
    method: 'POST',
    url: `https://api-sec-vlc.hotmart.com/security/oauth/token?grant_type=client_credentials&client_id=${CLIENT_ID}&client_secret=${CLIENT_SECRET}`,
    headers: { authorization: `Basic ${BASIC}` },
  });
  const { access_token: accessToken } = JSON.parse(token.body) as { access_token: string };
  const answer = await twin.handle({
    method: 'POST',
    url: `https://sandbox.hotmart.com/payments/api/v1/subscriptions/${code}/cancel`,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: '{"send_mail":false}',
  });
  return JSON.parse(answer.body) as { shopper: { email: string; phone: string } };
}

test('a failing run writes nothing (an existing fixture stays as it was) and exits 1', async () => {
  const simulator = createSimulator({
    size: 5,
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
  });
  const fresh = await record(simulator, [
    'getSubscriberPurchases',
    '--param',
    'subscriber_code=NOPE1234',
  ]);
  expect(fresh.code).toBe(1);
  expect(fresh.stderr).toMatch(/^DataError: \[404\]/);
  expect(fresh.stderr).toContain('Nothing was recorded;');
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(path.dirname(out))).toEqual([]);

  fs.writeFileSync(out, '[]\n');
  const again = await record(simulator, [
    'getSubscriberPurchases',
    '--param',
    'subscriber_code=NOPE1234',
  ]);
  expect(again.code).toBe(1);
  expect(fs.readFileSync(out, 'utf8')).toBe('[]\n');
  expect(fs.existsSync(out.replace(/\.json$/, '.meta.json'))).toBe(false);
});

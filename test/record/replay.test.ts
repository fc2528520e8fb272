// The committed fixtures under test/fixtures/recorded/ replay green: loaded with nock.define,
// the module runs again with RECORDED_CREDENTIALS and the recorded clock and parameters, every
// recorded exchange is used, and nothing in them looks like a real secret.
import fs from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { buildDist, type BuiltDist } from '../cli/helpers';
import { createConnection, loadApp, runModule, type RuntimeApp } from '../../lib/runtime';
import {
  RECORDED_CREDENTIALS,
  metaPathFor,
  scanForLeaks,
  type RecordingMeta,
} from '../../lib/record';

const DIR = path.resolve(__dirname, '..', 'fixtures', 'recorded');
const FIXTURES = fs
  .readdirSync(DIR)
  .filter((file) => file.endsWith('.json') && !file.endsWith('.meta.json'));

let built: BuiltDist;
let runtime: RuntimeApp;

beforeAll(async () => {
  built = await buildDist();
  runtime = await loadApp(built.dir);
});

afterAll(async () => {
  await built.dispose();
});

test('there are recorded fixtures to replay', () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(2);
});

test.each(FIXTURES)('%s replays green', async (file) => {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const meta = JSON.parse(
    fs.readFileSync(metaPathFor(path.join(DIR, file)), 'utf8'),
  ) as RecordingMeta;
  // Only the fixed fakes: no token of Hotmart's shape, no simulator credential.
  expect(text).not.toMatch(/H4sI|sim-client/);
  // The final scan of the recorder finds nothing personal in what was committed.
  expect(scanForLeaks(file, JSON.parse(text), [])).toEqual([]);
  expect(scanForLeaks('meta', meta, [])).toEqual([]);
  const scopes = nock.define(JSON.parse(text));
  const now = new Date(meta.now);
  const connection = await createConnection(
    runtime,
    'hotmart',
    { ...RECORDED_CREDENTIALS, environment: meta.environment },
    { now: () => now },
  );
  const { bundles } = await runModule(runtime, meta.module, {
    parameters: meta.parameters,
    connection,
    now,
  });
  for (const scope of scopes) scope.done();
  expect(bundles.length).toBeGreaterThan(0);
  for (const bundle of bundles) {
    const email =
      (bundle.subscriber as { email?: string } | undefined)?.email ??
      (bundle.shopper as { email?: string } | undefined)?.email;
    if (email !== undefined) expect(email).toMatch(/^person\d+@example\.com$/);
  }
});

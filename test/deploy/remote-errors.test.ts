// Make's answers that are not what the deploy expects (issue 9): an error body that echoes the
// API token, a 200 with malformed JSON, a 200 of an unexpected shape. Each is a typed
// DeployRemoteError, and the token appears nowhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { createMakeSdk, deploy, DeployRemoteError, redactToken } from '../../lib/deploy';
import { writeFixtureDist } from './fixture-dist';
import { ORIGIN, TOKEN } from './fake-make';

const APP = '/api/v2/sdk/apps/demo-app/1';

async function deployError(): Promise<unknown> {
  const statePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-state-')), 's.json');
  return deploy({
    distDir: writeFixtureDist(),
    sdk: createMakeSdk({ token: TOKEN, zone: 'eu1.make.com' }),
    zone: 'eu1.make.com',
    statePath,
    dryRun: true,
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

function expectTyped(error: unknown, code: string): DeployRemoteError {
  expect(error).toBeInstanceOf(DeployRemoteError);
  const typed = error as DeployRemoteError;
  expect(typed.code).toBe(code);
  expect(`${typed.message}\n${typed.stack ?? ''}\n${JSON.stringify(typed)}`).not.toContain(TOKEN);
  return typed;
}

test('an error body that echoes MAKE_API_TOKEN: typed, the token redacted', async () => {
  nock(ORIGIN)
    .get(APP)
    .reply(403, { message: `Token ${TOKEN} has no access to this app` });
  const error = expectTyped(await deployError(), 'MAKE_API_ERROR');
  expect(error.statusCode).toBe(403);
  expect(error.message).toContain('[MAKE_API_TOKEN] has no access');
});

test('a 200 with malformed JSON: typed MAKE_RESPONSE_INVALID, not a raw SyntaxError', async () => {
  nock(ORIGIN)
    .get(APP)
    .reply(200, '{"app": {"name": "demo-app", ', { 'content-type': 'application/json' });
  const error = expectTyped(await deployError(), 'MAKE_RESPONSE_INVALID');
  expect(error.message).toMatch(/^Make answered with a body that is not valid JSON/);
});

test('a 200 of an unexpected shape: typed MAKE_RESPONSE_INVALID, not a raw TypeError', async () => {
  nock(ORIGIN)
    .get(APP)
    .reply(200, { app: { name: 'demo-app', version: 1 } });
  // A list where Make's API has a list of objects: a number.
  nock(ORIGIN).get('/api/v2/sdk/apps/demo-app/connections').reply(200, { appConnections: 5 });
  nock(ORIGIN).get(`${APP}/modules`).optionally().reply(200, { appModules: [] });
  const error = expectTyped(await deployError(), 'MAKE_RESPONSE_INVALID');
  expect(error.message).toMatch(/^Make answered with data of an unexpected shape/);
});

test('redactToken removes the token as is and URL-encoded', () => {
  expect(redactToken('a abc+/= b abc%2B%2F%3D', 'abc+/=')).toBe(
    'a [MAKE_API_TOKEN] b [MAKE_API_TOKEN]',
  );
});

// Conformance rows W1–W5 (lib/runtime/README.md): webhook calls through the public
// `receiveWebhook`, on the acme-crm app in Make's layout (a webhook with verification, iterate and
// respond; an instant trigger whose communication reads `payload`).
import path from 'node:path';
import {
  createConnection,
  createRuntimeApp,
  loadApp,
  receiveWebhook,
  type RuntimeApp,
} from '../../lib/runtime';
import { installLeakCheck } from './helpers/leak-check';
import { failure } from './helpers/runtime';

installLeakCheck();

const CRM = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-crm', 'src');
let app: RuntimeApp;
beforeAll(async () => {
  app = await loadApp(CRM);
});

const created = { type: 'contact.created', contact: { id: 'c_1', email: 'a@example.test' } };
const changed = { type: 'contact.changed', contact: { id: 'c_2', email: 'b@example.test' } };

test('W1 verification: the handshake is answered as declared, without bundles', async () => {
  const { response, bundles, log } = await receiveWebhook(
    app,
    'watchContacts',
    { method: 'POST', headers: { 'X-Hook-Secret': 'abc123' }, body: {} },
    { webhookParameters: { event: 'contact.created' } },
  );
  expect(response).toEqual({
    status: 200,
    headers: { 'x-hook-secret': 'abc123', 'content-type': 'text/plain; charset=utf-8' },
    body: '',
  });
  expect(bundles).toEqual([]);
  expect(log.entries.map((entry) => entry.kind === 'info' && entry.code)).toEqual([
    'WEBHOOK_VERIFICATION',
  ]);
});

test('W2 iterate with a condition on the webhook’s parameters, then the module’s output from payload', async () => {
  const { response, bundles } = await receiveWebhook(
    app,
    'watchContacts',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { events: [created, changed, created] },
    },
    { webhookParameters: { event: 'contact.created' } },
  );
  expect(bundles).toEqual([created.contact, created.contact]);
  expect(response).toEqual({
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: '{"received":3}',
  });
});

test('W3 a call with nothing for the trigger still gets the declared answer', async () => {
  const { response, bundles } = await receiveWebhook(
    app,
    'watchContacts',
    { body: { events: [changed] } },
    { webhookParameters: { event: 'contact.created' } },
  );
  expect(bundles).toEqual([]);
  expect(response.status).toBe(202);
});

test('W4 the webhook’s parameters are checked like any parameters', async () => {
  const error = await failure(
    receiveWebhook(
      app,
      'watchContacts',
      { body: {} },
      { webhookParameters: { event: 'contact.deleted' } },
    ),
  );
  expect(error.name).toBe('DataError');
  expect(error.message).toContain('webhook acmeEvents');
});

test('W5 only instant triggers receive webhooks', async () => {
  const error = await failure(receiveWebhook(app, 'getContact', { body: {} }));
  expect(error).toMatchObject({ code: 'OPTION_INVALID' });
});

test('W6 nothing declared: Make’s default answer, and the payload is the bundle (older layout app)', async () => {
  const helpdesk = await loadApp(path.resolve(CRM, '..', '..', 'acme-helpdesk'));
  const { response, bundles } = await receiveWebhook(helpdesk, 'watchTickets', {
    body: { ticket: { id: 5, subject: 'Printer' } },
  });
  expect(response).toEqual({
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'Accepted',
  });
  expect(bundles).toEqual([{ id: 5, subject: 'Printer' }]);
});

test('W1 the older layout app’s verification: a GET with a challenge is echoed, without bundles', async () => {
  const helpdesk = await loadApp(path.resolve(CRM, '..', '..', 'acme-helpdesk'));
  const { response, bundles } = await receiveWebhook(helpdesk, 'watchTickets', {
    method: 'GET',
    query: { challenge: 'c-1' },
  });
  expect(response).toEqual({
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'c-1',
  });
  expect(bundles).toEqual([]);
});

test('W7 a password-type webhook parameter is a secret: redacted wherever the log shows it', async () => {
  const secret = 'sekrit-webhook-signing-secret';
  const { log } = await receiveWebhook(
    app,
    'watchContacts',
    { body: { events: [created] } },
    { webhookParameters: { event: 'contact.created', signingSecret: secret } },
  );
  expect(log.redactor.contains(`signature ${secret}`)).toBe(true);
  expect(JSON.stringify(log)).not.toContain(secret);
});

test('W8 a shared webhook: only the connection whose uid the call names gets bundles', async () => {
  const definition = structuredClone(app.definition);
  const hook = definition.webhooks?.[0];
  if (hook === undefined) throw new Error('the fixture has a webhook');
  hook.type = 'web-shared';
  hook.communication = { uid: '{{body.account}}', output: '{{body.event}}' };
  const shared = createRuntimeApp(definition);
  const connection = await createConnection(
    shared,
    'acmeOauth',
    {},
    { data: { accessToken: 'x' } },
  );
  connection.uid = 'acct-1';
  const call = (account: string) =>
    receiveWebhook(
      shared,
      'watchContacts',
      { body: { account, event: created } },
      { connection, webhookParameters: { event: 'contact.created' } },
    );
  const mine = await call('acct-1');
  expect(mine.bundles).toEqual([created.contact]);
  const theirs = await call('acct-2');
  expect(theirs.bundles).toEqual([]);
  expect(theirs.response.body).toBe('Accepted');
  expect(theirs.log.entries.map((entry) => entry.kind === 'info' && entry.code)).toEqual([
    'WEBHOOK_OTHER_ACCOUNT',
  ]);
});

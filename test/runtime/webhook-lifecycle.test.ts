// Conformance rows W7–W9 (lib/runtime/README.md; tests W9–W11): a webhook registered on the
// service with `attach`, changed with `update`, removed with `detach` (what attach stored is `webhook.*`), and
// responder modules answering the webhook's caller. On the acme-crm app in Make's layout.
import path from 'node:path';
import nock from 'nock';
import {
  attachWebhook,
  createConnection,
  createRuntimeApp,
  detachWebhook,
  loadApp,
  receiveWebhook,
  runModule,
  runResponder,
  updateWebhook,
  type Connection,
  type RuntimeApp,
} from '../../lib/runtime';
import type { App, ModuleSpec } from '../../lib/types';
import { capture } from './helpers/http';
import { installLeakCheck } from './helpers/leak-check';
import { failure } from './helpers/runtime';

installLeakCheck();

const CRM = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-crm', 'src');
const ACME = 'https://api.acme.test';
const TOKEN = 'sekrit-acme-token';
const MAKE_URL = 'https://hook.eu1.make.test/abc123';

let app: RuntimeApp;
let connection: Connection;
beforeAll(async () => {
  app = await loadApp(CRM);
  connection = await createConnection(app, 'acmeOauth', {}, { data: { accessToken: TOKEN } });
});

/** The crm app with its definition edited (an update request, a responder module, …). */
function edited(edit: (definition: App) => void): RuntimeApp {
  const definition = structuredClone(app.definition);
  edit(definition);
  return createRuntimeApp(definition);
}

test('W9 attach: Make’s URL and the parameters go to the service; response.data is kept', async () => {
  const api = nock(ACME)
    .post('/v3/hooks', { url: MAKE_URL, event: 'contact.created' })
    .reply(201, { id: 'hk_9', secret: 'ignored' });
  const seen = capture(api);
  const { webhook, log } = await attachWebhook(app, 'acmeEvents', {
    connection,
    webhook: { id: 41, url: MAKE_URL },
    webhookParameters: { event: 'contact.created' },
  });
  expect(webhook).toEqual({ id: 41, url: MAKE_URL, hookId: 'hk_9' });
  expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(JSON.stringify(log)).not.toContain(TOKEN);
  expect(log.entries).toHaveLength(1);
});

test('W9 detach: what attach stored is webhook.*', async () => {
  const api = nock(ACME).delete('/v3/hooks/hk_9').reply(204);
  const { webhook } = await detachWebhook(app, 'acmeEvents', {
    connection,
    webhook: { id: 41, url: MAKE_URL, hookId: 'hk_9' },
    webhookParameters: { event: 'contact.created' },
  });
  api.done();
  expect(webhook).toEqual({ id: 41, url: MAKE_URL, hookId: 'hk_9' });
});

test('W9 update: the new parameters reach the service; its data is merged over the old', async () => {
  const withUpdate = edited((definition) => {
    const hook = definition.webhooks?.[0];
    if (hook === undefined) throw new Error('the fixture has a webhook');
    hook.update = {
      url: '/hooks/{{webhook.hookId}}',
      method: 'PUT',
      body: { event: '{{data.event}}' },
      response: { data: { revision: '{{body.revision}}' } },
    };
  });
  const api = nock(ACME)
    .put('/v3/hooks/hk_9', { event: 'contact.changed' })
    .reply(200, { revision: 2 });
  const { webhook } = await updateWebhook(withUpdate, 'acmeEvents', {
    connection,
    webhook: { url: MAKE_URL, hookId: 'hk_9' },
    webhookParameters: { event: 'contact.changed' },
  });
  api.done();
  expect(webhook).toEqual({ url: MAKE_URL, hookId: 'hk_9', revision: 2 });
});

test('W9 a webhook without attach is registered by hand: nothing is sent, a note says so', async () => {
  const byHand = edited((definition) => {
    const hook = definition.webhooks?.[0];
    if (hook === undefined) throw new Error('the fixture has a webhook');
    delete hook.attach;
  });
  const { webhook, log } = await attachWebhook(byHand, 'acmeEvents', {
    webhook: { url: MAKE_URL },
  });
  expect(webhook).toEqual({ url: MAKE_URL });
  expect(log.entries.map((entry) => entry.kind === 'info' && entry.code)).toEqual([
    'WEBHOOK_NOT_REGISTERED',
  ]);
});

test('W9 bad input: no url, an unknown webhook, a service error — each named', async () => {
  const noUrl = await failure(
    attachWebhook(app, 'acmeEvents', { connection, webhook: {} as { url: string } }),
  );
  expect(noUrl).toMatchObject({ code: 'OPTION_INVALID' });
  expect(noUrl.message).toContain('webhook acmeEvents › attach');
  const unknown = await failure(attachWebhook(app, 'acmeEvent', { webhook: { url: MAKE_URL } }));
  expect(unknown.message).toContain("did you mean 'acmeEvents'");
  nock(ACME)
    .delete('/v3/hooks/hk_1')
    .reply(404, { error: { message: 'No such hook' } });
  const gone = await failure(
    detachWebhook(app, 'acmeEvents', {
      connection,
      webhook: { url: MAKE_URL, hookId: 'hk_1' },
      webhookParameters: { event: 'contact.created' },
    }),
  );
  expect(gone.message).toContain('[404] No such hook');
  expect(gone.where).toBe('webhook acmeEvents › detach');
});

test('W9 the instant trigger sees the registration as webhook.*', async () => {
  const tagged = edited((definition) => {
    const module = definition.modules.find((m) => m.name === 'watchContacts');
    if (module === undefined) throw new Error('the fixture has watchContacts');
    module.communication = {
      response: { output: { id: '{{payload.contact.id}}', hook: '{{webhook.hookId}}' } },
    } as ModuleSpec['communication'];
  });
  const { bundles } = await receiveWebhook(
    tagged,
    'watchContacts',
    { body: { events: [{ type: 'contact.created', contact: { id: 'c_1' } }] } },
    { webhookParameters: { event: 'contact.created' }, webhook: { url: MAKE_URL, hookId: 'hk_9' } },
  );
  expect(bundles).toEqual([{ id: 'c_1', hook: 'hk_9' }]);
});

const answerCaller = {
  name: 'answerCaller',
  label: 'Answer the caller',
  description: 'Sends the webhook response.',
  type: 'responder',
  connection: null,
  staticParameters: [],
  mappableParameters: [
    { name: 'status', type: 'uinteger', label: 'Status', required: true },
    { name: 'message', type: 'text', label: 'Message' },
  ],
  interface: [],
  samples: {},
  scope: [],
  communication: {
    response: {
      type: 'json',
      status: '{{parameters.status}}',
      headers: { 'X-Handled-By': 'scenario' },
      body: { ok: true, message: '{{parameters.message}}' },
    },
  },
} as unknown as ModuleSpec;

function withResponder(): RuntimeApp {
  return edited((definition) => {
    definition.modules.push(answerCaller);
  });
}

test('W10 a responder module evaluates its response from its parameters', async () => {
  const { response } = await runResponder(withResponder(), 'answerCaller', {
    parameters: { status: 201, message: 'stored' },
  });
  expect(response).toEqual({
    status: 201,
    headers: { 'x-handled-by': 'scenario', 'content-type': 'application/json' },
    body: '{"ok":true,"message":"stored"}',
  });
});

test('W10 its parameters are checked; another module type is refused', async () => {
  const responder = withResponder();
  const missing = await failure(runResponder(responder, 'answerCaller', { parameters: {} }));
  expect(missing.name).toBe('DataError');
  const wrong = await failure(runResponder(responder, 'getContact'));
  expect(wrong).toMatchObject({ code: 'OPTION_INVALID' });
  expect(wrong.message).toContain('runResponder runs responder modules');
  const asModule = await failure(runModule(responder, 'answerCaller'));
  expect(asModule.message).toContain('run it with runResponder');
});

test('W11 a call that produced bundles is answered by the scenario’s responder', async () => {
  const responder = withResponder();
  const event = { type: 'contact.created', contact: { id: 'c_3' } };
  const { response, bundles } = await receiveWebhook(
    responder,
    'watchContacts',
    { body: { events: [event] } },
    {
      webhookParameters: { event: 'contact.created' },
      responder: {
        module: 'answerCaller',
        parameters: (got) => ({ status: 200, message: `contact ${String(got[0]?.id)}` }),
      },
    },
  );
  expect(bundles).toEqual([{ id: 'c_3' }]);
  expect(response.body).toBe('{"ok":true,"message":"contact c_3"}');
});

test('W11 a verification, or a call with no bundles, keeps the webhook’s own answer', async () => {
  const responder = withResponder();
  const options = {
    webhookParameters: { event: 'contact.created' },
    responder: { module: 'answerCaller', parameters: { status: 200 } },
  };
  const handshake = await receiveWebhook(
    responder,
    'watchContacts',
    { headers: { 'X-Hook-Secret': 'abc' }, body: {} },
    options,
  );
  expect(handshake.response.headers['x-hook-secret']).toBe('abc');
  const nothing = await receiveWebhook(
    responder,
    'watchContacts',
    { body: { events: [{ type: 'contact.changed', contact: { id: 'c_4' } }] } },
    options,
  );
  expect(nothing.response).toMatchObject({ status: 202, body: '{"received":1}' });
});

// The simulator's webhook v2 events: made by state changes, fired on demand (in process and over
// its control path), and delivered the way Hotmart delivers them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  deliverEvent,
  SIMULATOR_HOTTOK,
  startSimulatorServer,
  WEBHOOK_EVENTS,
  type Simulator,
  type WebhookEnvelope,
} from '../../lib/simulator';
import { SUBSCRIPTIONS, call, setup, type TestClock } from './helpers';

let sim: Simulator;
let token: string;
let clock: TestClock;
let heard: WebhookEnvelope[];

beforeEach(async () => {
  ({ sim, token, clock } = await setup({ size: 300 }));
  heard = [];
  sim.onEvent((envelope) => heard.push(envelope));
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function active(): string {
  const found = sim
    .subscriptions()
    .find((s) => s.status === 'ACTIVE' && !s.trial && s.plan.recurrency_period === 30);
  if (found === undefined) throw new Error('no active monthly subscription');
  return found.subscriber_code;
}

test('a cancel through the API posts SUBSCRIPTION_CANCELLATION about that subscription', async () => {
  const code = active();
  const response = await call(sim, token, 'POST', `${SUBSCRIPTIONS}/${code}/cancel`, {});
  expect(response.status).toBe(200);
  expect(heard).toHaveLength(1);
  const [event] = heard;
  expect(event).toMatchObject({
    event: 'SUBSCRIPTION_CANCELLATION',
    version: '2.0.0',
    creation_date: clock.ms(),
    data: { subscriber: { code }, cancellation_date: clock.ms() },
  });
  expect(event?.id).toMatch(UUID);
  // A refused cancel changes nothing and posts nothing.
  await call(sim, token, 'POST', `${SUBSCRIPTIONS}/${code}/cancel`, {});
  expect(heard).toHaveLength(1);
});

test('a bulk cancel posts one event per cancelled subscription, none for a failure', async () => {
  const code = active();
  await call(sim, token, 'POST', `${SUBSCRIPTIONS}/cancel`, {
    subscriber_code: [code, 'NOPE0000'],
  });
  expect(heard.map((e) => [e.event, (e.data.subscriber as { code: string }).code])).toEqual([
    ['SUBSCRIPTION_CANCELLATION', code],
  ]);
});

test('a charge-day change posts UPDATE_SUBSCRIPTION_CHARGE_DATE with the old and new day', async () => {
  const code = active();
  const before = heard.length;
  const oldDay = new Date(sim.subscription(code)?.date_next_charge ?? 0).getUTCDate();
  const newDay = oldDay === 15 ? 16 : 15;
  const response = await call(sim, token, 'PATCH', `${SUBSCRIPTIONS}/${code}`, { due_day: newDay });
  expect(response.status).toBe(200);
  expect(heard.length).toBe(before + 1);
  expect(heard.at(-1)?.data).toMatchObject({
    subscriber: { code },
    subscription: { new_charge_day: newDay, date_next_charge: expect.any(String) },
  });
  const data = heard.at(-1)?.data as { subscription: { old_charge_day: number } };
  expect(data.subscription.old_charge_day).not.toBe(newDay);
});

test('an accepted reactivation that charged posts PURCHASE_APPROVED; one that did not, nothing', async () => {
  const codes = sim
    .subscriptions()
    .filter((s) => s.status === 'CANCELLED_BY_CUSTOMER')
    .map((s) => s.subscriber_code);
  const [charged, free] = codes;
  if (charged === undefined || free === undefined) throw new Error('need two cancelled');
  await call(sim, token, 'POST', `${SUBSCRIPTIONS}/${charged}/reactivate`, { charge: true });
  await call(sim, token, 'POST', `${SUBSCRIPTIONS}/${free}/reactivate`, { charge: false });
  expect(heard).toEqual([]);
  sim.acceptReactivation(free);
  sim.acceptReactivation(charged);
  expect(heard.map((e) => e.event)).toEqual(['PURCHASE_APPROVED']);
  expect(heard[0]?.data).toMatchObject({
    purchase: { status: 'APPROVED', approved_date: expect.any(Number) },
    subscription: { subscriber: { code: charged }, status: 'ACTIVE' },
  });
});

test('fireEvent sends any of the 16 events on demand; ids differ; a bad name or code is named', () => {
  const fired = WEBHOOK_EVENTS.map((name) => sim.fireEvent(name));
  expect(fired.map((e) => e.event)).toEqual([...WEBHOOK_EVENTS]);
  expect(new Set(fired.map((e) => e.id)).size).toBe(WEBHOOK_EVENTS.length);
  expect(heard).toHaveLength(WEBHOOK_EVENTS.length);
  // Keys Hotmart omits stay out: no null anywhere in an envelope.
  expect(JSON.stringify(fired)).not.toContain('null');
  expect(() => sim.fireEvent('PURCHASE_APPROVE')).toThrow(
    /Unknown Hotmart event 'PURCHASE_APPROVE'/,
  );
  expect(() => sim.fireEvent('PURCHASE_APPROVED', 'NOPE0000')).toThrow(
    /no subscription 'NOPE0000'/,
  );
});

test('the control path fires an event over HTTP; a bad one is a 400 saying why', async () => {
  const server = await startSimulatorServer(sim);
  try {
    const good = await fetch(`${server.url}/_simulator/events/SWITCH_PLAN`, { method: 'POST' });
    expect(good.status).toBe(200);
    expect(((await good.json()) as WebhookEnvelope).event).toBe('SWITCH_PLAN');
    const bad = await fetch(`${server.url}/_simulator/events/NOPE`, { method: 'POST' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_event' });
    expect(heard.map((e) => e.event)).toEqual(['SWITCH_PLAN']);
  } finally {
    await server.close();
  }
});

test('deliverEvent posts JSON with X-HOTMART-HOTTOK; an unreachable URL is -1, as in Hotmart’s history', async () => {
  const seen: Array<{
    method: string | undefined;
    headers: http.IncomingHttpHeaders;
    body: string;
  }> = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ method: request.method, headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  try {
    const envelope = sim.fireEvent('PURCHASE_APPROVED');
    const { status } = await deliverEvent(envelope, {
      url: `http://127.0.0.1:${port}/hook`,
      hottok: SIMULATOR_HOTTOK,
    });
    expect(status).toBe(204);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers['x-hotmart-hottok']).toBe(SIMULATOR_HOTTOK);
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(envelope);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const closed = await deliverEvent(sim.fireEvent('PURCHASE_APPROVED'), {
    url: `http://127.0.0.1:${port}/hook`,
    hottok: SIMULATOR_HOTTOK,
  });
  expect(closed.status).toBe(-1);
});

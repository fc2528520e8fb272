// Watch Events (instant trigger on Hotmart's webhooks v2) through the public receiveWebhook, on the
// built app: the hottok check, each event family, the filters and odd payloads.
import { receiveWebhook, type WebhookRequest } from '../../lib/runtime';
import type { Parameter } from '../../lib/types';
import { FAMILY_INTERFACES } from '../../modules/watch-events/event-interfaces';
import { HOTMART_EVENTS } from '../../modules/watch-events/events';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, type BuiltApp } from '../support/harness';
import { checkAgainstInterface } from '../support/interface-check';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const HOTTOK = 'sekrit-hottok-7f3a9c';

type Payload = Record<string, unknown> & { data: Record<string, unknown> };
const event = (name: string): Payload => fixture<Payload>(`webhooks/${name}`);

function call(
  body: unknown,
  headers: Record<string, string> = { 'X-HOTMART-HOTTOK': HOTTOK },
  webhookParameters: Record<string, unknown> = { hottok: HOTTOK },
) {
  const request: WebhookRequest = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  };
  return receiveWebhook(built.runtime, 'watchEvents', request, { webhookParameters });
}

describe('the hottok', () => {
  test('the right one, in any header case: answered 200 at once, one bundle', async () => {
    for (const name of ['X-HOTMART-HOTTOK', 'x-hotmart-hottok', 'X-Hotmart-Hottok']) {
      const { response, bundles } = await call(event('purchase-approved'), { [name]: HOTTOK });
      expect(response).toEqual({
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'OK',
      });
      expect(bundles).toHaveLength(1);
    }
  });

  test('a wrong one, a missing header or an empty one: 401 and no bundle', async () => {
    for (const headers of [
      { 'X-HOTMART-HOTTOK': 'sekrit-hottok-7f3a9d' },
      { 'X-HOTMART-HOTTOK': `${HOTTOK} ` },
      {},
      { 'X-HOTMART-HOTTOK': '' },
      // The v1 legacy body field and a look-alike header are not Hotmart's v2 check.
      { 'X-Hotmart-Webhook-Token': HOTTOK },
    ]) {
      const { response, bundles } = await call(
        { ...event('purchase-approved'), hottok: HOTTOK },
        headers,
      );
      expect({ headers, status: response.status, body: response.body, bundles }).toEqual({
        headers,
        status: 401,
        body: 'Invalid hottok',
        bundles: [],
      });
    }
  });

  test('compared as digests, so the time taken does not depend on the secret', () => {
    const hook = built.runtime.definition.webhooks?.find((w) => w.name === 'hotmartEvents');
    const condition = String((hook?.communication as { condition?: unknown }).condition);
    expect(condition).toContain('sha256(headers.`x-hotmart-hottok`) = sha256(parameters.hottok)');
    expect(condition).not.toMatch(/headers\.`x-hotmart-hottok` = parameters\.hottok/);
  });

  test('never appears in the log, the answer or the bundles', async () => {
    for (const headers of [{ 'X-HOTMART-HOTTOK': HOTTOK }, { 'X-HOTMART-HOTTOK': 'wrong' }]) {
      const result = await call(event('subscription-cancellation'), headers);
      expect(JSON.stringify([result.log, result.response, result.bundles])).not.toContain(HOTTOK);
    }
  });
});

describe('each event family', () => {
  const cases: Array<[string, string]> = [
    ['purchase-approved', 'purchase'],
    ['subscription-cancellation', 'subscriptionCancellation'],
    ['switch-plan', 'switchPlan'],
    ['update-subscription-charge-date', 'chargeDateChange'],
    ['purchase-out-of-shopping-cart', 'abandonedCart'],
    ['club-module-completed', 'club'],
    ['order-fulfillment', 'orderFulfillment'],
  ];

  test.each(cases)(
    '%s: the envelope, dates as dates, and data matching its family’s interface',
    async (name, family) => {
      const payload = event(name);
      const { bundles } = await call(payload);
      expect(bundles).toHaveLength(1);
      const bundle = bundles[0] as Payload;
      const created = (payload.creation_date ?? payload.creationDate) as number;
      expect(bundle).toMatchObject({
        id: payload.id,
        event: payload.event,
        version: '2.0.0',
        creation_date: new Date(created).toISOString(),
      });
      const familyFields = FAMILY_INTERFACES[family as keyof typeof FAMILY_INTERFACES];
      expect(checkAgainstInterface(bundle.data, familyFields)).toEqual([]);
      // The whole bundle matches the module's interface (the union of the families).
      const module = built.runtime.definition.modules.find((m) => m.name === 'watchEvents');
      expect(checkAgainstInterface(bundle, (module?.interface ?? []) as Parameter[])).toEqual([]);
      expect(HOTMART_EVENTS.find((e) => e.value === payload.event)?.family).toBe(family);
    },
  );

  test('purchase dates (epoch ms) and ISO dates come out as ISO dates; the rest as sent', async () => {
    const { bundles } = await call(event('purchase-approved'));
    const data = (bundles[0] as Payload).data as Record<string, Record<string, unknown>>;
    expect(data.purchase).toMatchObject({
      approved_date: '2024-05-02T12:19:50.000Z',
      order_date: '2024-05-02T12:18:20.000Z',
      date_next_charge: '2024-06-02T12:00:00.000Z',
      transaction: 'HP23002210098765',
      price: { value: 49.9, currency_value: 'BRL' },
    });
    expect(data.product).toMatchObject({ warranty_date: '2024-05-09T00:00:00Z', id: 4321987 });
    const cancelled = await call(event('subscription-cancellation'));
    expect((cancelled.bundles[0] as Payload).data).toMatchObject({
      date_next_charge: '2024-06-02T12:00:00.000Z',
      cancellation_date: '2024-05-03T12:23:10.000Z',
    });
  });

  test('unexpected extra fields pass through; an odd date does not lose the delivery', async () => {
    const payload = event('switch-plan');
    payload.data = { ...payload.data, brand_new: { nested: [1, 2] }, switch_plan_date: 'soon' };
    payload.extra_top_level = true;
    const { bundles, response } = await call(payload);
    expect(response.status).toBe(200);
    expect((bundles[0] as Payload).data).toMatchObject({
      brand_new: { nested: [1, 2] },
      switch_plan_date: 'soon',
    });
  });
});

describe('filters', () => {
  const withFilters = (filters: Record<string, unknown>) => ({ hottok: HOTTOK, ...filters });

  test('by event type: only the chosen events produce bundles, every call is answered 200', async () => {
    const parameters = withFilters({ events: ['SUBSCRIPTION_CANCELLATION', 'SWITCH_PLAN'] });
    const results = await Promise.all(
      ['purchase-approved', 'subscription-cancellation', 'switch-plan'].map((name) =>
        call(event(name), undefined, parameters),
      ),
    );
    expect(results.map((r) => [r.response.status, r.bundles.length])).toEqual([
      [200, 0],
      [200, 1],
      [200, 1],
    ]);
  });

  test('by product: data.product.id or data.subscription.product.id; an event without one is dropped', async () => {
    const other = withFilters({ product_id: 1 });
    const same = withFilters({ product_id: '4321987' });
    const names = ['purchase-approved', 'update-subscription-charge-date', 'order-fulfillment'];
    const count = async (parameters: Record<string, unknown>) =>
      Promise.all(
        names.map(async (name) => (await call(event(name), undefined, parameters)).bundles.length),
      );
    expect(await count(same)).toEqual([1, 1, 0]);
    expect(await count(other)).toEqual([0, 0, 0]);
  });

  test('an unknown event type in the filter is refused with the webhook named', async () => {
    await expect(
      call(event('purchase-approved'), undefined, withFilters({ events: ['NOPE'] })),
    ).rejects.toMatchObject({
      name: 'DataError',
      message: expect.stringContaining('webhook hotmartEvents'),
    });
  });
});

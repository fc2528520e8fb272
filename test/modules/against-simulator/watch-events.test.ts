// Watch Events against the simulator: every event the simulator can post goes over HTTP, with its
// hottok, to a local receiver for the built app's instant trigger, and comes out as one bundle
// that matches the module's interface. A wrong hottok is refused with 401 and no bundle.
import { executeWebhookEvent, startWebhookReceiver } from '../../../lib/harness';
import type { Bundle } from '../../../lib/runtime';
import {
  createSimulator,
  deliverEvent,
  SIMULATOR_HOTTOK,
  WEBHOOK_EVENTS,
} from '../../../lib/simulator';
import type { Parameter } from '../../../lib/types';
import { buildHotmartApp, type BuiltApp } from '../../support/harness';
import { checkAgainstInterface } from '../../support/interface-check';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const interfaceOf = (): Parameter[] =>
  (built.runtime.definition.modules.find((m) => m.name === 'watchEvents')?.interface ??
    []) as Parameter[];

test.each([...WEBHOOK_EVENTS])(
  '%s: delivered over HTTP, one bundle matching the interface',
  async (event) => {
    const simulator = createSimulator({
      seed: 7,
      size: 50,
      now: () => new Date('2024-06-15T12:00:00Z'),
    });
    const result = await executeWebhookEvent({
      app: built.runtime,
      moduleName: 'watchEvents',
      simulator,
      event,
    });
    expect(result.status).toBe(200);
    expect(result.bundles).toHaveLength(1);
    const bundle = result.bundles[0] as Bundle;
    expect(bundle).toMatchObject({
      event,
      version: '2.0.0',
      creation_date: '2024-06-15T12:00:00.000Z',
    });
    expect(checkAgainstInterface(bundle, interfaceOf())).toEqual([]);
  },
);

test('a state change in the simulator reaches the trigger; a wrong hottok gets 401 and no bundle', async () => {
  const simulator = createSimulator({ seed: 7, size: 50 });
  const bundles: Bundle[] = [];
  const errors: unknown[] = [];
  const receiver = await startWebhookReceiver({
    app: built.runtime,
    moduleName: 'watchEvents',
    parameters: {},
    webhookParameters: { hottok: SIMULATOR_HOTTOK, events: ['SUBSCRIPTION_CANCELLATION'] },
    port: 0,
    onBundles: (received) => bundles.push(...received),
    onError: (error) => errors.push(error),
  });
  try {
    const statuses: number[] = [];
    const deliveries: Array<Promise<void>> = [];
    const stopListening = simulator.onEvent((envelope) => {
      deliveries.push(
        deliverEvent(envelope, { url: receiver.url, hottok: SIMULATOR_HOTTOK }).then((d) => {
          statuses.push(d.status);
        }),
      );
    });
    const code = simulator.subscriptions().find((s) => s.status === 'ACTIVE')?.subscriber_code;
    simulator.fireEvent('SUBSCRIPTION_CANCELLATION', code);
    // Filtered out by the webhook's event filter: answered 200, no bundle.
    simulator.fireEvent('PURCHASE_APPROVED', code);
    await Promise.all(deliveries);
    expect(statuses).toEqual([200, 200]);
    expect(
      bundles.map((b) => [b.event, (b.data as { subscriber: { code: string } }).subscriber.code]),
    ).toEqual([['SUBSCRIPTION_CANCELLATION', code]]);
    stopListening();
    const forged = await deliverEvent(simulator.fireEvent('SUBSCRIPTION_CANCELLATION'), {
      url: receiver.url,
      hottok: 'not-the-hottok',
    });
    expect(forged.status).toBe(401);
    expect(bundles).toHaveLength(1);
    expect(errors).toEqual([]);
  } finally {
    await receiver.close();
  }
});

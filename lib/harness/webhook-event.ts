// One Hotmart event delivered end to end: the simulator builds a webhook v2 envelope, posts it
// over HTTP with its hottok to a local receiver for the instant trigger, and the trigger's bundles
// come back. What `npm start` shows for Watch Events; no credentials involved.
import { deliverEvent, SIMULATOR_HOTTOK, type Simulator } from '../simulator';
import type { Bundle, RuntimeApp } from '../runtime';
import { InternalError } from '../shared';
import { startWebhookReceiver } from './webhook-receiver';

export interface WebhookEventOptions {
  app: RuntimeApp;
  moduleName: string;
  simulator: Simulator;
  /** Default `PURCHASE_APPROVED`. */
  event?: string;
}

export interface WebhookEventResult {
  bundles: Bundle[];
  /** The delivery's HTTP status (Hotmart's delivery history). */
  status: number;
  /** One: the delivery. */
  requests: number;
  durationMs: number;
}

export async function executeWebhookEvent(
  options: WebhookEventOptions,
): Promise<WebhookEventResult> {
  const started = Date.now();
  const bundles: Bundle[] = [];
  let failure: Error | undefined;
  const receiver = await startWebhookReceiver({
    app: options.app,
    moduleName: options.moduleName,
    parameters: {},
    webhookParameters: { hottok: SIMULATOR_HOTTOK },
    port: 0,
    onBundles: (received) => bundles.push(...received),
    onError: (error) => {
      // receiveWebhook rejects with a MakeError; anything else is a bug worth naming.
      failure = error instanceof Error ? error : new InternalError('the receiver failed');
    },
  });
  try {
    const envelope = options.simulator.fireEvent(options.event ?? 'PURCHASE_APPROVED');
    const { status } = await deliverEvent(envelope, {
      url: receiver.url,
      hottok: SIMULATOR_HOTTOK,
    });
    if (failure !== undefined) throw failure;
    if (status < 200 || status > 299) {
      throw new InternalError(`the receiver answered the event with HTTP ${status}`);
    }
    return { bundles, status, requests: 1, durationMs: Date.now() - started };
  } finally {
    await receiver.close();
  }
}

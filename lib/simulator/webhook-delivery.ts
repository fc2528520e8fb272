// Posting a webhook event the way Hotmart does (hotmart-api.md §8.1, §8.2): `POST`, a JSON body,
// the account's hottok in `X-HOTMART-HOTTOK`. Hotmart only records the answer's status.
import type { WebhookEnvelope } from './types';

export interface DeliveryOptions {
  /** Where the event goes (Make's webhook URL, or a local receiver). */
  url: string;
  hottok: string;
  /** Replaces the global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds before the delivery counts as timed out (Hotmart's history shows 408). */
  timeoutMs?: number;
}

/** Hotmart's delivery history: a status, or -1 when the connection closed without one. */
export async function deliverEvent(
  envelope: WebhookEnvelope,
  options: DeliveryOptions,
): Promise<{ status: number }> {
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-HOTMART-HOTTOK': options.hottok },
      body: JSON.stringify(envelope),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    await response.arrayBuffer();
    return { status: response.status };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { status: timedOut ? 408 : -1 };
  }
}

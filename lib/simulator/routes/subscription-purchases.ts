// `GET /payments/api/v1/subscriptions/{subscriber_code}/purchases` (reference §4.2): a bare JSON
// array, no pagination; an unknown code is a 404.
import { subscriptionNotFound } from '../errors';
import { purchaseItems } from '../views';
import type { RouteContext, RouteResult } from './route';

export function subscriptionPurchases({ state, now, params }: RouteContext): RouteResult {
  const code = params['subscriber_code'] ?? '';
  const record = state.find(code, now);
  if (record === undefined) throw subscriptionNotFound(code);
  return { status: 200, body: purchaseItems(record) };
}

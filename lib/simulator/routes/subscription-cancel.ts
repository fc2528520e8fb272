// Cancel one subscription (reference §4.3) or a list (§4.4). The single endpoint's refusal is
// undocumented; the simulator answers 400 with the bulk endpoint's per-item code as `error`.
import { HotmartError, subscriptionNotFound } from '../errors';
import { jsonBody, optionalBooleanField } from '../http-request';
import type { SubscriptionRecord } from '../dataset';
import { cancel, type Outcome } from '../state';
import { cancelResult } from '../views';
import { subscriberCodes } from './bulk-body';
import { bulkChange } from './bulk-change';
import type { RouteContext, RouteResult } from './route';

export function cancelSubscription({ request, state, now, params }: RouteContext): RouteResult {
  const code = params['subscriber_code'] ?? '';
  const record = state.find(code, now);
  if (record === undefined) throw subscriptionNotFound(code);
  // send_mail only decides whether the buyer gets an e-mail; it is validated, nothing more.
  optionalBooleanField(jsonBody(request), 'send_mail', true);
  const outcome = cancel(record, now);
  if (!outcome.ok) throw new HotmartError(400, outcome.code, outcome.description);
  state.events.emit('SUBSCRIPTION_CANCELLATION', record, now);
  return { status: 200, body: cancelResult(record) };
}

export function cancelSubscriptions(context: RouteContext): RouteResult {
  const body = jsonBody(context.request);
  const codes = subscriberCodes(body);
  optionalBooleanField(body, 'send_mail', true);
  const change = (record: SubscriptionRecord): Outcome => {
    const outcome = cancel(record, context.now);
    if (outcome.ok) context.state.events.emit('SUBSCRIPTION_CANCELLATION', record, context.now);
    return outcome;
  };
  return bulkChange(codes, context, change, cancelResult);
}

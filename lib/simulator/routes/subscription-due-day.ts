// `PATCH /payments/api/v1/subscriptions/{subscriber_code}` with `{ "due_day": n }` (reference
// §4.7): 200 with an empty body on success.
import { subscriptionNotFound } from '../errors';
import { jsonBody } from '../http-request';
import { changeDueDay } from '../state';
import type { RouteContext, RouteResult } from './route';

export function changeSubscriptionDueDay({
  request,
  state,
  now,
  params,
}: RouteContext): RouteResult {
  const code = params['subscriber_code'] ?? '';
  const record = state.find(code, now);
  if (record === undefined) throw subscriptionNotFound(code);
  const oldDueDay = record.dueDay;
  changeDueDay(record, jsonBody(request)['due_day'], now);
  state.events.emit('UPDATE_SUBSCRIPTION_CHARGE_DATE', record, now, { oldDueDay });
  return { status: 200 };
}

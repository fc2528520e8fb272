// Reactivate one subscription (reference §4.5) or a list (§4.6). `charge` defaults to false.
// The subscription stays INACTIVE until the subscriber accepts the e-mailed link.
import { HotmartError, subscriptionNotFound } from '../errors';
import { jsonBody, optionalBooleanField } from '../http-request';
import { reactivate } from '../state';
import { reactivateResult } from '../views';
import { subscriberCodes } from './bulk-body';
import { bulkChange } from './bulk-change';
import type { RouteContext, RouteResult } from './route';

export function reactivateSubscription({ request, state, now, params }: RouteContext): RouteResult {
  const code = params['subscriber_code'] ?? '';
  const record = state.find(code, now);
  if (record === undefined) throw subscriptionNotFound(code);
  const charge = optionalBooleanField(jsonBody(request), 'charge', false);
  const outcome = reactivate(record, now, charge);
  if (!outcome.ok) throw new HotmartError(400, outcome.code, outcome.description);
  return { status: 200, body: reactivateResult(record) };
}

export function reactivateSubscriptions(context: RouteContext): RouteResult {
  const body = jsonBody(context.request);
  const codes = subscriberCodes(body);
  const charge = optionalBooleanField(body, 'charge', false);
  return bulkChange(
    codes,
    context,
    (record) => reactivate(record, context.now, charge),
    reactivateResult,
  );
}

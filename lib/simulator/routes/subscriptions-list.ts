// `GET /payments/api/v1/subscriptions` (reference §4.1): every documented filter, the 30-day
// accession default, cursor pagination with total_results.
import { paginate } from '../paginate';
import {
  enumList,
  optionalBoolean,
  optionalEpochMs,
  optionalInteger,
  optionalString,
  stringList,
} from '../query-params';
import { subscriptionItem } from '../views';
import type { RouteContext, RouteResult } from './route';
import { DEFAULT_WINDOW_MS, SUBSCRIPTION_STATUSES } from './route';

const LIST_FILTERS = [
  'product_id',
  'plan',
  'plan_id',
  'accession_date',
  'end_accession_date',
  'status',
  'subscriber_code',
  'subscriber_email',
  'transaction',
  'trial',
  'cancelation_date',
  'end_cancelation_date',
  'date_next_charge',
  'end_date_next_charge',
] as const;

function inRange(value: number, from: number, to: number): boolean {
  return value >= from && value <= to;
}

export function listSubscriptions({ request, state, now, pageTokens }: RouteContext): RouteResult {
  const query = request.query;
  const productId = optionalInteger(query, 'product_id');
  const plans = stringList(query, 'plan');
  const planId = optionalInteger(query, 'plan_id');
  // Without accession_date Hotmart only returns subscriptions of the last 30 days (confirmed in
  // sandbox); an end without a start keeps that default start.
  const accessionFrom = optionalEpochMs(query, 'accession_date') ?? now - DEFAULT_WINDOW_MS;
  const accessionTo = optionalEpochMs(query, 'end_accession_date') ?? Number.POSITIVE_INFINITY;
  const statuses = enumList(query, 'status', SUBSCRIPTION_STATUSES);
  const subscriberCode = optionalString(query, 'subscriber_code');
  const subscriberEmail = optionalString(query, 'subscriber_email')?.toLowerCase();
  const transaction = optionalString(query, 'transaction');
  const trial = optionalBoolean(query, 'trial');
  // The cancellation and next-charge windows only filter when the caller sets one of their
  // bounds; the missing bound then takes Hotmart's documented default.
  const cancelFrom = optionalEpochMs(query, 'cancelation_date');
  const cancelTo = optionalEpochMs(query, 'end_cancelation_date');
  const cancelWindow =
    cancelFrom === undefined && cancelTo === undefined
      ? undefined
      : { from: cancelFrom ?? now - DEFAULT_WINDOW_MS, to: cancelTo ?? now };
  const chargeFrom = optionalEpochMs(query, 'date_next_charge');
  const chargeTo = optionalEpochMs(query, 'end_date_next_charge');
  const chargeWindow =
    chargeFrom === undefined && chargeTo === undefined
      ? undefined
      : { from: chargeFrom ?? now, to: chargeTo ?? Number.POSITIVE_INFINITY };

  const matches = state
    .all(now)
    .filter(
      (record) =>
        inRange(record.accessionDate, accessionFrom, accessionTo) &&
        (productId === undefined || record.product.id === productId) &&
        (plans.length === 0 || plans.includes(record.plan.name)) &&
        (planId === undefined || record.plan.id === planId) &&
        (statuses.length === 0 || statuses.includes(record.status)) &&
        (subscriberCode === undefined || record.subscriberCode === subscriberCode) &&
        (subscriberEmail === undefined ||
          record.subscriber.email.toLowerCase() === subscriberEmail) &&
        (transaction === undefined || record.transaction === transaction) &&
        (trial === undefined || record.trial === trial) &&
        (cancelWindow === undefined ||
          (record.cancellationDate !== null &&
            inRange(record.cancellationDate, cancelWindow.from, cancelWindow.to))) &&
        (chargeWindow === undefined ||
          inRange(record.dateNextCharge, chargeWindow.from, chargeWindow.to)),
    );
  const page = paginate(
    matches,
    {
      path: '/payments/api/v1/subscriptions',
      query,
      filterNames: LIST_FILTERS,
      defaultSize: 10,
      includeTotal: true,
    },
    pageTokens,
  );
  return {
    status: 200,
    body: { items: page.items.map(subscriptionItem), page_info: page.page_info },
    paginated: true,
  };
}

// `GET /payments/api/v1/subscriptions/summary` (reference §4.8). Hotmart's data lags up to 24 h;
// the simulator answers from live state (a lag would only make tests slower to reason about).
import { paginate } from '../paginate';
import { optionalEpochMs, optionalInteger, optionalString } from '../query-params';
import { summaryItem } from '../views';
import type { RouteContext, RouteResult } from './route';
import { DEFAULT_WINDOW_MS } from './route';

const SUMMARY_FILTERS = [
  'product_id',
  'subscriber_code',
  'accession_date',
  'end_accession_date',
  'date_next_charge',
] as const;

export function subscriptionsSummary({
  request,
  state,
  now,
  pageTokens,
}: RouteContext): RouteResult {
  const query = request.query;
  const productId = optionalInteger(query, 'product_id');
  const subscriberCode = optionalString(query, 'subscriber_code');
  const accessionFrom = optionalEpochMs(query, 'accession_date') ?? now - DEFAULT_WINDOW_MS;
  const accessionTo = optionalEpochMs(query, 'end_accession_date') ?? Number.POSITIVE_INFINITY;
  const nextChargeFrom = optionalEpochMs(query, 'date_next_charge');
  const matches = state
    .all(now)
    .filter(
      (record) =>
        record.accessionDate >= accessionFrom &&
        record.accessionDate <= accessionTo &&
        (productId === undefined || record.product.id === productId) &&
        (subscriberCode === undefined || record.subscriberCode === subscriberCode) &&
        (nextChargeFrom === undefined || record.dateNextCharge >= nextChargeFrom),
    );
  const page = paginate(
    matches,
    {
      path: '/payments/api/v1/subscriptions/summary',
      query,
      filterNames: SUMMARY_FILTERS,
      defaultSize: 10,
      includeTotal: false,
    },
    pageTokens,
  );
  return {
    status: 200,
    body: {
      items: page.items.map((record) => summaryItem(record, now)),
      page_info: page.page_info,
    },
    paginated: true,
  };
}

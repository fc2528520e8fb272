// `GET /payments/api/v1/sales/history` (reference §5, §5.1): every purchase of every simulated
// subscription is a sale. Without `transaction` or `transaction_status` only APPROVED and COMPLETE
// sales come back, as Hotmart documents; `start_date`/`end_date` bound the order date (ms).
import { paginate } from '../paginate';
import { optionalEpochMs, optionalInteger, optionalString } from '../query-params';
import type { PurchaseRecord, SubscriptionRecord } from '../dataset';
import type { RouteContext, RouteResult } from './route';

const DEFAULT_STATUSES = ['APPROVED', 'COMPLETE'];

export interface Sale {
  record: SubscriptionRecord;
  purchase: PurchaseRecord;
}

function saleItem({ record, purchase }: Sale, producerName: string): Record<string, unknown> {
  return {
    product: { name: record.product.name, id: record.product.id },
    buyer: {
      name: record.subscriber.name,
      ucode: record.subscriber.ucode,
      email: record.subscriber.email,
    },
    producer: { name: producerName },
    purchase: {
      transaction: purchase.transaction,
      order_date: purchase.orderDate,
      // Hotmart leaves approved_date out of sales that were never paid.
      ...(purchase.approvedDate === null ? {} : { approved_date: purchase.approvedDate }),
      status: purchase.status,
      recurrency_number: purchase.recurrencyNumber,
      is_subscription: true,
      commission_as: 'PRODUCER',
      price: { ...record.price },
      payment: {
        method: record.payment.method,
        installments_number: 1,
        type: record.payment.type,
      },
      offer: { payment_mode: 'SUBSCRIPTION', code: record.plan.offerCode },
    },
  };
}

/** The sales the common sales filters select (reference §5), in no particular order. */
function filteredSales({ request, state, now }: RouteContext): Sale[] {
  const query = request.query;
  const transaction = optionalString(query, 'transaction');
  const statuses = query.getAll('transaction_status').filter((status) => status !== '');
  const wanted = statuses.length > 0 || transaction !== undefined ? statuses : DEFAULT_STATUSES;
  const productId = optionalInteger(query, 'product_id');
  const start = optionalEpochMs(query, 'start_date');
  const end = optionalEpochMs(query, 'end_date');
  const email = optionalString(query, 'buyer_email')?.toLowerCase();
  const offerCode = optionalString(query, 'offer_code');
  const sales: Sale[] = [];
  for (const record of state.all(now)) {
    if (productId !== undefined && record.product.id !== productId) continue;
    if (email !== undefined && record.subscriber.email.toLowerCase() !== email) continue;
    if (offerCode !== undefined && record.plan.offerCode !== offerCode) continue;
    for (const purchase of record.purchases) {
      if (purchase.orderDate > now) continue;
      if (transaction !== undefined && purchase.transaction !== transaction) continue;
      if (wanted.length > 0 && !wanted.includes(purchase.status)) continue;
      if (start !== undefined && purchase.orderDate < start) continue;
      if (end !== undefined && purchase.orderDate > end) continue;
      sales.push({ record, purchase });
    }
  }
  return sales;
}

/** The filtered sales, newest order first (undocumented; the simulator's choice, see README). */
export function sortedSales(context: RouteContext): Sale[] {
  return filteredSales(context).sort(
    (a, b) =>
      b.purchase.orderDate - a.purchase.orderDate ||
      a.purchase.transaction.localeCompare(b.purchase.transaction),
  );
}

export function salesHistory(context: RouteContext): RouteResult {
  const { request, state, pageTokens } = context;
  const query = request.query;
  const sales = sortedSales(context);
  const page = paginate(
    sales,
    {
      path: '/payments/api/v1/sales/history',
      query,
      filterNames: [
        'transaction',
        'transaction_status',
        'product_id',
        'start_date',
        'end_date',
        'buyer_email',
        'offer_code',
      ],
      defaultSize: 10,
      includeTotal: true,
    },
    pageTokens,
  );
  const producer = state.dataset.producer.name;
  return {
    status: 200,
    body: { items: page.items.map((sale) => saleItem(sale, producer)), page_info: page.page_info },
    paginated: true,
  };
}

/**
 * `GET /payments/api/v1/sales/summary` (reference §5.2): the selected sales' values totalled per
 * currency, one item each (the simulator totals the sale price; Hotmart's commission split is not
 * simulated).
 */
export function salesSummary(context: RouteContext): RouteResult {
  const totals = new Map<string, { count: number; value: number }>();
  for (const { record } of filteredSales(context)) {
    const currency = record.price.currency_code;
    const total = totals.get(currency) ?? { count: 0, value: 0 };
    total.count += 1;
    total.value += record.price.value;
    totals.set(currency, total);
  }
  const items = [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, total]) => ({
      total_items: total.count,
      total_value: { value: Math.round(total.value * 100) / 100, currency_code: currency },
    }));
  return {
    status: 200,
    body: { items, page_info: { total_results: items.length, results_per_page: items.length } },
    paginated: true,
  };
}

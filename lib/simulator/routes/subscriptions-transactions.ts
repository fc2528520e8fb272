// `GET /payments/api/v1/subscriptions/transactions` (reference §4.9): one item per recurrence
// charge. Default window: charges of the last 30 days, unless `transaction` is given.
import type { PurchaseRecord, SubscriptionRecord } from '../dataset';
import { paginate } from '../paginate';
import { optionalEnum, optionalEpochMs, optionalInteger, optionalString } from '../query-params';
import { transactionItem } from '../views';
import type { RouteContext, RouteResult } from './route';
import { DEFAULT_WINDOW_MS, SUBSCRIPTION_STATUSES } from './route';

const TRANSACTION_FILTERS = [
  'product_id',
  'transaction',
  'subscriber_code',
  'subscriber_name',
  'subscriber_email',
  'billing_type',
  'subscription_status',
  'recurrency_status',
  'purchase_status',
  'transaction_date',
  'end_transaction_date',
  'offer_code',
  'purchase_payment_type',
] as const;

const BILLING_TYPES = ['SUBSCRIPTION', 'SMART_INSTALLMENT', 'SMART_RECOVERY'] as const;
const RECURRENCY_STATUSES = ['PAID', 'NOT_PAID', 'CLAIMED', 'REFUNDED', 'CHARGEBACK'] as const;
/** Purchase statuses (reference §9.2), plus the spellings the transactions page also uses. */
const PURCHASE_STATUSES = [
  'APPROVED',
  'BLOCKED',
  'CANCELLED',
  'CHARGEBACK',
  'COMPLETE',
  'EXPIRED',
  'NO_FUNDS',
  'OVERDUE',
  'PARTIALLY_REFUNDED',
  'PRE_ORDER',
  'PRINTED_BILLET',
  'PROCESSING_TRANSACTION',
  'PROTESTED',
  'REFUNDED',
  'STARTED',
  'UNDER_ANALISYS',
  'UNDER_ANALYSIS',
  'DELAYED',
  'WAITING_PAYMENT',
] as const;
/** Payment types (reference §9.3). */
const PAYMENT_TYPES = [
  'BILLET',
  'CASH_PAYMENT',
  'CREDIT_CARD',
  'DIRECT_BANK_TRANSFER',
  'DIRECT_DEBIT',
  'FINANCED_BILLET',
  'FINANCED_INSTALLMENT',
  'GOOGLE_PAY',
  'HOTCARD',
  'HYBRID',
  'MANUAL_TRANSFER',
  'PAYPAL',
  'PAYPAL_INTERNACIONAL',
  'PICPAY',
  'PIX',
  'SAMSUNG_PAY',
  'WALLET',
] as const;

export function subscriptionsTransactions({
  request,
  state,
  now,
  pageTokens,
}: RouteContext): RouteResult {
  const query = request.query;
  const productId = optionalInteger(query, 'product_id');
  const transaction = optionalString(query, 'transaction');
  const subscriberCode = optionalString(query, 'subscriber_code');
  const subscriberName = optionalString(query, 'subscriber_name')?.toLowerCase();
  const subscriberEmail = optionalString(query, 'subscriber_email')?.toLowerCase();
  const billingType = optionalEnum(query, 'billing_type', BILLING_TYPES);
  const subscriptionStatus = optionalEnum(query, 'subscription_status', SUBSCRIPTION_STATUSES);
  const recurrencyStatus = optionalEnum(query, 'recurrency_status', RECURRENCY_STATUSES);
  const purchaseStatus = optionalEnum(query, 'purchase_status', PURCHASE_STATUSES);
  const offerCode = optionalString(query, 'offer_code');
  const paymentType = optionalEnum(query, 'purchase_payment_type', PAYMENT_TYPES);
  const dateFrom = optionalEpochMs(query, 'transaction_date');
  const dateTo = optionalEpochMs(query, 'end_transaction_date');
  const window =
    transaction !== undefined && dateFrom === undefined && dateTo === undefined
      ? { from: 0, to: Number.POSITIVE_INFINITY }
      : { from: dateFrom ?? now - DEFAULT_WINDOW_MS, to: dateTo ?? now };

  const rows: { record: SubscriptionRecord; purchase: PurchaseRecord }[] = [];
  for (const record of state.all(now)) {
    const recordMatches =
      (productId === undefined || record.product.id === productId) &&
      (subscriberCode === undefined || record.subscriberCode === subscriberCode) &&
      (subscriberName === undefined ||
        record.subscriber.name.toLowerCase().includes(subscriberName)) &&
      (subscriberEmail === undefined ||
        record.subscriber.email.toLowerCase() === subscriberEmail) &&
      (billingType === undefined || billingType === 'SUBSCRIPTION') &&
      (subscriptionStatus === undefined || record.status === subscriptionStatus) &&
      (offerCode === undefined || record.plan.offerCode === offerCode) &&
      (paymentType === undefined || record.payment.type === paymentType);
    if (!recordMatches) continue;
    for (const purchase of record.purchases) {
      const paid = purchase.approvedDate !== null;
      if (
        purchase.orderDate >= window.from &&
        purchase.orderDate <= window.to &&
        (transaction === undefined || purchase.transaction === transaction) &&
        (purchaseStatus === undefined || purchase.status === purchaseStatus) &&
        (recurrencyStatus === undefined || recurrencyStatus === (paid ? 'PAID' : 'NOT_PAID'))
      ) {
        rows.push({ record, purchase });
      }
    }
  }
  // Newest charge first; the transaction code breaks ties so the order (and cursors) are stable.
  rows.sort(
    (a, b) =>
      b.purchase.orderDate - a.purchase.orderDate ||
      a.purchase.transaction.localeCompare(b.purchase.transaction),
  );
  const page = paginate(
    rows,
    {
      path: '/payments/api/v1/subscriptions/transactions',
      query,
      filterNames: TRANSACTION_FILTERS,
      defaultSize: 10,
      includeTotal: false,
    },
    pageTokens,
  );
  const producer = state.dataset.producer;
  return {
    status: 200,
    body: {
      items: page.items.map((row) => transactionItem(row.record, row.purchase, producer)),
      page_info: page.page_info,
    },
    paginated: true,
  };
}

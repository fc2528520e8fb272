// Internal records → the exact JSON shapes of the reference's examples. Every field the
// reference shows is present; dates are epoch ms except in the cancel/reactivate bodies, which
// use `YYYY-MM-DD HH:mm:ss` strings (reference §3.2).
import { DAY_MS, formatHotmartDateTime, intervalOf, PERIODICITY } from './calendar';
import type { CatalogProduct, Producer } from './catalog';
import type { PurchaseRecord, SubscriptionRecord } from './dataset';
import { chargeDate } from './dataset';
import type { PurchaseItem, SubscriptionItem } from './types';

const RETRY_DELAY_MS = 2 * DAY_MS;
/** Share of the price left to the producer after Hotmart's fee, for the commission figures. */
const PRODUCER_SHARE = 0.881;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function shopper(record: SubscriptionRecord): { email: string; phone: string } {
  return {
    email: record.subscriber.email,
    phone: `(${record.subscriber.phoneAreaCode}) ${record.subscriber.cell}`,
  };
}

/** A subscription's latest purchase (highest recurrence), or undefined before the first. */
export function lastPurchase(record: SubscriptionRecord): PurchaseRecord | undefined {
  return record.purchases.reduce<PurchaseRecord | undefined>(
    (last, purchase) =>
      last === undefined || purchase.recurrencyNumber >= last.recurrencyNumber ? purchase : last,
    undefined,
  );
}

export function subscriptionItem(record: SubscriptionRecord): SubscriptionItem {
  return {
    subscriber_code: record.subscriberCode,
    subscription_id: record.subscriptionId,
    status: record.status,
    accession_date: record.accessionDate,
    // Absent on subscriptions nobody asked to cancel, as in Hotmart's data.
    ...(record.endAccessionDate === null ? {} : { end_accession_date: record.endAccessionDate }),
    request_date: record.requestDate,
    date_next_charge: record.dateNextCharge,
    trial: record.trial,
    transaction: record.transaction,
    plan: {
      name: record.plan.name,
      id: record.plan.id,
      recurrency_period: record.plan.recurrencyPeriod,
      // Absent when the plan charges until the subscriber cancels (reference §4.1).
      ...(record.plan.maxChargeCycles === null
        ? {}
        : { max_charge_cycles: record.plan.maxChargeCycles }),
    },
    product: { id: record.product.id, name: record.product.name, ucode: record.product.ucode },
    price: { ...record.price },
    subscriber: {
      name: record.subscriber.name,
      email: record.subscriber.email,
      ucode: record.subscriber.ucode,
    },
  };
}

function purchaseItem(record: SubscriptionRecord, purchase: PurchaseRecord): PurchaseItem {
  return {
    transaction: purchase.transaction,
    // Hotmart leaves approved_date out of a purchase that was never paid (real data).
    ...(purchase.approvedDate === null ? {} : { approved_date: purchase.approvedDate }),
    payment_engine: record.payment.engine,
    status: purchase.status,
    price: { ...record.price },
    payment_type: record.payment.type,
    payment_method: record.payment.method,
    recurrency_number: purchase.recurrencyNumber,
    under_warranty: purchase.underWarranty,
    purchase_subscription: true,
  };
}

export function purchaseItems(record: SubscriptionRecord): PurchaseItem[] {
  return [...record.purchases]
    .sort((a, b) => a.recurrencyNumber - b.recurrencyNumber)
    .map((purchase) => purchaseItem(record, purchase));
}

/** Body of a successful cancel, single or bulk (reference §4.3, §4.4). */
export function cancelResult(record: SubscriptionRecord): Record<string, unknown> {
  const last = lastPurchase(record);
  const interval = intervalOf(record.plan.recurrencyPeriod);
  return {
    status: 'INACTIVE',
    subscriber_code: record.subscriberCode,
    creation_date: formatHotmartDateTime(record.requestDate),
    current_recurrence: last?.recurrencyNumber ?? 0,
    date_last_recurrence: formatHotmartDateTime(last?.orderDate ?? record.accessionDate),
    date_next_charge: formatHotmartDateTime(record.dateNextCharge),
    due_day: record.dueDay,
    trial_period: record.trial ? record.plan.trialDays : 0,
    interval_type_between_charges: interval.type,
    interval_between_charges: interval.count,
    max_charge_cycles: record.plan.maxChargeCycles ?? 0,
    activation_date: formatHotmartDateTime(record.accessionDate),
    shopper: shopper(record),
  };
}

/** Body of a successful reactivate; `interval_between_charges` is in days here (§4.5). */
export function reactivateResult(record: SubscriptionRecord): Record<string, unknown> {
  return {
    status: 'INACTIVE',
    subscriber_code: record.subscriberCode,
    creation_date: formatHotmartDateTime(record.requestDate),
    interval_between_charges: record.plan.recurrencyPeriod,
    shopper: shopper(record),
  };
}

/** A `fail_subscriptions` entry of the bulk endpoints: fewer fields plus `error`. */
export function bulkFailure(
  record: SubscriptionRecord | undefined,
  subscriberCode: string,
  error: string,
): Record<string, unknown> {
  if (record === undefined) return { error, subscriber_code: subscriberCode };
  return {
    status: record.status,
    error,
    subscriber_code: record.subscriberCode,
    creation_date: formatHotmartDateTime(record.requestDate),
    interval_between_charges: record.plan.recurrencyPeriod,
    shopper: shopper(record),
  };
}

function lifetimeDays(record: SubscriptionRecord, now: number): number {
  let end: number;
  switch (record.status) {
    case 'INACTIVE':
    case 'STARTED':
      return 0;
    case 'CANCELLED_BY_CUSTOMER':
    case 'CANCELLED_BY_SELLER':
    case 'CANCELLED_BY_ADMIN':
      end = record.cancellationDate ?? now;
      break;
    case 'OVERDUE':
      end = Math.min(record.dateNextCharge, now);
      break;
    default:
      end = now;
  }
  return Math.max(0, Math.floor((end - record.accessionDate) / DAY_MS));
}

/** `GET /subscriptions/summary` item (reference §4.8). */
export function summaryItem(record: SubscriptionRecord, now: number): Record<string, unknown> {
  const last = lastPurchase(record);
  const unpaid = record.purchases.filter((purchase) => purchase.approvedDate === null);
  return {
    subscriber_code: record.subscriberCode,
    subscription_id: record.subscriptionId,
    status: record.status,
    lifetime: lifetimeDays(record, now),
    accession_date: record.accessionDate,
    ...(record.endAccessionDate === null ? {} : { end_accession_date: record.endAccessionDate }),
    trial: record.trial,
    plan: { name: record.plan.name, recurrency_period: record.plan.recurrencyPeriod },
    product: { name: record.product.name, id: record.product.id },
    offer: { code: record.plan.offerCode },
    last_recurrency: {
      number: last?.recurrencyNumber ?? 0,
      request_date: last?.orderDate ?? record.accessionDate,
      status: last?.approvedDate === null || last === undefined ? 'NOT_PAID' : 'PAID',
      transaction_number: 1,
      billing_type: 'SUBSCRIPTION',
    },
    unpaid_recurrencies: unpaid.map((purchase) => ({
      number: purchase.recurrencyNumber,
      charge_date: purchase.orderDate,
    })),
    subscriber: {
      name: record.subscriber.name,
      id: record.subscriber.id,
      email: record.subscriber.email,
    },
  };
}

/** `GET /subscriptions/transactions` item: one per recurrence charge (reference §4.9). */
export function transactionItem(
  record: SubscriptionRecord,
  purchase: PurchaseRecord,
  producer: Producer,
): Record<string, unknown> {
  const last = lastPurchase(record);
  const paid = purchase.approvedDate !== null;
  // A recurrence's attempts (Hotmart retries a declined card), oldest first; the current
  // purchase is the paid one, else the latest attempt.
  const attempts = record.purchases
    .filter((candidate) => candidate.recurrencyNumber === purchase.recurrencyNumber)
    .sort((a, b) => a.orderDate - b.orderDate);
  const current = attempts.find((p) => p.approvedDate !== null) ?? attempts[attempts.length - 1];
  const isCurrent = current === purchase;
  const value = record.price.value;
  const producerValue = round2(value * PRODUCER_SHARE);
  const trialEnd = record.trial ? record.accessionDate + record.plan.trialDays * DAY_MS : null;
  return {
    subscription_id: record.subscriptionId,
    last_update: purchase.approvedDate ?? purchase.orderDate,
    subscriber_code: record.subscriberCode,
    status: record.status,
    billing_type: 'SUBSCRIPTION',
    adoption_date: record.accessionDate,
    date_next_charge: record.dateNextCharge,
    last_recurrency_start_date: last?.orderDate ?? record.accessionDate,
    cancellation_date: record.cancellationDate,
    max_cycles: record.plan.maxChargeCycles ?? 0,
    last_recurrency_number: last?.recurrencyNumber ?? 0,
    has_unpaid_recurrency: record.purchases.some((p) => p.approvedDate === null),
    has_credit_card_change: false,
    is_paid_anticipation: false,
    is_paid_negotiation: false,
    product: { id: record.product.id, name: record.product.name },
    trial_info: {
      trial: record.trial,
      trial_period: record.trial ? record.plan.trialDays : 0,
      trial_end: trialEnd,
    },
    plan: {
      name: record.plan.name,
      recurrency_period: record.plan.recurrencyPeriod,
      // Hotmart's example answer shows `MONTHLY`: the plan periodicity's words.
      recurrency_type: PERIODICITY[record.plan.recurrencyPeriod],
      coupon_code: null,
      offer: {
        key: record.plan.offerCode,
        description: record.plan.offerDescription,
        code: record.plan.offerCode,
      },
    },
    recurrency: {
      status: paid ? 'PAID' : 'NOT_PAID',
      number: purchase.recurrencyNumber,
      start_datetime: chargeDate(record, purchase.recurrencyNumber),
      // The name in Hotmart's example answer (its field table says payment_delay_days).
      payment_delays_days: paid
        ? 0
        : Math.max(0, Math.floor((record.dateNextCharge - purchase.orderDate) / DAY_MS)),
      transaction_type: 'AUTOMATIC',
      // Hotmart documents a comma-separated text (`"3, 4"`), not an array.
      number_list: String(purchase.recurrencyNumber),
      transaction_sequence: attempts.indexOf(purchase) + 1,
      is_current_purchase: isCurrent,
      has_retry: attempts.length > 1,
      scheduled_retry: paid || !isCurrent ? null : purchase.orderDate + RETRY_DELAY_MS,
    },
    purchase: {
      transaction: purchase.transaction,
      order_date: purchase.orderDate,
      approved_date: purchase.approvedDate,
      status: purchase.status,
      payment: {
        payment_type: record.payment.type,
        credit_card_flag: record.payment.cardFlag,
        refusal_message:
          paid || record.payment.type !== 'CREDIT_CARD' ? null : 'INSUFFICIENT FUNDS',
        refund_chargeback_date: null,
        pix_expiration_date: null,
        billet_expiration_date: null,
        billet_reprint_code: null,
        billet_recovery_type: null,
      },
      installment: { installment_type: 'SINGLE', installment_number: 1 },
      price: { currency: record.price.currency_code, value, total_value: value },
      commission: {
        conversion_rate: 1,
        currency: record.price.currency_code,
        original_value: producerValue,
        original_paid_value: paid ? producerValue : 0,
        producer_value: producerValue,
        producer_paid_value: paid ? producerValue : 0,
      },
    },
    subscriber: {
      id: record.subscriber.id,
      name: record.subscriber.name,
      email: record.subscriber.email,
      phone_ddd: record.subscriber.phoneAreaCode,
      phone: record.subscriber.cell,
    },
    producer: { name: producer.name },
  };
}

/** `GET /products/api/v1/products` item (reference §6.1). */
export function productItem(product: CatalogProduct): Record<string, unknown> {
  return {
    id: product.id,
    name: product.name,
    ucode: product.ucode,
    status: product.status,
    created_at: product.createdAt,
    format: product.format,
    is_subscription: product.isSubscription,
    warranty_period: product.warrantyPeriod,
  };
}

/** `GET /user/api/v1/me` (reference §7; the shape follows the reference's community field list). */
export function userItem(producer: Producer): Record<string, unknown> {
  return {
    id: producer.id,
    ucode: producer.ucode,
    name: producer.name,
    login: producer.email,
    email: producer.email,
    entity_type: 'LEGAL_ENTITY',
    locale: 'pt_BR',
    time_zone: 'America/Sao_Paulo',
    currency_code_commission: 'BRL',
    address: { city: 'São Paulo', state: 'SP', country: 'BR', zip_code: '01000000' },
  };
}

// Hotmart's webhook v2 envelopes (hotmart-api.md §8.3–§8.11), built from a simulated
// subscription: what Hotmart would post when that subscription's state changes. Money uses
// `currency_value` (webhooks) where the REST API says `currency_code`; dates are epoch
// milliseconds except the charge-day event's ISO `date_next_charge`, as in Hotmart's examples.
import { DAY_MS } from './calendar';
import type { Producer } from './catalog';
import type { SubscriptionRecord } from './dataset';
import { SimulatorOptionError } from './errors';
import type { WebhookEnvelope } from './types';
import { lastPurchase } from './views';

/** Every event the simulator can send (hotmart-api.md §8.4). */
export const WEBHOOK_EVENTS = [
  'PURCHASE_APPROVED',
  'PURCHASE_COMPLETE',
  'PURCHASE_CANCELED',
  'PURCHASE_REFUNDED',
  'PURCHASE_CHARGEBACK',
  'PURCHASE_BILLET_PRINTED',
  'PURCHASE_PROTEST',
  'PURCHASE_EXPIRED',
  'PURCHASE_DELAYED',
  'PURCHASE_OUT_OF_SHOPPING_CART',
  'SUBSCRIPTION_CANCELLATION',
  'SWITCH_PLAN',
  'UPDATE_SUBSCRIPTION_CHARGE_DATE',
  'CLUB_FIRST_ACCESS',
  'CLUB_MODULE_COMPLETED',
  'ORDER_FULFILLMENT',
] as const;

type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** `purchase.status` each purchase event carries (captured payloads: `CANCELED`, `DISPUTE`). */
const PURCHASE_STATUS: Readonly<Record<string, string>> = {
  PURCHASE_APPROVED: 'APPROVED',
  PURCHASE_COMPLETE: 'COMPLETE',
  PURCHASE_CANCELED: 'CANCELED',
  PURCHASE_REFUNDED: 'REFUNDED',
  PURCHASE_CHARGEBACK: 'CHARGEBACK',
  PURCHASE_BILLET_PRINTED: 'WAITING_PAYMENT',
  PURCHASE_PROTEST: 'DISPUTE',
  PURCHASE_EXPIRED: 'EXPIRED',
  PURCHASE_DELAYED: 'OVERDUE',
};

export function isWebhookEvent(name: string): name is WebhookEventName {
  return (WEBHOOK_EVENTS as readonly string[]).includes(name);
}

/** What a state change adds to an event (the charge-day change's old and new day). */
interface EventDetails {
  oldDueDay?: number;
}

const money = (value: number, currency: string) => ({ value, currency_value: currency });

function splitName(name: string): { first: string; last: string } {
  const space = name.indexOf(' ');
  return space === -1
    ? { first: name, last: '' }
    : { first: name.slice(0, space), last: name.slice(space + 1) };
}

function productOf(record: SubscriptionRecord) {
  return { id: record.product.id, name: record.product.name };
}

function purchaseData(
  name: string,
  record: SubscriptionRecord,
  producer: Producer,
  now: number,
): Record<string, unknown> {
  const purchase = lastPurchase(record);
  const { first, last } = splitName(record.subscriber.name);
  const price = record.price.value;
  const currency = record.price.currency_code;
  const fee = Math.round(price * 0.099 * 100) / 100;
  return {
    product: {
      id: record.product.id,
      ucode: record.product.ucode,
      name: record.product.name,
      has_co_production: false,
      warranty_date: new Date(
        (purchase?.orderDate ?? now) + record.product.warrantyPeriod * DAY_MS,
      ).toISOString(),
      is_physical_product: false,
    },
    buyer: {
      email: record.subscriber.email,
      name: record.subscriber.name,
      first_name: first,
      last_name: last,
      checkout_phone_code: record.subscriber.phoneAreaCode,
      checkout_phone: record.subscriber.cell,
    },
    producer: { name: producer.name },
    commissions: [
      { value: fee, currency_value: currency, source: 'MARKETPLACE' },
      {
        value: Math.round((price - fee) * 100) / 100,
        currency_value: currency,
        source: 'PRODUCER',
      },
    ],
    purchase: {
      // Hotmart leaves approved_date out of purchases that were never paid.
      ...(purchase?.approvedDate != null ? { approved_date: purchase.approvedDate } : {}),
      full_price: money(price, currency),
      price: money(price, currency),
      offer: { code: record.plan.offerCode },
      recurrence_number: purchase?.recurrencyNumber ?? 1,
      order_date: purchase?.orderDate ?? now,
      date_next_charge: record.dateNextCharge,
      status: PURCHASE_STATUS[name] ?? 'APPROVED',
      transaction: purchase?.transaction ?? record.transaction,
      payment: { type: record.payment.type, installments_number: 1 },
      invoice_by: 'HOTMART',
      is_funnel: false,
      business_model: 'I',
    },
    subscription: {
      status: record.status,
      plan: { id: record.plan.id, name: record.plan.name },
      subscriber: { code: record.subscriberCode },
    },
  };
}

function dataOf(
  name: WebhookEventName,
  record: SubscriptionRecord,
  producer: Producer,
  now: number,
  details: EventDetails,
): Record<string, unknown> {
  const product = productOf(record);
  const planRef = { id: record.plan.id, name: record.plan.name };
  switch (name) {
    case 'SUBSCRIPTION_CANCELLATION':
      return {
        date_next_charge: record.dateNextCharge,
        product,
        actual_recurrence_value: record.price.value,
        subscriber: {
          code: record.subscriberCode,
          name: record.subscriber.name,
          email: record.subscriber.email,
          phone: { dddCell: record.subscriber.phoneAreaCode, cell: record.subscriber.cell },
        },
        subscription: { id: record.subscriptionId, plan: planRef },
        cancellation_date: record.cancellationDate ?? now,
      };
    case 'SWITCH_PLAN': {
      const other = record.product.plans.find((plan) => plan.id !== record.plan.id);
      return {
        switch_plan_date: now,
        subscription: {
          subscriber_code: record.subscriberCode,
          status: record.status,
          date_next_charge: record.dateNextCharge,
          product,
          user: { email: record.subscriber.email },
        },
        plans: [
          { ...planRef, offer: { key: record.plan.offerCode }, current: other === undefined },
          ...(other === undefined
            ? []
            : [{ id: other.id, name: other.name, offer: { key: other.offerCode }, current: true }]),
        ],
      };
    }
    case 'UPDATE_SUBSCRIPTION_CHARGE_DATE':
      return {
        subscriber: {
          name: record.subscriber.name,
          email: record.subscriber.email,
          code: record.subscriberCode,
        },
        subscription: {
          product,
          old_charge_day: details.oldDueDay ?? record.dueDay,
          new_charge_day: record.dueDay,
          date_next_charge: new Date(record.dateNextCharge).toISOString(),
          status: record.status,
        },
        plan: {
          offer: { code: record.plan.offerCode },
          name: record.plan.name,
          id: record.plan.id,
        },
      };
    case 'PURCHASE_OUT_OF_SHOPPING_CART':
      return {
        affiliate: false,
        product,
        buyer: {
          name: record.subscriber.name,
          email: record.subscriber.email,
          phone: `${record.subscriber.phoneAreaCode}${record.subscriber.cell}`,
        },
        offer: { code: record.plan.offerCode },
        checkout_country: { name: 'Brasil', iso: 'BR' },
      };
    case 'CLUB_FIRST_ACCESS':
    case 'CLUB_MODULE_COMPLETED':
      return {
        product,
        user: { name: record.subscriber.name, email: record.subscriber.email },
        ...(name === 'CLUB_MODULE_COMPLETED' ? { module: { id: 1, name: 'Module 1' } } : {}),
      };
    case 'ORDER_FULFILLMENT': {
      const purchase = lastPurchase(record);
      const price = money(record.price.value, record.price.currency_code);
      return {
        purchase: {
          full_price: price,
          price,
          approved_date: purchase?.approvedDate ?? now,
          order_date: purchase?.orderDate ?? now,
          transaction: purchase?.transaction ?? record.transaction,
          status: 'APPROVED',
        },
        line_items: [{ quantity: 1 }],
        fulfillment_service: { service_type: 'MANUAL', service_name: producer.name },
      };
    }
    default:
      return purchaseData(name, record, producer, now);
  }
}

/** A stable UUID-shaped id from a counter (the simulator is deterministic). */
function eventId(seed: number, serial: number): string {
  const hex = (n: number, width: number): string =>
    (n >>> 0).toString(16).padStart(width, '0').slice(-width);
  const a = Math.imul(seed ^ 0x9e3779b9, serial + 1);
  return `${hex(a, 8)}-${hex(serial, 4)}-4${hex(seed, 3)}-8${hex(a >>> 7, 3)}-${hex(serial, 4)}${hex(a, 8)}`;
}

/** Builds the envelope Hotmart would post for `name` about `record`. */
function buildEnvelope(
  name: string,
  record: SubscriptionRecord,
  producer: Producer,
  now: number,
  serial: { seed: number; count: number },
  details: EventDetails = {},
): WebhookEnvelope {
  if (!isWebhookEvent(name)) {
    throw new SimulatorOptionError(
      `Unknown Hotmart event '${name}'; the simulator sends ${WEBHOOK_EVENTS.join(', ')}.`,
    );
  }
  return {
    id: eventId(serial.seed, serial.count),
    creation_date: now,
    event: name,
    version: '2.0.0',
    data: dataOf(name, record, producer, now, details),
  };
}

type EventListener = (envelope: WebhookEnvelope) => void;

/** Where the simulator's state changes turn into events, and who hears them. */
export interface EventHub {
  /** Builds the event, tells every listener, and returns it. */
  emit(
    name: string,
    record: SubscriptionRecord,
    now: number,
    details?: EventDetails,
  ): WebhookEnvelope;
  /** Adds a listener; the returned function removes it. */
  listen(listener: EventListener): () => void;
}

export function createEventHub(producer: Producer, seed: number): EventHub {
  const listeners = new Set<EventListener>();
  const serial = { seed, count: 0 };
  return {
    emit(name, record, now, details = {}) {
      const envelope = buildEnvelope(name, record, producer, now, serial, details);
      serial.count += 1;
      for (const listener of listeners) listener(envelope);
      return envelope;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

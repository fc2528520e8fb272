// The simulator's mutable state and the business rules of the write endpoints: cancel,
// reactivate (with the subscriber's e-mail acceptance), change due day.
import { DAY_MS, SECOND_MS, addPeriods, renewalTime } from './calendar';
import type { Dataset, PurchaseRecord, SubscriptionRecord } from './dataset';
import { chargeDate } from './dataset';
import { HotmartError, invalidParameter } from './errors';
import type { SubscriptionStatus } from './types';
import { createEventHub, type EventHub } from './webhook-events';

/** The subscriber has 3 days to accept a reactivation (reference §4.5). */
const REACTIVATION_WINDOW_MS = 3 * DAY_MS;

/** Per-item codes Hotmart documents for the bulk endpoints (reference §4.4, §4.6). */
type RefusalCode =
  | 'SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE'
  | 'SUBSCRIPTION_ALREADY_ACTIVE'
  | 'SUBSCRIPTION_NOT_FOUND';

export type Outcome = { ok: true } | { ok: false; code: RefusalCode; description: string };

const CANCELLABLE: readonly SubscriptionStatus[] = ['ACTIVE', 'DELAYED', 'STARTED', 'INACTIVE'];
const ALREADY_ACTIVE: readonly SubscriptionStatus[] = ['ACTIVE', 'DELAYED', 'STARTED'];
const DUE_DAY_CHANGEABLE: readonly SubscriptionStatus[] = ['ACTIVE', 'DELAYED'];

interface Coupon {
  id: number;
  productId: number;
  code: string;
  /** A fraction, 0 < discount < 0.99. */
  discount: number;
  startDate: number;
  endDate: number | undefined;
}

export interface SimulatorState {
  readonly dataset: Dataset;
  /** Hotmart's webhook events for the changes the write endpoints make. */
  readonly events: EventHub;
  /** Coupons created through the API (routes/coupons.ts), in creation order. */
  readonly coupons: { list: Coupon[]; nextId: number };
  /** Every subscription in list order, pending reactivations settled at `now`. */
  all(now: number): SubscriptionRecord[];
  find(subscriberCode: string, now: number): SubscriptionRecord | undefined;
}

export function createState(dataset: Dataset, seed = 0): SimulatorState {
  const byCode = new Map(dataset.subscriptions.map((record) => [record.subscriberCode, record]));
  return {
    dataset,
    events: createEventHub(dataset.producer, seed),
    coupons: seededCoupons(dataset),
    all(now) {
      for (const record of dataset.subscriptions) settle(record, now);
      return dataset.subscriptions;
    },
    find(subscriberCode, now) {
      const record = byCode.get(subscriberCode);
      if (record !== undefined) settle(record, now);
      return record;
    },
  };
}

/** One coupon on the first product, so listing and deleting coupons work on a fresh simulator. */
function seededCoupons(dataset: Dataset): { list: Coupon[]; nextId: number } {
  const product = dataset.products[0];
  if (product === undefined) return { list: [], nextId: 700_001 };
  const coupon: Coupon = {
    id: 700_001,
    productId: product.id,
    code: 'VOLTA10',
    discount: 0.1,
    startDate: dataset.anchor,
    endDate: undefined,
  };
  return { list: [coupon], nextId: 700_002 };
}

/** A reactivation nobody accepted within 3 days lapses: the subscription is as it was before. */
function settle(record: SubscriptionRecord, now: number): void {
  const pending = record.pendingReactivation;
  if (pending !== null && now >= pending.expiresAt) {
    record.status = pending.previousStatus;
    record.pendingReactivation = null;
  }
}

export function cancel(record: SubscriptionRecord, now: number): Outcome {
  if (!CANCELLABLE.includes(record.status)) {
    return {
      ok: false,
      code: 'SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE',
      description: `The subscription '${record.subscriberCode}' is already cancelled or overdue (${record.status}).`,
    };
  }
  // A cancel through the API is the producer's: the list shows CANCELLED_BY_SELLER afterwards
  // while the cancel response itself says INACTIVE (reference §4.3). Access lasts until the
  // charge that will no longer happen.
  record.status = 'CANCELLED_BY_SELLER';
  record.cancellationDate = now;
  record.endAccessionDate = now;
  record.pendingReactivation = null;
  return { ok: true };
}

export function reactivate(record: SubscriptionRecord, now: number, charge: boolean): Outcome {
  if (record.pendingReactivation === null && ALREADY_ACTIVE.includes(record.status)) {
    return {
      ok: false,
      code: 'SUBSCRIPTION_ALREADY_ACTIVE',
      description: `The subscription '${record.subscriberCode}' is already active (${record.status}).`,
    };
  }
  if (record.status === 'OVERDUE') {
    // Hotmart documents no code for this case; the overdue half of the cancel code fits it.
    return {
      ok: false,
      code: 'SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE',
      description: `The subscription '${record.subscriberCode}' is overdue (its term ended) and cannot be reactivated.`,
    };
  }
  // Hotmart e-mails the subscriber a link; until it is accepted the subscription is INACTIVE.
  // Asking again re-sends the e-mail and restarts the 3-day wait.
  const previousStatus = record.pendingReactivation?.previousStatus ?? record.status;
  record.pendingReactivation = {
    requestedAt: now,
    expiresAt: now + REACTIVATION_WINDOW_MS,
    charge,
    previousStatus,
  };
  record.status = 'INACTIVE';
  return { ok: true };
}

function nextChargeAfter(record: SubscriptionRecord, now: number): number {
  let recurrence = 1;
  while (chargeDate(record, recurrence) <= now) recurrence += 1;
  return chargeDate(record, recurrence);
}

/** The subscriber accepted the reactivation e-mail. Returns false when nothing is pending. */
export function acceptReactivation(record: SubscriptionRecord, now: number): boolean {
  settle(record, now);
  const pending = record.pendingReactivation;
  if (pending === null) return false;
  record.status = 'ACTIVE';
  record.cancellationDate = null;
  record.endAccessionDate = null;
  record.pendingReactivation = null;
  if (pending.charge) {
    // Reactivate-and-charge bills on the acceptance day and restarts the cycle from there.
    const last = record.purchases.reduce((max, p) => Math.max(max, p.recurrencyNumber), 0);
    const purchase: PurchaseRecord = {
      // Same layout as the generated codes (index + recurrence), so it cannot collide with them.
      transaction: `HP${String(Math.floor(now / 1000) % 10_000).padStart(4, '0')}${String(record.index).padStart(6, '0')}${String(last + 1).padStart(4, '0')}`,
      recurrencyNumber: last + 1,
      orderDate: now,
      approvedDate: now + 30 * SECOND_MS,
      status: 'APPROVED',
      underWarranty: true,
    };
    record.purchases.push(purchase);
    record.dateNextCharge = renewalTime(addPeriods(now, record.plan.recurrencyPeriod, 1));
  } else if (record.dateNextCharge <= now) {
    // Plain reactivate keeps the original billing dates: the next one still to come.
    record.dateNextCharge = nextChargeAfter(record, now);
  }
  return true;
}

function isInTrial(record: SubscriptionRecord, now: number): boolean {
  return record.trial && now < record.accessionDate + record.plan.trialDays * DAY_MS;
}

/** Validates and applies `PATCH /subscriptions/{code}` (reference §4.7). */
export function changeDueDay(record: SubscriptionRecord, dueDay: unknown, now: number): void {
  const weekly = record.plan.recurrencyPeriod === 7;
  const max = weekly ? 7 : 31;
  if (dueDay === undefined || dueDay === null) {
    throw invalidParameter("The body field 'due_day' is required.");
  }
  if (typeof dueDay !== 'number' || !Number.isInteger(dueDay) || dueDay < 1 || dueDay > max) {
    throw invalidParameter(
      weekly
        ? "The body field 'due_day' must be a whole number from 1 (Monday) to 7 (Sunday) for a weekly plan."
        : "The body field 'due_day' must be a whole number from 1 to 31.",
    );
  }
  if (!DUE_DAY_CHANGEABLE.includes(record.status)) {
    throw invalidParameter(
      `The due day can only be changed for an ACTIVE or DELAYED subscription; '${record.subscriberCode}' is ${record.status}.`,
    );
  }
  if (isInTrial(record, now)) {
    throw new HotmartError(
      400,
      'subscription_in_trial_period',
      'The due day cannot be changed while the subscription is in its trial period.',
    );
  }
  // The change applies after the charge already scheduled, so date_next_charge stays as it is.
  record.dueDay = dueDay;
}

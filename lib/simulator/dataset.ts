// The seeded data set: subscriptions laid out in the two years before the anchor day, each with a
// coherent billing history (charges on the due day, paid/unpaid recurrences matching its status).
// Every subscription draws from its own generator, so a larger `size` extends a smaller data set
// instead of reshuffling it.
import { DAY_MS, SECOND_MS, addPeriods, dueDayOf, renewalTime } from './calendar';
import type { CatalogPlan, CatalogProduct, Producer } from './catalog';
import { generateCatalog, generateProducer } from './catalog';
import type { FakePerson } from './fake-people';
import { fakePerson } from './fake-people';
import type { Random } from './random';
import { createRandom, mixSeed } from './random';
import type { Money, SubscriptionStatus } from './types';

/** Salts keep the catalogue, subscription and purchase streams independent of each other. */
const CATALOG_SALT = 0x0c47a109;
const SUBSCRIPTION_SALT = 0x5b5c41;
const PURCHASE_SALT = 0x9a1d;
const BALANCE_SALT = 0xba1a;

interface PaymentProfile {
  type: string;
  method: string;
  engine: string;
  /** Card brand as the transactions endpoint spells it (`VISA`), or null for non-card payments. */
  cardFlag: string | null;
}

interface PendingReactivation {
  requestedAt: number;
  /** The subscriber must accept within 3 days (reference §4.5). */
  expiresAt: number;
  charge: boolean;
  previousStatus: SubscriptionStatus;
}

export interface PurchaseRecord {
  transaction: string;
  recurrencyNumber: number;
  orderDate: number;
  approvedDate: number | null;
  status: string;
  underWarranty: boolean;
}

export interface SubscriptionRecord {
  readonly index: number;
  readonly subscriberCode: string;
  readonly subscriptionId: number;
  readonly product: CatalogProduct;
  readonly plan: CatalogPlan;
  readonly subscriber: FakePerson;
  readonly requestDate: number;
  readonly accessionDate: number;
  readonly trial: boolean;
  readonly transaction: string;
  readonly price: Money;
  readonly payment: PaymentProfile;
  /** Mutable part: what API calls change. */
  status: SubscriptionStatus;
  cancellationDate: number | null;
  dateNextCharge: number;
  endAccessionDate: number | null;
  dueDay: number;
  pendingReactivation: PendingReactivation | null;
  purchases: PurchaseRecord[];
}

export interface Dataset {
  anchor: number;
  producer: Producer;
  products: CatalogProduct[];
  subscriptions: SubscriptionRecord[];
}

const STATUS_WEIGHTS: readonly (readonly [SubscriptionStatus, number])[] = [
  ['ACTIVE', 50],
  ['DELAYED', 8],
  ['OVERDUE', 5],
  ['INACTIVE', 5],
  ['STARTED', 4],
  ['CANCELLED_BY_CUSTOMER', 16],
  ['CANCELLED_BY_SELLER', 7],
  ['CANCELLED_BY_ADMIN', 5],
];

const CARD_BRANDS = [
  ['CREDIT_CARD_VISA', 'VISA'],
  ['CREDIT_CARD_MASTERCARD', 'MASTERCARD'],
  ['CREDIT_CARD_ELO', 'ELO'],
  ['CREDIT_CARD_AMERICAN_EXPRESS', 'AMEX'],
] as const;

const BRL_PAYMENT_TYPES: readonly (readonly [string, number])[] = [
  ['CREDIT_CARD', 70],
  ['PIX', 15],
  ['BILLET', 8],
  ['PAYPAL', 4],
  ['GOOGLE_PAY', 3],
];

const OTHER_PAYMENT_TYPES: readonly (readonly [string, number])[] = [
  ['CREDIT_CARD', 80],
  ['PAYPAL', 15],
  ['GOOGLE_PAY', 5],
];

function paymentProfile(random: Random, currency: string): PaymentProfile {
  const engine = currency === 'BRL' ? 'HotPay' : 'HotPay Internacional';
  const type = random.weighted(currency === 'BRL' ? BRL_PAYMENT_TYPES : OTHER_PAYMENT_TYPES);
  if (type === 'CREDIT_CARD') {
    const [method, flag] = random.pick(CARD_BRANDS);
    return { type, method, engine, cardFlag: flag };
  }
  return { type, method: type, engine, cardFlag: null };
}

/**
 * One Brazilian subscriber in twenty pays from their Hotmart balance, which real payloads show
 * as type `HOTMART_BALANCE` and method `HOTMART` (neither is in the reference's input enums).
 * Drawn from a stream of its own, so the rest of the data set is what it was without it.
 */
function balanceOr(seed: number, index: number, drawn: PaymentProfile): PaymentProfile {
  if (drawn.engine !== 'HotPay') return drawn;
  const random = createRandom(mixSeed(seed, BALANCE_SALT, index));
  if (!random.chance(0.05)) return drawn;
  return { type: 'HOTMART_BALANCE', method: 'HOTMART', engine: drawn.engine, cardFlag: null };
}

/** `HP` + 14 digits; the sub index and recurrence number make it unique by construction. */
function transactionCode(random: Random, index: number, recurrence: number): string {
  return `HP${random.digits(4)}${String(index).padStart(6, '0')}${String(recurrence).padStart(4, '0')}`;
}

/** Charge dates of recurrences 1..n that fall on or before `until`, capped by the plan's cycles. */
export function dueRecurrences(accession: number, plan: CatalogPlan, until: number): number {
  const cap = plan.maxChargeCycles ?? Number.POSITIVE_INFINITY;
  if (until < accession) return 0;
  // Every cycle up to `elapsed / longest` is due: a cycle lasts at most 7 days or 31 days a
  // month. Counting on from there takes a step or two, where counting from 0 took years of them.
  const longest =
    plan.recurrencyPeriod === 7 ? 7 * DAY_MS : (plan.recurrencyPeriod / 30) * 31 * DAY_MS;
  let count = Math.min(cap, Math.floor((until - accession) / longest) + 1);
  while (count < cap && addPeriods(accession, plan.recurrencyPeriod, count) <= until) count += 1;
  return count;
}

/**
 * The fields of a record that no API call changes (all `readonly`): what its purchase history is
 * built from, so the history is the same whenever it is first read.
 */
type FixedFields = Pick<
  SubscriptionRecord,
  'index' | 'transaction' | 'product' | 'plan' | 'accessionDate' | 'payment'
>;

export function chargeDate(
  record: Pick<FixedFields, 'accessionDate' | 'plan'>,
  recurrence: number,
): number {
  // The first charge is the purchase itself; renewals are billed at 12:00 UTC on the due day.
  const due = addPeriods(record.accessionDate, record.plan.recurrencyPeriod, recurrence - 1);
  return recurrence <= 1 ? due : renewalTime(due);
}

interface Timeline {
  status: SubscriptionStatus;
  paid: number;
  /** Recurrence number left unpaid (DELAYED), or null. */
  unpaid: number | null;
  /** What happened to the first charge of a subscription that never paid. */
  firstCharge: 'paid' | 'pending' | 'failed';
  cancellationDate: number | null;
  nextChargeRecurrence: number;
  ended: boolean;
}

/** Makes the drawn status coherent with how many cycles have elapsed. */
function timelineFor(
  random: Random,
  drawn: SubscriptionStatus,
  accession: number,
  plan: CatalogPlan,
  anchor: number,
): Timeline {
  const due = dueRecurrences(accession, plan, anchor);
  const termReached = plan.maxChargeCycles !== null && due >= plan.maxChargeCycles;
  const base = { unpaid: null, firstCharge: 'paid' as const, cancellationDate: null, ended: false };
  switch (drawn) {
    case 'STARTED':
    case 'INACTIVE':
      return {
        ...base,
        status: drawn,
        paid: 0,
        firstCharge: drawn === 'STARTED' ? 'pending' : 'failed',
        nextChargeRecurrence: 1,
      };
    case 'DELAYED':
      if (due >= 2 && !termReached) {
        return { ...base, status: drawn, paid: due - 1, unpaid: due, nextChargeRecurrence: due };
      }
      break;
    case 'OVERDUE':
      // A renewal left unpaid past Hotmart's retries: its purchase rows stay (unpaidRenewal).
      if (due >= 2) {
        return {
          ...base,
          status: drawn,
          paid: due - 1,
          unpaid: due,
          nextChargeRecurrence: due,
          ended: true,
        };
      }
      break;
    case 'CANCELLED_BY_CUSTOMER':
    case 'CANCELLED_BY_SELLER':
    case 'CANCELLED_BY_ADMIN': {
      const cancellationDate = accession + Math.floor(random.next() * (anchor - accession));
      const paid = Math.max(1, dueRecurrences(accession, plan, cancellationDate));
      return {
        ...base,
        status: drawn,
        paid,
        cancellationDate,
        nextChargeRecurrence: paid + 1,
        ended: true,
      };
    }
    default:
      break;
  }
  // ACTIVE, or a status the elapsed cycles cannot support: a plan whose cycles are all paid has
  // reached the end of its term, which Hotmart reports as OVERDUE ("Vencida").
  return termReached
    ? { ...base, status: 'OVERDUE', paid: due, nextChargeRecurrence: due + 1, ended: true }
    : { ...base, status: 'ACTIVE', paid: due, nextChargeRecurrence: due + 1 };
}

function unpaidStatus(payment: PaymentProfile, firstCharge: Timeline['firstCharge']): string {
  if (firstCharge === 'failed') return payment.type === 'CREDIT_CARD' ? 'CANCELLED' : 'EXPIRED';
  if (payment.type === 'BILLET') return 'PRINTED_BILLET';
  return 'WAITING_PAYMENT';
}

/** Days after a failed card renewal on which Hotmart charges the card again. */
const RETRY_DAYS = [3, 6] as const;

/**
 * An unpaid renewal as real data shows it: Hotmart marks it OVERDUE, and a card it could not
 * charge is tried again a few days later, each attempt a row of its own with the same
 * recurrence number (declined attempts `NO_FUNDS`, the latest one `OVERDUE`).
 */
function unpaidRenewal(
  random: Random,
  record: FixedFields,
  recurrence: number,
  firstTransaction: string,
  anchor: number,
): PurchaseRecord[] {
  const due = chargeDate(record, recurrence);
  const attempts = [{ transaction: firstTransaction, orderDate: due }];
  if (record.payment.type === 'CREDIT_CARD') {
    const retries = random.int(0, RETRY_DAYS.length);
    for (const days of RETRY_DAYS.slice(0, retries)) {
      const orderDate = due + days * DAY_MS;
      if (orderDate > anchor) break;
      const code = retryTransaction(record.index, recurrence, days);
      // The first attempt's random digits could spell the same code: then one day later's.
      const transaction =
        code === firstTransaction ? retryTransaction(record.index, recurrence, days + 1) : code;
      attempts.push({ transaction, orderDate });
    }
  }
  return attempts.map((attempt, i) => ({
    ...attempt,
    recurrencyNumber: recurrence,
    approvedDate: null,
    status: i === attempts.length - 1 ? 'OVERDUE' : 'NO_FUNDS',
    underWarranty: false,
  }));
}

/** A retry's code: the generated layout with the retry day in place of the random digits. */
function retryTransaction(index: number, recurrence: number, days: number): string {
  return `HP99${String(days).padStart(2, '0')}${String(index).padStart(6, '0')}${String(recurrence).padStart(4, '0')}`;
}

function buildPurchases(
  random: Random,
  record: FixedFields,
  timeline: Timeline,
  anchor: number,
): PurchaseRecord[] {
  const purchases: PurchaseRecord[] = [];
  const warrantyMs = record.product.warrantyPeriod * DAY_MS;
  const transactionFor = (recurrence: number): string =>
    recurrence === 1 ? record.transaction : transactionCode(random, record.index, recurrence);
  for (let recurrence = 1; recurrence <= timeline.paid; recurrence += 1) {
    const orderDate = chargeDate(record, recurrence);
    const approvedDate = orderDate + random.int(20, 600) * SECOND_MS;
    const underWarranty = approvedDate + warrantyMs > anchor;
    purchases.push({
      transaction: transactionFor(recurrence),
      recurrencyNumber: recurrence,
      orderDate,
      approvedDate,
      status: underWarranty ? 'APPROVED' : 'COMPLETE',
      underWarranty,
    });
  }
  const unpaid = timeline.firstCharge === 'paid' ? timeline.unpaid : 1;
  if (unpaid !== null && unpaid > 1) {
    purchases.push(...unpaidRenewal(random, record, unpaid, transactionFor(unpaid), anchor));
  } else if (unpaid !== null) {
    purchases.push({
      transaction: transactionFor(unpaid),
      recurrencyNumber: unpaid,
      orderDate: chargeDate(record, unpaid),
      approvedDate: null,
      status: unpaidStatus(record.payment, timeline.firstCharge),
      underWarranty: false,
    });
  }
  return purchases;
}

function accessionOffsetDays(random: Random): number {
  // A fifth of the subscriptions start inside Hotmart's default 30-day window, so a list call
  // without `accession_date` returns something, and the rest reach back two years.
  return random.chance(0.2) ? random.int(0, 29) : random.int(30, 730);
}

function generateSubscription(
  seed: number,
  index: number,
  anchor: number,
  subscriptionProducts: readonly CatalogProduct[],
  earlier: readonly SubscriptionRecord[],
  usedCodes: Set<string>,
): SubscriptionRecord {
  const random = createRandom(mixSeed(seed, SUBSCRIPTION_SALT, index));
  const product = random.pick(subscriptionProducts);
  const plan = random.pick(product.plans);
  // One buyer in ten already subscribes to something else: same person, a different code.
  const reused = earlier.length > 0 && random.chance(0.1) ? random.pick(earlier) : undefined;
  const subscriber = reused?.subscriber ?? fakePerson(random, index);
  let subscriberCode = random.alphanumeric(8);
  while (usedCodes.has(subscriberCode)) subscriberCode = random.alphanumeric(8);
  usedCodes.add(subscriberCode);

  const accessionDate =
    anchor - accessionOffsetDays(random) * DAY_MS - random.int(1, DAY_MS / SECOND_MS - 1) * 1000;
  const drawn = random.weighted(STATUS_WEIGHTS);
  const timeline = timelineFor(random, drawn, accessionDate, plan, anchor);
  const record: SubscriptionRecord = {
    index,
    subscriberCode,
    subscriptionId: 3_000_000 + index * 13 + random.int(0, 12),
    product,
    plan,
    subscriber,
    requestDate: accessionDate - random.int(30, 300) * SECOND_MS,
    accessionDate,
    trial: plan.trialDays > 0 && random.chance(0.5),
    transaction: transactionCode(random, index, 1),
    price: plan.price,
    payment: balanceOr(seed, index, paymentProfile(random, plan.price.currency_code)),
    status: timeline.status,
    cancellationDate: timeline.cancellationDate,
    dateNextCharge: 0,
    endAccessionDate: null,
    dueDay: dueDayOf(accessionDate, plan.recurrencyPeriod),
    pendingReactivation: null,
    purchases: [],
  };
  record.dateNextCharge = chargeDate(record, timeline.nextChargeRecurrence);
  // Hotmart's end_accession_date is the moment the subscriber asked to cancel (real data): set on
  // cancelled subscriptions only, absent on the others.
  record.endAccessionDate = timeline.cancellationDate;
  // The purchase history is built when first read, from the record's fixed fields (FixedFields):
  // most data sets serve subscription lists and never read it, and it is most of a data set's
  // making (weekly plans over years). Its own seeded random and those fields keep it the same
  // whenever it is built.
  let purchases: PurchaseRecord[] | undefined;
  Object.defineProperty(record, 'purchases', {
    enumerable: true,
    configurable: true,
    get: () =>
      (purchases ??= buildPurchases(
        createRandom(mixSeed(seed, PURCHASE_SALT, index)),
        record,
        timeline,
        anchor,
      )),
    set: (value: PurchaseRecord[]) => {
      purchases = value;
    },
  });
  return record;
}

/**
 * Builds the data set. `anchor` is the UTC day the data is laid out against (the simulator's
 * clock at creation), so the default 30-day window always has data whatever the real date.
 */
export function generateDataset(seed: number, size: number, anchor: number): Dataset {
  const products = generateCatalog(createRandom(mixSeed(seed, CATALOG_SALT)), anchor);
  const producer = generateProducer(createRandom(mixSeed(seed, CATALOG_SALT, 1)));
  const subscriptions: SubscriptionRecord[] = [];
  const usedCodes = new Set<string>();
  const subscriptionProducts = products.filter((candidate) => candidate.isSubscription);
  for (let index = 0; index < size; index += 1) {
    subscriptions.push(
      generateSubscription(seed, index, anchor, subscriptionProducts, subscriptions, usedCodes),
    );
  }
  // List order: newest accession first, the way a producer's dashboard shows subscribers.
  subscriptions.sort(
    (a, b) => b.accessionDate - a.accessionDate || a.subscriptionId - b.subscriptionId,
  );
  return { anchor, producer, products, subscriptions };
}

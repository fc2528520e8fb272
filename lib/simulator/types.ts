// Public types of the embedded Hotmart simulator. The handler speaks plain strings in and out so
// that any transport (nock, node:http, a direct call from the runtime) can wrap it unchanged.
import type { SubscriptionStatus } from '../types';

/** One HTTP request as the simulator sees it. */
export interface SimulatorRequest {
  method: string;
  /** Absolute URL (`https://developers.hotmart.com/payments/...`) or path + query. */
  url: string;
  /** Header names are matched case-insensitively. */
  headers: Record<string, string>;
  body?: string | undefined;
}

/** One HTTP response. `body` is the exact text Hotmart would send (JSON, or empty). */
export interface SimulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface SimulatorCredentials {
  clientId: string;
  clientSecret: string;
  /** `base64("<clientId>:<clientSecret>")`, without the `Basic ` prefix, as Hotmart shows it. */
  basicToken: string;
}

export interface SimulatorOptions {
  /** Seed of the generated data set. Same seed + same clock day ⇒ same data. Default 20240601. */
  seed?: number;
  /** Number of subscriptions to generate. Default 1000. */
  size?: number;
  /** The simulator's clock (token expiry, rate-limit window, 30-day defaults). Default: real time. */
  now?: () => Date;
  /** Lifetime of issued access tokens. Default 172799 (Hotmart's documented example). */
  tokenTtlSeconds?: number;
  /** Credentials the token endpoint accepts. Default `SIMULATOR_CREDENTIALS`. */
  credentials?: { clientId: string; clientSecret: string };
  /** Data calls allowed per one-minute window per application. Default 500. */
  rateLimitPerMinute?: number;
}

/** Hotmart's subscription statuses: one list, in schemas/example.schema.json (examples name them too). */
export type { SubscriptionStatus };

export interface Money {
  value: number;
  currency_code: string;
}

/** A subscription exactly as `GET /payments/api/v1/subscriptions` returns it (§4.1). */
export interface SubscriptionItem {
  subscriber_code: string;
  subscription_id: number;
  status: SubscriptionStatus;
  accession_date: number;
  /** The moment the subscriber asked to cancel; absent when nobody did. */
  end_accession_date?: number;
  request_date: number;
  date_next_charge: number;
  trial: boolean;
  transaction: string;
  plan: { name: string; id: number; recurrency_period: number; max_charge_cycles?: number };
  product: { id: number; name: string; ucode: string };
  price: Money;
  subscriber: { name: string; email: string; ucode: string };
}

/** A purchase exactly as `GET /payments/api/v1/subscriptions/{code}/purchases` returns it (§4.2). */
export interface PurchaseItem {
  transaction: string;
  /** Absent on a purchase that was never paid, as Hotmart leaves it out. */
  approved_date?: number;
  payment_engine: string;
  status: string;
  price: Money;
  payment_type: string;
  payment_method: string;
  recurrency_number: number;
  under_warranty: boolean;
  purchase_subscription: boolean;
}

/** One request the simulator handled, with credentials redacted. */
export interface RecordedRequest {
  method: string;
  host: string;
  path: string;
  /** The query string without `?`; `client_id`/`client_secret` values are redacted. */
  query: string;
  body: string | undefined;
  status: number;
}

export interface RateLimitStatus {
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (0 when no window is open). */
  resetSeconds: number;
}

export interface Simulator {
  /** Answers one request the way Hotmart would. Never rejects for bad input. */
  handle(request: SimulatorRequest): Promise<SimulatorResponse>;
  /** The credentials the token endpoint accepts. */
  readonly credentials: SimulatorCredentials;
  /** Current simulator time. */
  now(): Date;
  /** Number of requests handled so far (token and data calls, errors included). */
  requestCount(): number;
  /** Handled requests in order (the latest 10,000), credentials redacted. */
  requests(): readonly RecordedRequest[];
  /** Every subscription in its current state, in list order (no filters, no date window). */
  subscriptions(): SubscriptionItem[];
  /** One subscription in its current state, or undefined. */
  subscription(subscriberCode: string): SubscriptionItem | undefined;
  /** A subscriber's purchases in their current state, or undefined for an unknown code. */
  purchases(subscriberCode: string): PurchaseItem[] | undefined;
  /**
   * Plays the subscriber clicking the reactivation e-mail's link (Hotmart waits up to 3 days).
   * Returns false when there is no pending, unexpired reactivation for that code.
   */
  acceptReactivation(subscriberCode: string): boolean;
  /**
   * Calls `listener` with Hotmart's webhook v2 envelope whenever a state change makes one: a
   * cancel (`SUBSCRIPTION_CANCELLATION`), a charge-day change (`UPDATE_SUBSCRIPTION_CHARGE_DATE`),
   * an accepted reactivation that charged (`PURCHASE_APPROVED`). Returns the unsubscribe function.
   */
  onEvent(listener: (envelope: WebhookEnvelope) => void): () => void;
  /**
   * Sends any event on demand, about a subscription (default: the first active one), to every
   * listener, and returns it. An unknown event name or code throws SimulatorOptionError.
   */
  fireEvent(name: string, subscriberCode?: string): WebhookEnvelope;
  /** Coupons created through the API, in creation order (`id`, `product_id`, `code`). */
  coupons(): Array<{ id: number; product_id: number; code: string }>;
  /** Rate-limit counters for an application (default: the configured client). */
  rateLimitStatus(clientId?: string): RateLimitStatus;
}

/** A Hotmart webhook v2 envelope (hotmart-api.md §8.3). */
export interface WebhookEnvelope {
  id: string;
  /** Epoch milliseconds. */
  creation_date: number;
  event: string;
  version: '2.0.0';
  data: Record<string, unknown>;
}

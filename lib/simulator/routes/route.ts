// What a route handler receives and returns. Handlers throw HotmartError for refusals; the
// simulator turns every throw into Hotmart's error body.
import type { ParsedRequest } from '../http-request';
import type { PageTokenCodec } from '../page-token';
import type { SimulatorState } from '../state';

export interface RouteContext {
  request: ParsedRequest;
  state: SimulatorState;
  now: number;
  pageTokens: PageTokenCodec;
  /** Path parameters, e.g. `subscriber_code`. */
  params: Record<string, string>;
}

export interface RouteResult {
  status: number;
  /** JSON value of the body; undefined for an empty body. */
  body?: unknown;
  /** The body is an `items` + `page_info` envelope (selectors address its items). */
  paginated?: boolean;
}

type RouteHandler = (context: RouteContext) => RouteResult;

export interface Route {
  method: string;
  /** Path segments; `:name` captures one segment into `params`. */
  pattern: readonly string[];
  handler: RouteHandler;
}

export const SUBSCRIPTION_STATUSES = [
  'ACTIVE',
  'INACTIVE',
  'DELAYED',
  'OVERDUE',
  'STARTED',
  'CANCELLED_BY_CUSTOMER',
  'CANCELLED_BY_SELLER',
  'CANCELLED_BY_ADMIN',
] as const;

/** Hotmart's default date window for list filters: the last 30 days (reference §4.1). */
export const DEFAULT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

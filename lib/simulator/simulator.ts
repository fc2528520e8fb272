// createSimulator: one handler for every Hotmart host. Order of checks per data call mirrors a
// real API gateway: authenticate, count against the rate limit, route, answer.
import { startOfUtcDay } from './calendar';
import { SIMULATOR_CREDENTIALS, basicTokenFor } from './credentials';
import { generateDataset } from './dataset';
import { HotmartError, notFound } from './errors';
import { authenticate } from './auth';
import type { ParsedRequest } from './http-request';
import { parseRequest } from './http-request';
import { createPageTokenCodec } from './page-token';
import type { RateLimitStatus } from './types';
import {
  RateLimitExceeded,
  createRateLimiter,
  rateLimitHeaders,
  rateLimitRefusalHeaders,
} from './rate-limit';
import { emptyResponse, errorResponse, jsonResponse } from './responses';
import { matchRoute } from './routes';
import type { RouteResult } from './routes/route';
import { applySelect, applySelectToPage, parseSelect } from './select';
import { acceptReactivation, createState } from './state';
import { TOKEN_PATH, handleTokenRequest } from './token-endpoint';
import { createTokenStore } from './tokens';
import type {
  RecordedRequest,
  Simulator,
  SimulatorCredentials,
  SimulatorOptions,
  SimulatorRequest,
  SimulatorResponse,
} from './types';
import { purchaseItems, subscriptionItem } from './views';
import { SimulatorOptionError } from './errors';

export const DEFAULT_SEED = 20240601;
export const DEFAULT_SIZE = 1000;
/** Hotmart's documented example lifetime (≈ 48 h, reference §1.3). */
export const DEFAULT_TOKEN_TTL_SECONDS = 172799;
/** Hotmart's documented limit (reference §3.5). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 500;
const MAX_SIZE = 100_000;
/** The request log keeps the most recent entries only, so a long-running server stays small. */
const MAX_LOGGED_REQUESTS = 10_000;

interface ResolvedOptions {
  seed: number;
  size: number;
  clock: () => Date;
  tokenTtlSeconds: number;
  credentials: SimulatorCredentials;
  rateLimitPerMinute: number;
}

function requireInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SimulatorOptionError(
      `createSimulator: option '${name}' must be a whole number from ${min} to ${max}, got ${String(value)}.`,
    );
  }
  return value;
}

function resolveCredentials(credentials: SimulatorOptions['credentials']): SimulatorCredentials {
  if (credentials === undefined) return { ...SIMULATOR_CREDENTIALS };
  const { clientId, clientSecret } = credentials;
  if (typeof clientId !== 'string' || clientId === '' || clientId.includes(':')) {
    throw new SimulatorOptionError(
      "createSimulator: 'credentials.clientId' must be a non-empty string without ':'.",
    );
  }
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    throw new SimulatorOptionError(
      "createSimulator: 'credentials.clientSecret' must be a non-empty string.",
    );
  }
  return { clientId, clientSecret, basicToken: basicTokenFor(clientId, clientSecret) };
}

function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const clock = options.now ?? (() => new Date());
  if (typeof clock !== 'function')
    throw new SimulatorOptionError("createSimulator: option 'now' must be a function.");
  return {
    seed: requireInteger('seed', options.seed ?? DEFAULT_SEED, -(2 ** 31), 2 ** 32 - 1),
    size: requireInteger('size', options.size ?? DEFAULT_SIZE, 0, MAX_SIZE),
    clock,
    tokenTtlSeconds: requireInteger(
      'tokenTtlSeconds',
      options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
      1,
      10 * 365 * 24 * 3600,
    ),
    credentials: resolveCredentials(options.credentials),
    rateLimitPerMinute: requireInteger(
      'rateLimitPerMinute',
      options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
      1,
      1_000_000_000,
    ),
  };
}

/** Query string for the request log, with the token endpoint's credentials blanked. */
function redactedQuery(request: ParsedRequest): string {
  const copy = new URLSearchParams(request.query);
  for (const name of ['client_id', 'client_secret']) {
    if (copy.has(name)) copy.set(name, '[redacted]');
  }
  return copy.toString();
}

function renderResult(result: RouteResult, request: ParsedRequest): SimulatorResponse {
  if (result.body === undefined) return emptyResponse(result.status);
  const selectors = parseSelect(request.query);
  if (selectors === undefined) return jsonResponse(result.status, result.body);
  const body = result.paginated
    ? applySelectToPage(result.body as { items: unknown[] }, selectors)
    : applySelect(result.body, selectors);
  return jsonResponse(result.status, body);
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const config = resolveOptions(options);
  const readClock = (): number => {
    const value = config.clock();
    const ms = value instanceof Date ? value.getTime() : Number.NaN;
    if (!Number.isFinite(ms))
      throw new SimulatorOptionError("createSimulator: option 'now' returned an invalid date.");
    return ms;
  };
  // Data is laid out against the creation day (UTC), so the same seed gives the same data all day
  // and the default 30-day window is never empty, whatever the real date.
  const state = createState(
    generateDataset(config.seed, config.size, startOfUtcDay(readClock())),
    config.seed,
  );
  const tokens = createTokenStore(config.seed, config.tokenTtlSeconds);
  const limiter = createRateLimiter(config.rateLimitPerMinute);
  const pageTokens = createPageTokenCodec(config.seed);
  const log: RecordedRequest[] = [];
  let handled = 0;

  function answerDataCall(request: ParsedRequest, now: number): SimulatorResponse {
    const clientId = authenticate(request, tokens, now);
    let rateLimit: RateLimitStatus;
    try {
      rateLimit = limiter.consume(clientId, now);
    } catch (error) {
      if (error instanceof RateLimitExceeded) {
        const response = errorResponse(error);
        return {
          ...response,
          headers: { ...response.headers, ...rateLimitRefusalHeaders(error.rateLimit) },
        };
      }
      throw error;
    }
    let response: SimulatorResponse;
    try {
      const match = matchRoute(request.method, request.segments);
      if (match === undefined) throw notFound();
      const result = match.route.handler({ request, state, now, pageTokens, params: match.params });
      response = renderResult(result, request);
    } catch (error) {
      if (!(error instanceof HotmartError)) throw error;
      response = errorResponse(error);
    }
    return { ...response, headers: { ...response.headers, ...rateLimitHeaders(rateLimit) } };
  }

  function respond(request: SimulatorRequest): SimulatorResponse {
    let parsed: ParsedRequest | undefined;
    let response: SimulatorResponse;
    try {
      const now = readClock();
      parsed = parseRequest(request);
      if (parsed === undefined) {
        response = errorResponse(notFound('The request URL could not be parsed.'));
      } else if (parsed.path.replace(/\/+$/, '') === TOKEN_PATH) {
        response =
          parsed.method === 'POST'
            ? handleTokenRequest(parsed, config.credentials, tokens, now)
            : errorResponse(notFound());
      } else {
        response = answerDataCall(parsed, now);
      }
    } catch (error) {
      response =
        error instanceof HotmartError
          ? errorResponse(error)
          : errorResponse(
              new HotmartError(
                500,
                'internal_server_error',
                `Unexpected simulator error: ${error instanceof Error ? error.message : String(error)}`,
              ),
            );
    }
    handled += 1;
    if (log.length >= MAX_LOGGED_REQUESTS) log.shift();
    log.push({
      method: parsed?.method ?? String(request.method).toUpperCase(),
      host: parsed?.host ?? '',
      // An unparseable URL is not logged verbatim: it may carry the token endpoint's secret.
      path: parsed?.path ?? '(unparseable URL)',
      query: parsed === undefined ? '' : redactedQuery(parsed),
      body: parsed?.body,
      status: response.status,
    });
    return response;
  }

  return {
    handle: (request) => Promise.resolve(respond(request)),
    credentials: config.credentials,
    now: () => new Date(readClock()),
    requestCount: () => handled,
    requests: () => [...log],
    subscriptions: () => state.all(readClock()).map(subscriptionItem),
    subscription: (code) => {
      const record = state.find(code, readClock());
      return record === undefined ? undefined : subscriptionItem(record);
    },
    purchases: (code) => {
      const record = state.find(code, readClock());
      return record === undefined ? undefined : purchaseItems(record);
    },
    acceptReactivation: (code) => {
      const now = readClock();
      const record = state.find(code, now);
      if (record === undefined) return false;
      const charged = record.pendingReactivation?.charge === true;
      if (!acceptReactivation(record, now)) return false;
      // A reactivation that charged is a new approved purchase for Hotmart.
      if (charged) state.events.emit('PURCHASE_APPROVED', record, now);
      return true;
    },
    onEvent: (listener) => state.events.listen(listener),
    coupons: () =>
      state.coupons.list.map((c) => ({ id: c.id, product_id: c.productId, code: c.code })),
    fireEvent: (name, subscriberCode) => {
      const now = readClock();
      const record =
        subscriberCode === undefined
          ? state.all(now).find((candidate) => candidate.status === 'ACTIVE')
          : state.find(subscriberCode, now);
      if (record === undefined) {
        throw new SimulatorOptionError(
          subscriberCode === undefined
            ? 'fireEvent: the simulator has no active subscription to send an event about.'
            : `fireEvent: no subscription '${subscriberCode}'.`,
        );
      }
      return state.events.emit(name, record, now);
    },
    rateLimitStatus: (clientId) =>
      limiter.status(clientId ?? config.credentials.clientId, readClock()),
  };
}

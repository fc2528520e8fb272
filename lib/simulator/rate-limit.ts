// Hotmart's rate limit (reference §3.5): 500 calls per minute per application, reads and writes
// together. Implemented as a fixed one-minute window opened by the first call; the window's
// counters are reported in the documented headers on every data response, 429 included.
import { HotmartError } from './errors';
import type { RateLimitStatus } from './types';

const WINDOW_MS = 60_000;

export interface RateLimiter {
  /** Counts one call, or throws 429 `too_many_requests` (the refused call is not counted). */
  consume(clientId: string, now: number): RateLimitStatus;
  status(clientId: string, now: number): RateLimitStatus;
}

export class RateLimitExceeded extends HotmartError {
  constructor(
    readonly rateLimit: RateLimitStatus,
    /** Refused by the API gateway itself, which answers `{"message": …}` (see README). */
    readonly byGateway = false,
  ) {
    super(
      429,
      'too_many_requests',
      `Too many requests: the limit is ${rateLimit.limit} calls per minute.`,
    );
  }

  /** Hotmart's OAuth-style body, or the gateway's bare message on repeated refusals. */
  override toBody(): ReturnType<HotmartError['toBody']> {
    return this.byGateway ? { message: 'API rate limit exceeded' } : super.toBody();
  }
}

/** 429's headers: the counters, and `Retry-After` (seconds until the window resets). */
export function rateLimitRefusalHeaders(status: RateLimitStatus): Record<string, string> {
  return { ...rateLimitHeaders(status), 'Retry-After': String(Math.max(1, status.resetSeconds)) };
}

export function rateLimitHeaders(status: RateLimitStatus): Record<string, string> {
  return {
    'RateLimit-Limit': String(status.limit),
    'RateLimit-Remaining': String(status.remaining),
    'RateLimit-Reset': String(status.resetSeconds),
    'X-RateLimit-Limit-Minute': String(status.limit),
    'X-RateLimit-Remaining-Minute': String(status.remaining),
  };
}

export function createRateLimiter(limit: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number; refused: number }>();
  const current = (
    clientId: string,
    now: number,
  ): { start: number; count: number; refused: number } | undefined => {
    const window = windows.get(clientId);
    return window !== undefined && now < window.start + WINDOW_MS ? window : undefined;
  };
  const describe = (window: { start: number; count: number } | undefined, now: number) => ({
    limit,
    remaining: window === undefined ? limit : Math.max(0, limit - window.count),
    resetSeconds: window === undefined ? 0 : Math.ceil((window.start + WINDOW_MS - now) / 1000),
  });
  return {
    consume(clientId, now) {
      let window = current(clientId, now);
      if (window === undefined) {
        window = { start: now, count: 0, refused: 0 };
        windows.set(clientId, window);
      }
      if (window.count >= limit) {
        // The first refusal of a window comes from Hotmart; later ones from its gateway.
        window.refused += 1;
        throw new RateLimitExceeded(describe(window, now), window.refused > 1);
      }
      window.count += 1;
      return describe(window, now);
    },
    status(clientId, now) {
      return describe(current(clientId, now), now);
    },
  };
}

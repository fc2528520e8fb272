// Make's platform caps per module run (make-app-format §7; decision §18 #18): 100 requests in
// total, 50 pagination requests, 3200 paginated records. Reaching a cap stops the run where it is
// and records a warning in the run log (the result is what was collected so far); a request that
// is not a pagination request and would exceed the total is refused with a RuntimeError instead,
// since silently skipping it could skip a write. The CLI and the bench lift the caps through the
// `caps` option (`Infinity` = no cap).
import { RuntimeError } from './errors';

export interface Caps {
  /** Pagination requests (pages after the first) per run. Make: 50. */
  paginationRequests: number;
  /** HTTP requests of the module's communication per run, retries included, connection
   * (token/refresh) requests excluded. Make: 100. */
  requests: number;
  /** Bundles produced by paginated requests per run. Make: 3200. */
  records: number;
}

export const MAKE_CAPS: Readonly<Caps> = Object.freeze({
  paginationRequests: 50,
  requests: 100,
  records: 3200,
});

export const NO_CAPS: Readonly<Caps> = Object.freeze({
  paginationRequests: Number.POSITIVE_INFINITY,
  requests: Number.POSITIVE_INFINITY,
  records: Number.POSITIVE_INFINITY,
});

export interface CapCounters {
  requests: number;
  paginationRequests: number;
  records: number;
}

export function resolveCaps(caps: Partial<Caps> | undefined): Caps {
  const out = { ...MAKE_CAPS, ...(caps ?? {}) };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RuntimeError(
        `caps.${key} must be a non-negative number or Infinity, got ${String(value)}.`,
        {
          code: 'OPTION_INVALID',
        },
      );
    }
  }
  return out;
}

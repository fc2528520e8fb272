// Its own file so that errors.ts and run-log.ts can both use it without importing each other.

/** The request as it may be shown: `log.sanitize` applied and every known secret redacted. */
export interface SanitizedRequest {
  method: string;
  /** Origin and path, without the query string (the query is in `qs`, sanitized key by key). */
  url: string;
  qs: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: unknown;
}

// Hotmart's error table (hotmart-api.md §3.6) with the Make error each answer must become. The
// bodies are the fixtures `error-<status>.json`; the expected messages are written out in full so
// a change of wording is a visible test change.
import type { MakeErrorType } from '../../lib/runtime';

export interface HotmartErrorCase {
  status: number;
  fixture: string;
  headers?: Record<string, string>;
  type: MakeErrorType;
  message: string;
}

export const HOTMART_ERRORS: readonly HotmartErrorCase[] = [
  {
    status: 400,
    fixture: 'error-400',
    type: 'DataError',
    message:
      '[400] The request was unacceptable, often due to missing a required parameter (invalid_parameter)',
  },
  {
    status: 403,
    fixture: 'error-403',
    type: 'InvalidConfigurationError',
    message:
      "[403] You do not have permission to access this resource (unauthorized_client). Check that your Hotmart credential is allowed to use this resource and that the connection's Environment (Production or Sandbox) matches the credential's type.",
  },
  {
    status: 404,
    fixture: 'error-404',
    type: 'DataError',
    message: '[404] The subscription was not found (not_found)',
  },
  {
    status: 429,
    fixture: 'error-429',
    headers: { 'RateLimit-Limit': '500', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '42' },
    type: 'RateLimitError',
    message:
      '[429] Too many requests. Rate limit exceeded (too_many_requests). Hotmart allows 500 calls per minute; the quota resets in 42 s.',
  },
  {
    // The API gateway's own refusal: a bare `message`, and when to retry.
    status: 429,
    fixture: 'error-429-gateway',
    headers: { 'Retry-After': '42', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '42' },
    type: 'RateLimitError',
    message:
      '[429] API rate limit exceeded. Hotmart allows 500 calls per minute; the quota resets in 42 s.',
  },
  {
    status: 500,
    fixture: 'error-500',
    type: 'ConnectionError',
    message: '[500] An unexpected error occurred (internal_server_error)',
  },
  {
    status: 502,
    fixture: 'error-502',
    type: 'RuntimeError',
    message:
      '[502] The query took longer than 30 seconds to run (internal_server_error). Hotmart stops queries that run longer than 30 seconds: narrow the date range or add filters.',
  },
  {
    status: 503,
    fixture: 'error-503',
    type: 'ConnectionError',
    message: '[503] The API is temporarily unavailable (internal_server_error). Try again later.',
  },
];

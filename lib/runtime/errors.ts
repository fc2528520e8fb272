// Errors named after Make's nine error types (make-app-format §6). Make's scheduler acts on the
// type (RateLimitError and ConnectionError are retried later, InvalidAccessTokenError asks for a
// new token, ...), so every failure the runtime raises while running a module is one of them.
// A failure to *load* an app is not a module error and has its own class, AppLoadError.
import type { RunLog } from './run-log';
import type { SanitizedRequest } from './sanitized-request';

/** Exactly Make's nine error types. */
export const MAKE_ERROR_TYPES = [
  'RuntimeError',
  'DataError',
  'RateLimitError',
  'OutOfSpaceError',
  'ConnectionError',
  'InvalidConfigurationError',
  'InvalidAccessTokenError',
  'IncompleteDataError',
  'DuplicateDataError',
] as const;

export type MakeErrorType = (typeof MAKE_ERROR_TYPES)[number];

export function isMakeErrorType(value: unknown): value is MakeErrorType {
  return typeof value === 'string' && (MAKE_ERROR_TYPES as readonly string[]).includes(value);
}

/**
 * Stable codes saying *which* runtime rule produced the error (tests assert codes, people read
 * messages):
 * - `HTTP_STATUS`: the service answered with an error status, or `valid` marked the response invalid
 * - `INVALID_RESPONSE`: the body could not be parsed the way the definition says (truncated JSON, an
 *   HTML page, an `iterate` container that is not an array, an action that returned an array)
 * - `NETWORK`, `TIMEOUT`: no HTTP answer at all
 * - `HOST_NOT_ALLOWED`: a request carrying connection data aimed at a host the app does not declare
 * - `PARAMETER_INVALID`, `PARAMETER_REQUIRED`: input parameters rejected before any request
 * - `EXPRESSION_FAILED`: an IML expression of the definition threw
 * - `DEFINITION_INVALID`: the definition asks for something this runtime cannot do
 * - `TOKEN_REJECTED`: a 401 survived one refresh and one retry
 * - `CONNECTION_EXPIRED`: the connection's `response.expires` has passed
 * - `REQUEST_CAP`: Make's per-run request cap was reached before a non-pagination request
 * - `TOO_MANY_REDIRECTS`: a request was redirected more than 10 times (redirect.ts)
 * - `REQUEST_INVALID`: the evaluated request cannot be sent (an object as a query value, a bad URL)
 * - `OPTION_INVALID`: the caller passed an unusable runtime option (a bad `hostMap`, an unknown module)
 * - `RESPONSE_TOO_LARGE`: a response body (counted after decompression) passed the run's
 *   `maxResponseBytes` (default 100 MiB, http.ts); reading stopped there
 * - `UNEXPECTED`: a bug in the runtime itself, wrapped so callers still get a typed error
 */
export type MakeErrorCode =
  | 'HTTP_STATUS'
  | 'INVALID_RESPONSE'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'RUN_TIME_LIMIT'
  | 'HOST_NOT_ALLOWED'
  | 'PARAMETER_INVALID'
  | 'PARAMETER_REQUIRED'
  | 'EXPRESSION_FAILED'
  | 'DEFINITION_INVALID'
  | 'TOKEN_REJECTED'
  | 'CONNECTION_EXPIRED'
  | 'REQUEST_CAP'
  | 'TOO_MANY_REDIRECTS'
  | 'REQUEST_INVALID'
  | 'OPTION_INVALID'
  | 'RESPONSE_TOO_LARGE'
  | 'UNEXPECTED';

export type { SanitizedRequest } from './sanitized-request';

export interface MakeErrorDetails {
  code: MakeErrorCode;
  statusCode?: number;
  request?: SanitizedRequest;
  /** The parameter a `DataError` is about (dot path for nested parameters). */
  parameter?: string;
  /** Seconds until the rate-limit window resets (`RateLimit-Reset` / `Retry-After`), when known. */
  resetSeconds?: number;
  /** Which component and directive was running (`module listSubscriptions`, `connection hotmart token`). */
  where?: string;
}

/** Base of every error a module run raises. `type` is Make's error type name. */
export abstract class MakeError extends Error {
  abstract readonly type: MakeErrorType;
  readonly code: MakeErrorCode;
  readonly statusCode: number | undefined;
  readonly request: SanitizedRequest | undefined;
  readonly parameter: string | undefined;
  readonly where: string | undefined;
  /** The run log, attached (non-enumerable) when the error leaves runModule / streamModule. */
  declare readonly log: RunLog | undefined;

  constructor(message: string, details: MakeErrorDetails) {
    super(message);
    this.code = details.code;
    this.statusCode = details.statusCode;
    this.request = details.request;
    this.parameter = details.parameter;
    this.where = details.where;
  }

  /** A plain object with everything worth printing or storing (the request is already sanitized). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      type: this.type,
      code: this.code,
      message: this.message,
    };
    if (this.statusCode !== undefined) out.statusCode = this.statusCode;
    if (this.parameter !== undefined) out.parameter = this.parameter;
    if (this.where !== undefined) out.where = this.where;
    if (this.request !== undefined) out.request = this.request;
    return out;
  }
}

/**
 * The base of one error type: pins `name` and `type` to the same literal, so each public class
 * below stays a real, named class (`instanceof` works, stack traces and `toJSON` show the type)
 * without restating both fields nine times.
 */
function makeErrorOfType<T extends MakeErrorType>(type: T) {
  abstract class TypedMakeError extends MakeError {
    override readonly name: T = type;
    readonly type: T = type;
  }
  return TypedMakeError;
}

export class RuntimeError extends makeErrorOfType('RuntimeError') {}

/** The app's definition cannot be run as written: `<where>: <message>`. */
export function definitionInvalid(where: string, message: string): RuntimeError {
  return new RuntimeError(`${where}: ${message}`, { code: 'DEFINITION_INVALID', where });
}

export class DataError extends makeErrorOfType('DataError') {}
export class RateLimitError extends makeErrorOfType('RateLimitError') {
  readonly resetSeconds: number | undefined;

  constructor(message: string, details: MakeErrorDetails) {
    super(message, details);
    this.resetSeconds = details.resetSeconds;
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    if (this.resetSeconds !== undefined) out.resetSeconds = this.resetSeconds;
    return out;
  }
}
export class OutOfSpaceError extends makeErrorOfType('OutOfSpaceError') {}
export class ConnectionError extends makeErrorOfType('ConnectionError') {}
export class InvalidConfigurationError extends makeErrorOfType('InvalidConfigurationError') {}
export class InvalidAccessTokenError extends makeErrorOfType('InvalidAccessTokenError') {}
export class IncompleteDataError extends makeErrorOfType('IncompleteDataError') {}
export class DuplicateDataError extends makeErrorOfType('DuplicateDataError') {}

const CLASSES: Record<
  MakeErrorType,
  new (message: string, details: MakeErrorDetails) => MakeError
> = {
  RuntimeError,
  DataError,
  RateLimitError,
  OutOfSpaceError,
  ConnectionError,
  InvalidConfigurationError,
  InvalidAccessTokenError,
  IncompleteDataError,
  DuplicateDataError,
};

/** Builds the error class for a type named in a definition (`error.type`, `valid.type`). */
export function createMakeError(
  type: MakeErrorType,
  message: string,
  details: MakeErrorDetails,
): MakeError {
  return new CLASSES[type](message, details);
}

/** `loadApp` could not read, parse or validate a built app. `file` names the culprit when known. */
export class AppLoadError extends Error {
  override readonly name = 'AppLoadError';
  readonly code: 'APP_NOT_FOUND' | 'APP_FILE_MISSING' | 'APP_FILE_UNPARSABLE' | 'APP_INVALID';
  readonly file: string | undefined;
  /** Validation issues, one line each, when `code` is `APP_INVALID`. */
  readonly issues: readonly string[];

  constructor(
    code: AppLoadError['code'],
    message: string,
    options: { file?: string; issues?: readonly string[] } = {},
  ) {
    super(message);
    this.code = code;
    this.file = options.file;
    this.issues = options.issues ?? [];
  }
}

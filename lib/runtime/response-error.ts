// Turning an unsuccessful response into Make's error (make-app-format §6 `valid` / `error`).
// Message priority: `valid.message` (when `valid` failed) → `error.<status>.message` →
// `error.message` → a default. Type priority alike: `valid.type` → `error.<status>.type` →
// `error.type` → a default by status. Project choices where Make's docs are silent:
// - default type: 401 → InvalidAccessTokenError, 429 → RateLimitError, anything else RuntimeError
//   (Make documents RuntimeError as the default; the two exceptions make an app without error
//   directives still schedule retries correctly);
// - default message: `[status] <summary>`, the summary taken from a JSON body's
//   `error_description` / `message` / `error`, else the status text (HTML pages are never quoted);
// - a message template that itself fails falls back to the default message, with the reason;
// - an unknown type name in a definition falls back to RuntimeError (the validator rejects it
//   before build, so this only guards hand-edited JSON).
import { toDisplayText } from '../iml';
import {
  createMakeError,
  isMakeErrorType,
  type MakeError,
  type MakeErrorType,
  type SanitizedRequest,
} from './errors';
import { evaluate, type EvalClock, type Scope } from './iml';
import { isPlainObject } from './wire';

interface Directive {
  message?: unknown;
  type?: unknown;
}

function errorDirectives(error: unknown): {
  top: Directive;
  byStatus: (status: number) => Directive | undefined;
} {
  if (typeof error === 'string') return { top: { message: error }, byStatus: () => undefined };
  if (!isPlainObject(error)) return { top: {}, byStatus: () => undefined };
  return {
    top: { message: error.message, type: error.type },
    byStatus: (status) => {
      const entry = error[String(status)];
      if (typeof entry === 'string') return { message: entry };
      return isPlainObject(entry) ? { message: entry.message, type: entry.type } : undefined;
    },
  };
}

function defaultType(statusCode: number): MakeErrorType {
  if (statusCode === 401) return 'InvalidAccessTokenError';
  if (statusCode === 429) return 'RateLimitError';
  return 'RuntimeError';
}

function summary(body: unknown, statusText: string): string {
  if (isPlainObject(body)) {
    for (const key of ['error_description', 'message', 'error']) {
      const value = body[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    }
  }
  if (typeof body === 'string' && body.trim() !== '' && !/^\s*</.test(body)) {
    const text = body.trim().replace(/\s+/g, ' ');
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  return statusText || 'Request failed';
}

/** Seconds until a rate limit resets, from `RateLimit-Reset` or `Retry-After` (seconds or a date). */
export function resetSecondsOf(headers: Record<string, string>, now: Date): number | undefined {
  const reset = headers['ratelimit-reset'] ?? headers['x-ratelimit-reset'];
  if (reset !== undefined && /^\d+(\.\d+)?$/.test(reset.trim())) return Number(reset.trim());
  const retry = headers['retry-after'];
  if (retry === undefined) return undefined;
  if (/^\d+$/.test(retry.trim())) return Number(retry.trim());
  const at = Date.parse(retry);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

export interface ErrorContext {
  scope: Scope;
  clock: EvalClock;
  where: string;
  request: SanitizedRequest;
  statusCode: number;
  statusText: string;
  headers: Record<string, string>;
}

/**
 * The error for a response that failed. `valid` is the `valid` directive when it was `valid` that
 * failed (a status below 400), undefined for an error status.
 */
export function buildResponseError(
  errorSpec: unknown,
  valid: Directive | undefined,
  context: ErrorContext,
): MakeError {
  const { top, byStatus } = errorDirectives(errorSpec);
  const status = byStatus(context.statusCode);
  const resetSeconds = resetSecondsOf(context.headers, context.clock.now);
  let fallback =
    valid !== undefined
      ? 'Response marked as invalid.'
      : `[${context.statusCode}] ${summary(context.scope.body, context.statusText)}`;
  if (valid === undefined && context.statusCode === 429 && resetSeconds !== undefined) {
    fallback += ` (the rate limit resets in ${resetSeconds} s)`;
  }

  let message = fallback;
  const template = valid?.message ?? status?.message ?? top.message;
  if (template !== undefined) {
    try {
      const value = evaluate(
        template,
        context.scope,
        `${context.where} › error message`,
        context.clock,
      );
      // An object or array reads as JSON (as IML's toString does), never "[object Object]".
      const text = value === undefined || value === null ? '' : toDisplayText(value);
      if (text !== '') message = text;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      message = `${fallback} (the error message template failed: ${reason})`;
    }
  }

  const declared = valid?.type ?? status?.type ?? top.type;
  let type: MakeErrorType = defaultType(valid !== undefined ? 0 : context.statusCode);
  if (declared !== undefined) {
    let name: unknown;
    try {
      name = evaluate(declared, context.scope, `${context.where} › error type`, context.clock);
    } catch {
      name = undefined;
    }
    type = isMakeErrorType(name) ? name : 'RuntimeError';
  }

  const details = {
    code: 'HTTP_STATUS' as const,
    statusCode: context.statusCode,
    request: context.request,
    where: context.where,
  };
  return createMakeError(
    type,
    message,
    type === 'RateLimitError' && resetSeconds !== undefined
      ? { ...details, resetSeconds }
      : details,
  );
}

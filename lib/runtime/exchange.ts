// One HTTP exchange: build → allow-list check → send → log → follow redirects (each hop checked,
// mapped and logged again) → parse, with Make-style recovery from an expired token (issue #4): on
// a 401, refresh the connection once and retry once, rebuilding the request so the new token is
// used. A second 401 is an InvalidAccessTokenError.
import { buildRequest, type HttpRequest } from './build-request';
import { InvalidAccessTokenError, MakeError, RuntimeError, type SanitizedRequest } from './errors';
import { checkHostAllowed, mapHost } from './hosts';
import { describeRequest, send, startTimeout, type HttpResponse } from './http';
import type { Scope } from './iml';
import type { EffectiveRequest } from './merge-base';
import { parseResponseBody } from './parse-response';
import { MAX_REDIRECTS, nextHop, redirectLocation } from './redirect';
import type { RunEnv } from './run-env';
import type { HttpLogEntry, LoggedResponse } from './run-log';
import { applySanitize } from './sanitize';

export interface ExchangeResult {
  response: HttpResponse;
  body: unknown;
  request: SanitizedRequest;
  /** True when a 401 led to a refresh and this is the retried request's response. */
  retried: boolean;
}

function sanitizeRequest(request: HttpRequest, paths: readonly string[]): SanitizedRequest {
  return applySanitize({ request: request.logged }, paths).request;
}

/** The body as the log keeps it; its depth is bounded when the log is read (run-log.ts). */
function loggedBody(body: unknown, bytes: number, max: number): unknown {
  if (bytes > max) return `[${bytes} bytes not logged]`;
  if (Buffer.isBuffer(body)) return `[${body.byteLength} bytes]`;
  return body;
}

/** Text of everything a request sends, for the secret scan. */
function wireText(request: HttpRequest): string {
  let text = `${request.url.href}\n${Object.values(request.headers).join('\n')}`;
  if (typeof request.body === 'string') text += `\n${request.body}`;
  else if (request.body instanceof Uint8Array)
    text += `\n${Buffer.from(request.body).toString('utf8')}`;
  return text;
}

export interface ExchangeOptions {
  /** The request's templates read the `connection` root (base included). */
  readsConnection: boolean;
  /** 1-based page number, for the log. */
  page?: number;
}

interface Sent {
  request: HttpRequest;
  response: HttpResponse;
  sanitized: SanitizedRequest;
  entry: HttpLogEntry;
  started: number;
}

/**
 * Refuses a hop the allow-list forbids. Module runs check every hop (hosts.ts). A connection's
 * own requests are not checked — they define where its credentials go — but a *redirect* of one is
 * the service's choice, not the app's: its hops may only go to the app's literal hosts or hosts the
 * connection already contacted.
 */
function checkDestination(
  request: HttpRequest,
  hop: number,
  env: RunEnv,
  options: ExchangeOptions,
): void {
  if (env.allowedHosts !== undefined) {
    const carries = options.readsConnection || env.log.redactor.contains(wireText(request));
    checkHostAllowed(request.url, carries, env.allowedHosts, env.where);
  } else if (hop > 0 && env.redirectHosts !== undefined) {
    const allowed = new Set([...env.redirectHosts, ...(env.contacted ?? [])]);
    checkHostAllowed(request.url, true, allowed, env.where);
  }
}

/** Checks, sends and times one hop; a failure is logged on the hop's entry and rethrown. */
async function sendHop(
  request: HttpRequest,
  hop: number,
  signal: AbortSignal,
  spec: EffectiveRequest,
  env: RunEnv,
  options: ExchangeOptions,
): Promise<Sent> {
  const sanitized = sanitizeRequest(request, spec.sanitize);
  const started = performance.now();
  const entry: HttpLogEntry = {
    kind: 'http',
    component: env.where,
    request: sanitized,
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
  if (options.page !== undefined) entry.page = options.page;
  if (hop > 0) entry.redirect = hop;
  const mapped = mapHost(request.url, env.hostMap);
  if (mapped !== undefined) entry.sentTo = mapped.origin;
  try {
    checkDestination(request, hop, env, options);
    // A redirect hop is part of the request it follows, not a request of its own for the caps.
    if (hop === 0) env.counters.requests += 1;
    const response = await send(request, {
      target: mapped?.href ?? request.url,
      where: env.where,
      signal,
      ...(env.fetch ? { fetch: env.fetch } : {}),
      ...(env.maxResponseBytes !== undefined ? { maxResponseBytes: env.maxResponseBytes } : {}),
    });
    return { request, response, sanitized, entry, started };
  } catch (error) {
    entry.durationMs = Math.round(performance.now() - started);
    if (error instanceof MakeError) {
      entry.error = { type: error.type, code: error.code, message: error.message };
      env.log.record(entry);
      // The thrown error carries the sanitized request, never the raw one.
      throw withRequest(error, sanitized);
    }
    throw error;
  }
}

/**
 * Sends `first` and follows its redirects (redirect.ts): every hop is checked against the
 * allow-list, mapped by hostMap and logged as its own entry (`redirect: n`). Returns the last hop,
 * whose entry the caller completes with the parsed response.
 */
async function sendFollowing(
  first: HttpRequest,
  spec: EffectiveRequest,
  env: RunEnv,
  options: ExchangeOptions,
): Promise<Sent> {
  const timeout = startTimeout(first);
  try {
    return await followHops(first, spec, env, options, timeout.signal);
  } finally {
    timeout.clear();
  }
}

async function followHops(
  first: HttpRequest,
  spec: EffectiveRequest,
  env: RunEnv,
  options: ExchangeOptions,
  timeoutSignal: AbortSignal,
): Promise<Sent> {
  const deadline = env.deadline;
  const signal = deadline ? AbortSignal.any([timeoutSignal, deadline.signal]) : timeoutSignal;
  let request = first;
  for (let hop = 0; ; hop += 1) {
    let sent: Sent;
    try {
      sent = await sendHop(request, hop, signal, spec, env, options);
    } catch (error) {
      if (deadline?.signal.aborted === true && error instanceof MakeError) {
        throw new RuntimeError(
          `${env.where}: stopped at the run's time limit of ${deadline.limitMs / 1000} s (Make's limit for an RPC is 40 s) while waiting for ${describeRequest(request)}.`,
          { code: 'RUN_TIME_LIMIT', where: env.where },
        );
      }
      throw error;
    }
    if (hop === 0) env.contacted?.add(request.url.host);
    const { statusCode, headers } = sent.response;
    const location = redirectLocation(request.method, statusCode, headers, request);
    if (location === undefined) return sent;
    // A redirect's body is a courtesy page, not data: the hop is logged with status and headers.
    sent.entry.response = applySanitize(
      { response: { statusCode, headers } satisfies LoggedResponse },
      spec.sanitize,
    ).response;
    sent.entry.durationMs = Math.round(performance.now() - sent.started);
    env.log.record(sent.entry);
    if (hop === MAX_REDIRECTS) {
      throw withRequest(
        new RuntimeError(
          `${env.where}: ${describeRequest(first)} was redirected more than ${MAX_REDIRECTS} times (last: ${statusCode} from ${describeRequest(request)}); stopped.`,
          { code: 'TOO_MANY_REDIRECTS', statusCode, where: env.where },
        ),
        sent.sanitized,
      );
    }
    try {
      request = nextHop(request, statusCode, location, env.hostMap, env.where);
    } catch (error) {
      if (error instanceof MakeError) throw withRequest(error, sent.sanitized);
      throw error;
    }
  }
}

/**
 * Sends `spec` (evaluated against `scope`) and returns the parsed response. Does not apply the
 * response directives beyond the 401 recovery; the caller applies `temp`, `valid`, `error`, ...
 */
export async function exchange(
  spec: EffectiveRequest,
  scope: Scope,
  env: RunEnv,
  options: ExchangeOptions,
): Promise<ExchangeResult> {
  for (let attempt = 0; ; attempt += 1) {
    const { request, response, sanitized, entry, started } = await sendFollowing(
      buildRequest(spec, scope, env.where, env.clock),
      spec,
      env,
      options,
    );

    let body: unknown;
    let parseError: unknown;
    try {
      body = parseResponseBody(response, spec.response.type, {
        where: env.where,
        request: sanitized,
        describe: describeRequest(request),
      });
    } catch (error) {
      parseError = error;
      body = response.bytes.toString('utf8');
    }
    const logged: LoggedResponse = { statusCode: response.statusCode, headers: response.headers };
    const shownBody = loggedBody(body, response.bytes.byteLength, env.log.maxBodyBytes);
    if (shownBody !== undefined) logged.body = shownBody;
    entry.response = applySanitize({ response: logged }, spec.sanitize).response;
    entry.durationMs = Math.round(performance.now() - started);
    env.log.record(entry);
    if (parseError !== undefined) throw parseError as Error;

    if (response.statusCode === 401 && attempt === 0 && env.auth?.canRefresh()) {
      env.log.info(
        'TOKEN_REFRESH_ON_401',
        `${env.where}: the service answered 401; refreshing the connection and retrying once.`,
      );
      await env.auth.refresh(env.log, env.clock);
      scope.connection = env.auth.view();
      continue;
    }
    return { response, body, request: sanitized, retried: attempt > 0 };
  }
}

/** Adds the request (and status) an error happened on, unless it already names them. */
export function withRequest(
  error: MakeError,
  request: SanitizedRequest,
  statusCode?: number,
): MakeError {
  if (error.request === undefined) {
    Object.defineProperty(error, 'request', {
      value: request,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  if (error.statusCode === undefined && statusCode !== undefined) {
    Object.defineProperty(error, 'statusCode', {
      value: statusCode,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return error;
}

/**
 * What a failed response check becomes: the check's own error, except that a 401 on the retry
 * after a refresh means the service refused the renewed token (InvalidAccessTokenError).
 */
export function responseFailure(
  result: ExchangeResult,
  where: string,
): (error: MakeError) => MakeError {
  return (error) =>
    result.response.statusCode === 401 && result.retried
      ? new InvalidAccessTokenError(error.message, {
          code: 'TOKEN_REJECTED',
          statusCode: 401,
          request: result.request,
          where,
        })
      : error;
}

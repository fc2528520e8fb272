// Pure request building (make-app-format §5, order of evaluation §6): `temp` first, then
// `condition`, then url / method / headers / qs / body. No I/O: the result is a plain description
// that http.ts sends.
import { bodyTypeOf, encodeBody } from './body';
import { DataError } from './errors';
import type { SanitizedRequest } from './errors';
import { findHeader, mergeHeaders } from './headers';
import { evaluate, type EvalClock, type Scope } from './iml';
import { layerList, type EffectiveRequest } from './merge-base';
import { mergeQuery, parseQuery, serializeQuery, type QueryRecord } from './query';
import { resolveUrl } from './url';
import { describeType, isPlainObject, toWire } from './wire';

export interface HttpRequest {
  method: string;
  /** Final URL, query string included, as the app names it (before any `hostMap`). */
  url: URL;
  headers: Record<string, string>;
  body: string | Uint8Array | FormData | undefined;
  timeoutMs: number;
  followRedirects: boolean;
  followAllRedirects: boolean;
  /** The request as logged (before `log.sanitize` and redaction). */
  logged: SanitizedRequest;
}

/** Evaluates the request-level `temp` layers and returns the merged `temp` (shallow, later wins). */
export function evaluateTemp(
  layers: readonly unknown[],
  scope: Scope,
  where: string,
  clock: EvalClock,
): Record<string, unknown> {
  let temp = isPlainObject(scope.temp) ? scope.temp : {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    const value = evaluate(layer, { ...scope, temp }, `${where} › temp`, clock);
    if (value === undefined) continue;
    if (!isPlainObject(value)) {
      throw new DataError(
        `${where} › temp: evaluated to ${describeType(value)}; expected an object.`,
        {
          code: 'REQUEST_INVALID',
          where,
        },
      );
    }
    temp = { ...temp, ...value };
  }
  return temp;
}

export type ConditionResult = { run: true } | { run: false; hasDefault: boolean; default: unknown };

/**
 * `condition`: a boolean, an IML string, or `{ condition, default }` where `default` is the output
 * used when the request is skipped (§8). JavaScript truthiness (§18 #8). Absent ⇒ run.
 */
export function evaluateCondition(
  condition: unknown,
  scope: Scope,
  where: string,
  clock: EvalClock,
): ConditionResult {
  if (condition === undefined) return { run: true };
  if (isPlainObject(condition) && 'condition' in condition) {
    const run = evaluate(condition.condition, scope, `${where} › condition`, clock);
    if (run) return { run: true };
    const hasDefault = 'default' in condition;
    return {
      run: false,
      hasDefault,
      default: hasDefault
        ? evaluate(condition.default, scope, `${where} › condition.default`, clock)
        : undefined,
    };
  }
  const run = evaluate(condition, scope, `${where} › condition`, clock);
  return run ? { run: true } : { run: false, hasDefault: false, default: undefined };
}

const METHOD = /^[A-Z]+$/;

/** Builds the HTTP request from an effective request spec and a scope (with `temp` already set). */
export function buildRequest(
  spec: EffectiveRequest,
  scope: Scope,
  where: string,
  clock: EvalClock,
): HttpRequest {
  const at = (directive: string): string => `${where} › ${directive}`;
  const baseUrl =
    spec.baseUrl === undefined ? undefined : evaluate(spec.baseUrl, scope, at('baseUrl'), clock);
  const url = evaluate(spec.url, scope, at('url'), clock);
  const encode =
    spec.encodeUrl === undefined
      ? true
      : Boolean(evaluate(spec.encodeUrl, scope, at('encodeUrl'), clock));
  const resolved = resolveUrl(url, baseUrl, encode, at('url'));

  const rawMethod =
    spec.method === undefined ? 'GET' : evaluate(spec.method, scope, at('method'), clock);
  const method =
    typeof rawMethod === 'string' && rawMethod.trim() !== ''
      ? rawMethod.trim().toUpperCase()
      : rawMethod === undefined
        ? 'GET'
        : rawMethod;
  if (typeof method !== 'string' || !METHOD.test(method)) {
    throw new DataError(`${at('method')}: ${JSON.stringify(method)} is not an HTTP method.`, {
      code: 'REQUEST_INVALID',
      where,
    });
  }

  const headers = mergeHeaders(
    layerList(spec.headers).map((layer) => toWire(evaluate(layer, scope, at('headers'), clock))),
    at('headers'),
  );

  let query: QueryRecord;
  if (spec.qs === undefined) query = parseQuery(resolved.search);
  else {
    query = mergeQuery(
      layerList(spec.qs).map((layer) => toWire(evaluate(layer, scope, at('qs'), clock))),
      at('qs'),
    );
  }
  // One parse of the final text: setting `search` on a URL object re-parses the whole URL.
  const loggedUrl = resolved.href;
  const search = serializeQuery(query);
  const final = new URL(search === '' ? loggedUrl : `${loggedUrl}?${search}`);

  let body: HttpRequest['body'];
  let loggedBody: unknown;
  if (spec.hasBody && method !== 'GET' && method !== 'HEAD') {
    const type = bodyTypeOf(evaluate(spec.type, scope, at('type'), clock), at('type'));
    const value = toWire(evaluate(spec.body, scope, at('body'), clock));
    const encoded = encodeBody(value, type, headers, at('body'));
    if (encoded) {
      body = encoded.payload;
      loggedBody = encoded.logged;
      if (type === 'multipart') {
        // fetch writes the multipart Content-Type with its boundary; a fixed one would break it.
        for (const name of Object.keys(headers))
          if (name.toLowerCase() === 'content-type') delete headers[name];
      } else if (
        encoded.contentType !== undefined &&
        findHeader(headers, 'content-type') === undefined
      ) {
        headers['Content-Type'] = encoded.contentType;
      }
    }
  }

  const logged: SanitizedRequest = {
    method,
    url: loggedUrl,
    qs: query,
    headers: { ...headers },
  };
  if (loggedBody !== undefined) logged.body = loggedBody;
  return {
    method,
    url: final,
    headers,
    body,
    timeoutMs: spec.timeoutMs,
    followRedirects: spec.followRedirects,
    followAllRedirects: spec.followAllRedirects,
    logged,
  };
}

// Base ↔ request merge (make-app-format §2.2, decision §18 #1). Make documents only "inherit
// unless overridden"; the rules chosen here:
// - `baseUrl` prefixes a relative `url`;
// - `headers`, `qs`, `temp` are merged key by key, the request winning. They are kept as ordered
//   layers and merged *after* evaluation, so a header produced by a spread key in the module
//   (`{"{{...}}": "{{toCollection(...)}}"}`) still overrides the base's header of the same name;
// - `log.sanitize` is the union (a module cannot switch off the base's masking);
// - `response.error` is merged per status key, the request winning; every other `response` key,
//   and `url`, `method`, `body`, `type`, `encodeUrl`, `condition`, is overridden (the base has no
//   `pagination` in the project schema);
// - `timeout` exists only in the base (§18 #37); connections never inherit the base (§18 #2).
import type { BaseSpec, Pagination, RepeatSpec, RequestSpec, ResponseSpec } from '../types';
import { isPlainObject } from './wire';

const DEFAULT_TIMEOUT_MS = 40_000;

/** A request spec with the base folded in, ready for build-request. */
export interface EffectiveRequest {
  /** Template of the base URL, when the request inherits a base. */
  baseUrl: unknown;
  url: unknown;
  method: unknown;
  /** Header templates, lowest precedence first. */
  headers: Layers;
  /** Query templates, lowest precedence first; `undefined` when nothing sets `qs` (the URL's own query then stays). */
  qs: Layers | undefined;
  body: unknown;
  hasBody: boolean;
  type: unknown;
  encodeUrl: unknown;
  temp: Layers;
  condition: unknown;
  response: ResponseSpec;
  pagination: Pagination | undefined;
  /** The request's own `repeat` (the base has none). */
  repeat: RepeatSpec | undefined;
  sanitize: string[];
  timeoutMs: number;
  /** `followRedirects` (GET redirects) and `followAllRedirects` (other methods), default true (redirect.ts). */
  followRedirects: boolean;
  followAllRedirects: boolean;
  /** Directives present that this runtime does not implement (refused when the request runs). */
  unsupported: string[];
}

/**
 * Templates of one key-by-key merged directive: the base's, then the request's own (and, for a
 * pagination request, the pagination directive's). Pagination with `mergeWithParent: false`
 * replaces `own` but keeps `base`: the base is not the "parent request".
 */
export interface Layers {
  base: unknown;
  own: unknown[];
}

export function layerList(layers: Layers): unknown[] {
  return layers.base === undefined ? layers.own : [layers.base, ...layers.own];
}

const UNSUPPORTED = ['aws', 'ca', 'oauth'] as const;

function sanitizeOf(spec: { log?: unknown } | undefined): string[] {
  const log = spec?.log;
  if (!isPlainObject(log) || !Array.isArray(log.sanitize)) return [];
  return log.sanitize.filter((path): path is string => typeof path === 'string');
}

/** `error` as an object: a bare string is the default message. */
function errorObject(error: unknown): Record<string, unknown> | undefined {
  if (typeof error === 'string') return { message: error };
  if (isPlainObject(error)) return error;
  return undefined;
}

export function mergeResponse(
  base: ResponseSpec | undefined,
  request: ResponseSpec | undefined,
): ResponseSpec {
  const merged: Record<string, unknown> = { ...(base ?? {}), ...(request ?? {}) };
  const baseError = errorObject(base?.error);
  const requestError = errorObject(request?.error);
  if (baseError || requestError) {
    // Per status key, request wins; the status entries themselves are replaced, not deep-merged.
    merged.error = { ...(baseError ?? {}), ...(requestError ?? {}) };
  }
  return merged as ResponseSpec;
}

function has(spec: object | undefined, key: string): boolean {
  return spec !== undefined && Object.prototype.hasOwnProperty.call(spec, key);
}

/**
 * Folds `base` into `request`. Pass `base` undefined for connection communication, which does
 * not inherit the base.
 */
export function mergeBase(request: RequestSpec, base: BaseSpec | undefined): EffectiveRequest {
  const pick = (key: keyof RequestSpec & keyof BaseSpec): unknown =>
    has(request, key) ? request[key] : base?.[key];
  const layers = (key: 'headers' | 'qs' | 'temp'): Layers => ({
    base: base?.[key],
    own: request[key] === undefined ? [] : [request[key]],
  });
  const unsupported = UNSUPPORTED.filter((key) => has(request, key) || has(base, key));
  return {
    baseUrl: base?.baseUrl,
    url: request.url,
    method: pick('method'),
    headers: layers('headers'),
    qs: has(request, 'qs') || has(base, 'qs') ? layers('qs') : undefined,
    body: pick('body'),
    hasBody: has(request, 'body') || has(base, 'body'),
    type: pick('type'),
    encodeUrl: pick('encodeUrl'),
    temp: layers('temp'),
    condition: pick('condition'),
    response: mergeResponse(base?.response, request.response),
    // The project's base schema has no `pagination` (it would reach actions too).
    pagination: request.pagination,
    repeat: request.repeat,
    sanitize: [...new Set([...sanitizeOf(base), ...sanitizeOf(request)])],
    timeoutMs:
      typeof base?.timeout === 'number' && base.timeout > 0 ? base.timeout : DEFAULT_TIMEOUT_MS,
    followRedirects: (request.followRedirects ?? base?.followRedirects) !== false,
    followAllRedirects: (request.followAllRedirects ?? base?.followAllRedirects) !== false,
    unsupported,
  };
}

// Pagination (make-app-format §7; decisions §18 #15-#19) as an async generator of pages, so a
// search over many pages streams with flat memory. One pure function, nextPageRequest, holds the
// merge rules; paginate() drives the loop:
// - page 1 is the request itself; `pagination.page` is 2 when the first pagination request is
//   built (also with `mergeWithParent: false`);
// - `body` / `headers` / `statusCode` in `pagination` are the *previous* response's;
// - the loop stops on a page whose iterate container is empty, when `limit` is reached (items are
//   filtered by `iterate.condition` first, then counted), when `pagination.condition` is falsy,
//   or when a platform cap is hit (caps.ts; a warning goes to the run log).
import type { Pagination, ResponseSpec } from '../types';
import { DataError, MakeError, RuntimeError } from './errors';
import { exchange, responseFailure, withRequest } from './exchange';
import { evaluate, type Scope } from './iml';
import type { EffectiveRequest } from './merge-base';
import { respondToPage } from './respond';
import type { RunEnv } from './run-env';

/**
 * The request for the next page. `mergeWithParent` (default true): `url`, `method`, `body` of the
 * pagination directive override the parent's, `headers` and `qs` merge into them (pagination
 * wins). `false`: only the pagination directive's `headers`, `qs` and `body` are sent (the base's
 * still apply: the base is not the parent request); without its own `url`/`method` the parent's
 * are kept, since there is no other address to request.
 */
export function nextPageRequest(
  parent: EffectiveRequest,
  pagination: Pagination,
  merge: boolean,
): EffectiveRequest {
  const own = (key: 'headers' | 'qs', layers: unknown[] | undefined): unknown[] => {
    const extra = pagination[key] === undefined ? [] : [pagination[key]];
    return merge ? [...(layers ?? []), ...extra] : extra;
  };
  const hasOwn = (key: string): boolean => Object.prototype.hasOwnProperty.call(pagination, key);
  const qsDefined = parent.qs !== undefined || pagination.qs !== undefined;
  return {
    ...parent,
    url: pagination.url ?? parent.url,
    method: pagination.method ?? parent.method,
    headers: { base: parent.headers.base, own: own('headers', parent.headers.own) },
    qs: qsDefined ? { base: parent.qs?.base, own: own('qs', parent.qs?.own) } : undefined,
    body: hasOwn('body') ? pagination.body : merge ? parent.body : undefined,
    hasBody: hasOwn('body') || (merge && parent.hasBody),
  };
}

/** `limit` as a count: undefined/null/'' = no limit; otherwise a non-negative integer. */
function evaluateLimit(limit: unknown, scope: Scope, env: RunEnv): number | undefined {
  if (limit === undefined) return undefined;
  const value = evaluate(limit, scope, `${env.where} › limit`, env.clock);
  if (value === undefined || value === null || value === '') return undefined;
  const count =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(value.trim())
        : Number.NaN;
  if (!Number.isFinite(count) && count !== Number.POSITIVE_INFINITY) {
    throw new DataError(
      `${env.where} › limit: evaluated to ${JSON.stringify(value)}; expected a number.`,
      {
        code: 'REQUEST_INVALID',
        where: env.where,
      },
    );
  }
  return Math.max(0, Math.floor(count));
}

export interface PaginateOptions {
  /** Honour `response.limit` (only the last request of a chain does, §18 #20). */
  applyLimit: boolean;
  /** Pagination is allowed for this component (search, trigger, RPC). */
  allowPagination: boolean;
  /** The request's templates read the `connection` root. */
  readsConnection: boolean;
  /** Called after each successful response, before `iterate` / `output`. */
  onResponse?: (response: ResponseSpec, scope: Scope) => void;
}

/**
 * Runs `spec` and its pagination, yielding each page's outputs (already cut to `limit` and caps).
 * `scope` is the run's scope: it holds `temp` and, afterwards, the last response.
 */
export async function* paginate(
  spec: EffectiveRequest,
  scope: Scope,
  env: RunEnv,
  options: PaginateOptions,
): AsyncGenerator<unknown[], void, undefined> {
  const pagination = options.allowPagination ? spec.pagination : undefined;
  const merge =
    pagination === undefined || pagination.mergeWithParent === undefined
      ? true
      : Boolean(
          evaluate(
            pagination.mergeWithParent,
            scope,
            `${env.where} › pagination.mergeWithParent`,
            env.clock,
          ),
        );
  const { caps, counters } = env;
  let current = spec;
  let page = 1;
  let yielded = 0;
  let limit: number | undefined;

  for (;;) {
    if (page === 1) {
      if (counters.requests >= caps.requests) {
        throw new RuntimeError(
          `${env.where}: Make's cap of ${caps.requests} requests per run is reached; the request was not sent.`,
          { code: 'REQUEST_CAP', where: env.where },
        );
      }
    } else {
      if (counters.paginationRequests >= caps.paginationRequests) {
        env.log.warn(
          'CAP_PAGINATION_REQUESTS',
          `${env.where}: stopped after ${counters.paginationRequests} pagination requests (Make's cap is ${caps.paginationRequests}); more pages were available, so the result is cut.`,
        );
        return;
      }
      if (counters.requests >= caps.requests) {
        env.log.warn(
          'CAP_REQUESTS',
          `${env.where}: stopped after ${counters.requests} requests (Make's cap per run is ${caps.requests}); more pages were available, so the result is cut.`,
        );
        return;
      }
      counters.paginationRequests += 1;
    }
    scope.pagination = { page };
    const result = await exchange(current, scope, env, {
      readsConnection: options.readsConnection,
      ...(pagination !== undefined ? { page } : {}),
    });
    scope.body = result.body;
    scope.headers = result.response.headers;
    scope.statusCode = result.response.statusCode;
    let outputs: unknown[];
    let containerLength: number;
    try {
      ({ outputs, containerLength } = respondToPage(spec.response, scope, env.where, env.clock, {
        status: {
          statusCode: result.response.statusCode,
          statusText: result.response.statusText,
          headers: result.response.headers,
          request: result.request,
        },
        failure: responseFailure(result, env.where),
        ...(options.onResponse ? { onResponse: options.onResponse } : {}),
        beforeOutputs: () => {
          if (page === 1 && options.applyLimit) {
            limit = evaluateLimit(spec.response.limit, scope, env);
          }
        },
      }));
    } catch (error) {
      throw error instanceof MakeError
        ? withRequest(error, result.request, result.response.statusCode)
        : error;
    }
    let kept = outputs;
    let capCut = false;
    if (limit !== undefined && kept.length > limit - yielded) kept = kept.slice(0, limit - yielded);
    if (pagination !== undefined) {
      const room = caps.records - counters.records;
      if (kept.length > room) {
        kept = kept.slice(0, Math.max(0, room));
        capCut = true;
      }
      counters.records += kept.length;
    }
    yielded += kept.length;
    if (kept.length > 0) yield kept;

    if (capCut) {
      env.log.warn(
        'CAP_RECORDS',
        `${env.where}: stopped at ${counters.records} records (Make's cap is ${caps.records} paginated records per run); the result is cut.`,
      );
      return;
    }
    if (pagination === undefined) return;
    if (containerLength === 0) return;
    if (limit !== undefined && yielded >= limit) return;

    page += 1;
    scope.pagination = { page };
    if (pagination.condition !== undefined) {
      const more = evaluate(
        pagination.condition,
        scope,
        `${env.where} › pagination.condition`,
        env.clock,
      );
      if (!more) return;
    }
    if (counters.records >= caps.records) {
      env.log.warn(
        'CAP_RECORDS',
        `${env.where}: stopped at ${counters.records} records (Make's cap is ${caps.records} paginated records per run); more pages were available, so the result is cut.`,
      );
      return;
    }
    current = nextPageRequest(spec, pagination, merge);
  }
}

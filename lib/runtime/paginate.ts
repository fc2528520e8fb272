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
import { respondToPage, type PageResult } from './respond';
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

/** What every step of one paginated run reads. */
interface PageRun {
  readonly spec: EffectiveRequest;
  readonly scope: Scope;
  readonly env: RunEnv;
  readonly options: PaginateOptions;
  /** The pagination directive, when this component may paginate and declares one. */
  readonly pagination: Pagination | undefined;
  /** Bundles yielded so far. */
  yielded: number;
  /** `response.limit`, read on the first page (undefined: no limit). */
  limit: number | undefined;
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
  const run: PageRun = { spec, scope, env, options, pagination, yielded: 0, limit: undefined };
  let request = spec;
  for (let page = 1; ; page += 1) {
    if (!withinRequestCaps(page, env)) return;
    const { outputs, containerLength } = await requestPage(run, request, page);
    const { kept, capCut } = keepWithinBounds(run, outputs);
    run.yielded += kept.length;
    if (kept.length > 0) yield kept;
    if (capCut) {
      env.log.warn(
        'CAP_RECORDS',
        `${env.where}: stopped at ${env.counters.records} records (Make's cap is ${env.caps.records} paginated records per run); the result is cut.`,
      );
      return;
    }
    if (pagination === undefined || !continues(run, pagination, containerLength, page + 1)) return;
    request = nextPageRequest(spec, pagination, merge);
  }
}

/**
 * Make's request caps, checked before each request. The first request of a run past the total
 * cap is refused (skipping it could skip a write); a later page is not sent, with a warning that
 * the result is cut. Counts the pagination request when it may go.
 */
function withinRequestCaps(page: number, env: RunEnv): boolean {
  const { caps, counters } = env;
  if (page === 1) {
    if (counters.requests >= caps.requests) {
      throw new RuntimeError(
        `${env.where}: Make's cap of ${caps.requests} requests per run is reached; the request was not sent.`,
        { code: 'REQUEST_CAP', where: env.where },
      );
    }
    return true;
  }
  if (counters.paginationRequests >= caps.paginationRequests) {
    env.log.warn(
      'CAP_PAGINATION_REQUESTS',
      `${env.where}: stopped after ${counters.paginationRequests} pagination requests (Make's cap is ${caps.paginationRequests}); more pages were available, so the result is cut.`,
    );
    return false;
  }
  if (counters.requests >= caps.requests) {
    env.log.warn(
      'CAP_REQUESTS',
      `${env.where}: stopped after ${counters.requests} requests (Make's cap per run is ${caps.requests}); more pages were available, so the result is cut.`,
    );
    return false;
  }
  counters.paginationRequests += 1;
  return true;
}

/** Sends one page's request and runs the response steps on it (reading `limit` on page 1). */
async function requestPage(
  run: PageRun,
  request: EffectiveRequest,
  page: number,
): Promise<PageResult> {
  const { spec, scope, env, options } = run;
  scope.pagination = { page };
  const result = await exchange(request, scope, env, {
    readsConnection: options.readsConnection,
    ...(run.pagination !== undefined ? { page } : {}),
  });
  try {
    return respondToPage(spec.response, scope, env.where, env.clock, {
      received: {
        body: result.body,
        headers: result.response.headers,
        statusCode: result.response.statusCode,
      },
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
          run.limit = evaluateLimit(spec.response.limit, scope, env);
        }
      },
    });
  } catch (error) {
    throw error instanceof MakeError
      ? withRequest(error, result.request, result.response.statusCode)
      : error;
  }
}

/** A page's outputs cut to what `limit` still allows and, when paginating, the records cap. */
function keepWithinBounds(run: PageRun, outputs: unknown[]): { kept: unknown[]; capCut: boolean } {
  const { caps, counters } = run.env;
  let kept = outputs;
  if (run.limit !== undefined && kept.length > run.limit - run.yielded) {
    kept = kept.slice(0, run.limit - run.yielded);
  }
  if (run.pagination === undefined) return { kept, capCut: false };
  const room = caps.records - counters.records;
  const capCut = kept.length > room;
  if (capCut) kept = kept.slice(0, Math.max(0, room));
  counters.records += kept.length;
  return { kept, capCut };
}

/**
 * Whether to request page `next`: not after an empty page or once `limit` is reached; then
 * `pagination.condition` decides (evaluated with `pagination.page` = next); the records cap
 * stops a run that would go on, with a warning.
 */
function continues(
  run: PageRun,
  pagination: Pagination,
  containerLength: number,
  next: number,
): boolean {
  const { scope, env } = run;
  if (containerLength === 0) return false;
  if (run.limit !== undefined && run.yielded >= run.limit) return false;
  scope.pagination = { page: next };
  if (pagination.condition !== undefined) {
    const more = evaluate(
      pagination.condition,
      scope,
      `${env.where} › pagination.condition`,
      env.clock,
    );
    if (!more) return false;
  }
  if (env.counters.records >= env.caps.records) {
    env.log.warn(
      'CAP_RECORDS',
      `${env.where}: stopped at ${env.counters.records} records (Make's cap is ${env.caps.records} paginated records per run); more pages were available, so the result is cut.`,
    );
    return false;
  }
  return true;
}

// A communication: one request or an array run in order (make-app-format §5, §8, §9).
// - `temp` from request and response level is merged across the chain (shallow, later wins; §18 #32);
// - each request may be skipped by its `condition`; the module output is the output of the last
//   *executed* request, or the `condition.default` of a skipped last request (§18 #14);
// - a request without `url` is request-less: its response directives run with no `body`;
// - only the last request's `limit` counts (§18 #20).
// Outputs of the last request stream page by page; outputs of an earlier request are kept only
// until a later request runs (they are the module output if every later request is skipped).
import type { BaseSpec, RepeatSpec, RequestSpec, ResponseSpec } from '../types';
import { evaluateCondition, evaluateTemp } from './build-request';
import { RuntimeError } from './errors';
import { createScope, evaluate, readsRoot, type Scope } from './iml';
import { layerList, mergeBase, type EffectiveRequest } from './merge-base';
import { paginate, type PaginateOptions } from './paginate';
import { respondToPage } from './respond';
import type { RunEnv } from './run-env';
import { isPlainObject } from './wire';

export interface ChainOptions {
  /** The app base, or undefined for connection communication (no inheritance, §18 #2). */
  base: BaseSpec | undefined;
  /** Pagination allowed (search, trigger, RPC). */
  allowPagination: boolean;
  /** Called after each successful response (connections read `response.data` here). */
  onResponse?: (response: ResponseSpec, scope: Scope) => void;
}

/** A chunk of the module output, tagged with the response spec that produced it (for `wrapper`). */
export interface OutputChunk {
  outputs: unknown[];
  response: ResponseSpec;
}

function asRequestList(communication: unknown, where: string): RequestSpec[] {
  if (Array.isArray(communication)) {
    return communication.map((request, index) => {
      if (!isPlainObject(request)) {
        throw new RuntimeError(`${where}: communication[${index}] is not a request object.`, {
          code: 'DEFINITION_INVALID',
          where,
        });
      }
      return request as RequestSpec;
    });
  }
  if (isPlainObject(communication)) return [communication as RequestSpec];
  throw new RuntimeError(`${where}: communication must be a request object or an array of them.`, {
    code: 'DEFINITION_INVALID',
    where,
  });
}

function refuseUnsupported(spec: EffectiveRequest, where: string): void {
  if (spec.unsupported.length > 0) {
    throw new RuntimeError(
      `${where}: the directive(s) ${spec.unsupported.join(', ')} are not supported by this runtime.`,
      { code: 'DEFINITION_INVALID', where },
    );
  }
}

/** True when the request's templates (base included) read connection data. */
function readsConnection(spec: EffectiveRequest): boolean {
  return readsRoot(
    [
      spec.baseUrl,
      spec.url,
      layerList(spec.headers),
      spec.qs ? layerList(spec.qs) : [],
      spec.body,
      layerList(spec.temp),
      spec.pagination,
    ],
    ['connection'],
  );
}

/** Runs a request-less entry: the response directives with no body (§9), in the same order. */
function requestLess(spec: EffectiveRequest, scope: Scope, env: RunEnv, options: ChainOptions) {
  return respondToPage(spec.response, scope, env.where, env.clock, {
    received: undefined,
    status: {
      statusCode: 200,
      statusText: '',
      headers: {},
      request: { method: '', url: '', qs: {}, headers: {} },
    },
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
  }).outputs;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `repeat.limit` / `repeat.delay`: literal non-negative integers (a limit of at least 1). */
function repeatNumber(value: unknown, name: string, fallback: number, min: number, where: string) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RuntimeError(
      `${where} › repeat.${name}: ${JSON.stringify(value)} is not an integer of at least ${min}.`,
      { code: 'DEFINITION_INVALID', where },
    );
  }
  return value;
}

/**
 * A request with `repeat` (polling an asynchronous job, say): it runs, then, while `limit` runs
 * have not been made and `repeat.condition` holds, waits `delay` ms and runs again. The condition
 * sees `temp` only (what the response's `temp` kept), as Make documents. Each run's pages are
 * collected; the last run's outputs are the request's. Every run counts toward Make's request cap.
 */
async function runRepeated(
  spec: EffectiveRequest,
  repeat: RepeatSpec,
  scope: Scope,
  env: RunEnv,
  options: PaginateOptions,
): Promise<unknown[]> {
  const limit = repeatNumber(repeat.limit, 'limit', 1, 1, env.where);
  const delay = repeatNumber(repeat.delay, 'delay', 0, 0, env.where);
  const sleep = env.sleep ?? wait;
  for (let run = 1; ; run += 1) {
    const outputs: unknown[] = [];
    for await (const page of paginate(spec, scope, env, options)) outputs.push(...page);
    if (run >= limit) return outputs;
    const again = evaluate(
      repeat.condition,
      createScope({ temp: scope.temp }),
      `${env.where} › repeat.condition`,
      env.clock,
    );
    if (!again) return outputs;
    env.log.info(
      'REPEAT',
      `${env.where}: repeat.condition holds; run ${run + 1} of at most ${limit}.`,
    );
    await sleep(delay);
  }
}

/**
 * Runs a communication and yields the module output in chunks. `scope` is the run's scope (its
 * `temp` accumulates across the chain).
 */
export async function* runCommunication(
  communication: unknown,
  scope: Scope,
  env: RunEnv,
  options: ChainOptions,
): AsyncGenerator<OutputChunk, void, undefined> {
  const requests = asRequestList(communication, env.where);
  let pending: OutputChunk | undefined;
  for (let index = 0; index < requests.length; index += 1) {
    const isLast = index === requests.length - 1;
    const request = requests[index] as RequestSpec;
    const spec = mergeBase(request, options.base);
    const where = requests.length > 1 ? `${env.where} › request ${index + 1}` : env.where;
    const stepEnv = where === env.where ? env : { ...env, where };

    scope.temp = evaluateTemp(layerList(spec.temp), scope, where, env.clock);
    const condition = evaluateCondition(spec.condition, scope, where, env.clock);
    if (!condition.run) {
      if (condition.hasDefault) {
        const value = condition.default;
        pending = { outputs: value === undefined ? [] : [value], response: spec.response };
      }
      if (isLast && pending) yield pending;
      continue;
    }
    pending = undefined;

    if (request.url === undefined) {
      const chunk = {
        outputs: requestLess(spec, scope, stepEnv, options),
        response: spec.response,
      };
      if (isLast) yield chunk;
      else pending = chunk;
      continue;
    }

    refuseUnsupported(spec, where);
    const paginateOptions: PaginateOptions = {
      applyLimit: isLast,
      allowPagination: options.allowPagination,
      readsConnection: readsConnection(spec),
      ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    };
    if (spec.repeat !== undefined) {
      const chunk = {
        outputs: await runRepeated(spec, spec.repeat, scope, stepEnv, paginateOptions),
        response: spec.response,
      };
      if (isLast) yield chunk;
      else pending = chunk;
      continue;
    }
    const pages = paginate(spec, scope, stepEnv, paginateOptions);
    if (isLast) {
      for await (const outputs of pages) yield { outputs, response: spec.response };
    } else {
      const collected: unknown[] = [];
      for await (const outputs of pages) for (const output of outputs) collected.push(output);
      pending = { outputs: collected, response: spec.response };
    }
  }
}

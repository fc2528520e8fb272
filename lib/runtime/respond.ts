// Response directives after parsing (make-app-format §6, order of evaluation steps 6-9):
// `temp` → `valid` / `error` → `iterate` (+ `condition`) → `output` per item. `respondToPage`
// runs them in that order for every response, paginated or request-less. `limit`, pagination and
// `wrapper` act across pages and live in paginate.ts and run-module.ts.
import type { ResponseSpec } from '../types';
import { RuntimeError, type MakeError, type SanitizedRequest } from './errors';
import { evaluate, prepare, type EvalClock, type Scope } from './iml';
import { buildResponseError } from './response-error';
import { describeType, isPlainObject } from './wire';

interface StatusInfo {
  statusCode: number;
  statusText: string;
  headers: Record<string, string>;
  request: SanitizedRequest;
}

/** Applies `response.temp` (evaluated once per response, merged shallowly into `temp`). */
function applyResponseTemp(
  response: ResponseSpec,
  scope: Scope,
  where: string,
  clock: EvalClock,
): void {
  if (response.temp === undefined) return;
  const value = evaluate(response.temp, scope, `${where} › response.temp`, clock);
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    throw new RuntimeError(
      `${where} › response.temp: evaluated to ${describeType(value)}; expected an object.`,
      {
        code: 'DEFINITION_INVALID',
        where,
      },
    );
  }
  scope.temp = { ...(isPlainObject(scope.temp) ? scope.temp : {}), ...value };
}

/**
 * The error for this response, or undefined when it is fine. Status ≥ 400 is always an error
 * (§18 #27); below that, `valid` decides (default: valid iff 200-399).
 */
function checkResponse(
  response: ResponseSpec,
  scope: Scope,
  status: StatusInfo,
  where: string,
  clock: EvalClock,
): MakeError | undefined {
  const context = { scope, clock, where, ...status };
  if (status.statusCode >= 400) return buildResponseError(response.error, undefined, context);
  const valid = response.valid;
  if (valid === undefined) {
    return status.statusCode >= 200 && status.statusCode < 400
      ? undefined
      : buildResponseError(response.error, { message: undefined }, context);
  }
  const directive = isPlainObject(valid) && 'condition' in valid ? valid : { condition: valid };
  const ok = evaluate(directive.condition, scope, `${where} › valid`, clock);
  if (ok) return undefined;
  return buildResponseError(
    response.error,
    {
      message: (directive as { message?: unknown }).message,
      type: (directive as { type?: unknown }).type,
    },
    context,
  );
}

/** The outputs of one response (one page). */
export interface PageResult {
  outputs: unknown[];
  /** Number of items in the iterate container before `condition` (0 ⇒ an empty page). */
  containerLength: number;
}

/**
 * `iterate` (+ `condition`) and `output`. Without `iterate` the response yields one output,
 * `body` by default; with it, one output per kept item, `item` by default. An output that
 * evaluates to `undefined` yields no bundle (§18 #33). After iterating, `iterate.container.first`
 * and `.last` are set on the scope for pagination and wrapper.
 */
function extractOutputs(
  response: ResponseSpec,
  scope: Scope,
  where: string,
  clock: EvalClock,
): PageResult {
  const iterate = response.iterate;
  const hasOutput = response.output !== undefined;
  if (iterate === undefined) {
    const output = hasOutput
      ? evaluate(response.output, scope, `${where} › output`, clock)
      : scope.body;
    return {
      outputs: output === undefined ? [] : [output],
      containerLength: output === undefined ? 0 : 1,
    };
  }
  const spec = isPlainObject(iterate) ? iterate : { container: iterate };
  const container = evaluate(spec.container, scope, `${where} › iterate`, clock);
  if (container === undefined || container === null) {
    scope.iterate = { container: { first: undefined, last: undefined } };
    return { outputs: [], containerLength: 0 };
  }
  if (!Array.isArray(container)) {
    throw new RuntimeError(
      `${where} › iterate: evaluated to ${describeType(container)}; expected an array of items.`,
      { code: 'INVALID_RESPONSE', where },
    );
  }
  const items = container as unknown[];
  scope.iterate = { container: { first: items[0], last: items[items.length - 1] } };
  const outputs: unknown[] = [];
  const condition = (spec as { condition?: unknown }).condition;
  const keep =
    condition === undefined ? undefined : prepare(condition, `${where} › iterate.condition`, clock);
  const output = hasOutput ? prepare(response.output, `${where} › output`, clock) : undefined;
  for (const item of items) {
    scope.item = item;
    if (keep !== undefined && !keep(scope)) continue;
    const value = output === undefined ? item : output(scope);
    if (value !== undefined) outputs.push(value);
  }
  scope.item = undefined;
  return { outputs, containerLength: container.length };
}

/** What the scope's `body`, `headers` and `statusCode` read while the response is handled. */
interface Received {
  body: unknown;
  headers: Record<string, string>;
  statusCode: number;
}

export interface PageResponse {
  /** The response, or undefined for a request-less entry (the three roots then read empty). */
  received: Received | undefined;
  /** The status answered; a request-less entry answers 200 with nothing. */
  status: StatusInfo;
  /** Turns a failed check into the error to throw (a 401 after a retry: the token was refused). */
  failure?: (error: MakeError) => MakeError;
  /** Reads the response before its outputs: a connection's `data`, `expires`, `uid`, … */
  onResponse?: (response: ResponseSpec, scope: Scope) => void;
  /** Runs between onResponse and the outputs (a search's `limit`, on its first page). */
  beforeOutputs?: () => void;
}

/**
 * The one sequence of response steps, for a page of a request and for a request-less entry
 * alike: the response into the scope (the only place that writes it), `temp`, the
 * `valid`/`error` check, `onResponse`, then `iterate`/`output`.
 */
export function respondToPage(
  response: ResponseSpec,
  scope: Scope,
  where: string,
  clock: EvalClock,
  page: PageResponse,
): PageResult {
  scope.body = page.received?.body;
  scope.headers = page.received?.headers;
  scope.statusCode = page.received?.statusCode;
  applyResponseTemp(response, scope, where, clock);
  const error = checkResponse(response, scope, page.status, where, clock);
  if (error) throw page.failure ? page.failure(error) : error;
  page.onResponse?.(response, scope);
  page.beforeOutputs?.();
  return extractOutputs(response, scope, where, clock);
}

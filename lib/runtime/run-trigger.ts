// Running a polling trigger the way Make does (make-app-format §4.1, §6 `trigger`): the module's
// communication runs like a search; the `trigger` directive says how each item is identified
// (`id`), dated (`date`), compared (`type`: id or date) and in which order the service lists
// them (`order`). The state (`lastID`, `lastDate`) is plain JSON, passed back on the next run and
// given to the templates as `data.lastID` / `data.lastDate`. Only items newer than the state are
// emitted, oldest first and at most `limit` of them; the state moves to the last one emitted, so
// what `limit` held back comes on the next run and nothing comes twice.
import { definitionInvalid, RuntimeError } from './errors';
import { streamModule, type Bundle } from './run-module';
import type { RunOptions } from './start-run';
import type { RunLog } from './run-log';
import { findModule, type RuntimeApp } from './runtime-app';
import { isPlainObject } from './wire';

/** What a polling trigger remembers between runs (JSON). */
export interface TriggerState {
  lastID?: string | number;
  /** ISO 8601. */
  lastDate?: string;
}

/**
 * Where a first run (no state) starts, as Make's "Choose where to start" offers: every item
 * (`all`, the default, up to `limit`), none (`now`: the newest item becomes the state), or since
 * a date or an id.
 */
export type TriggerStart = 'all' | 'now' | { date: string } | { id: string | number };

export interface TriggerOptions extends RunOptions {
  /** The state the previous run returned; absent on the first run. */
  state?: TriggerState | undefined;
  /** Where a first run starts (ignored when `state` is given). */
  start?: TriggerStart;
}

export interface TriggerResult {
  bundles: Bundle[];
  /** The state to pass to the next run (unchanged when nothing new was emitted). */
  state: TriggerState;
  log: RunLog;
}

interface TriggerSpec {
  type: 'id' | 'date';
  order: 'asc' | 'desc' | 'unordered';
  id: unknown;
  date: unknown;
}

interface Marked {
  bundle: Bundle;
  id: unknown;
  /** Unix ms of the item's date (type date). */
  time: number;
}

/** The requests of a communication (one or a chain); the trigger directive is on the last. */
export function requestsOf(communication: unknown): Array<Record<string, unknown>> {
  const list = Array.isArray(communication) ? communication : [communication];
  return list.filter(isPlainObject);
}

export function triggerOf(where: string, communication: unknown): TriggerSpec {
  const last = requestsOf(communication).at(-1);
  const response = isPlainObject(last?.response) ? last.response : {};
  const trigger = response.trigger;
  if (!isPlainObject(trigger))
    throw definitionInvalid(where, 'a polling trigger needs response.trigger.');
  const { type, order, id, date } = trigger;
  if (type !== 'id' && type !== 'date') {
    throw definitionInvalid(where, 'response.trigger.type must be "id" or "date".');
  }
  if (order !== 'asc' && order !== 'desc' && order !== 'unordered') {
    throw definitionInvalid(where, 'response.trigger.order must be "asc", "desc" or "unordered".');
  }
  if (id === undefined) throw definitionInvalid(where, 'response.trigger.id is required.');
  if (type === 'date' && date === undefined) {
    throw definitionInvalid(where, 'response.trigger.date is required when type is "date".');
  }
  return { type, order, id, date };
}

/**
 * The module with its last request's output wrapped so every bundle carries the item's trigger
 * id and date (evaluated with the same `item`, exactly where Make evaluates them) and the run's
 * `limit`; the runtime's own `limit` is lifted, since it counts new items, not listed ones.
 */
function markedModule(module: Record<string, unknown>, trigger: TriggerSpec): unknown {
  const requests = requestsOf(module.communication).map((request) => ({ ...request }));
  const last = requests.at(-1) as Record<string, unknown>;
  const response = { ...(last.response as Record<string, unknown>) };
  response.output = {
    bundle: response.output ?? '{{item}}',
    id: trigger.id,
    ...(trigger.date === undefined ? {} : { date: trigger.date }),
    ...(response.limit === undefined ? {} : { limit: response.limit }),
  };
  delete response.limit;
  delete response.trigger;
  last.response = response;
  return { ...module, communication: Array.isArray(module.communication) ? requests : last };
}

function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') return Date.parse(value);
  return Number.NaN;
}

/** Ids compare as numbers when both are numeric, otherwise as text. */
function compareIds(a: unknown, b: unknown): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

function isoOrUndefined(time: number): string | undefined {
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}

/** The state a first run starts from, or null for "all". */
function startState(start: TriggerStart | undefined): TriggerState | null {
  if (start === undefined || start === 'all' || start === 'now') return null;
  if ('date' in start) return { lastDate: start.date };
  return { lastID: start.id };
}

/**
 * Runs a polling trigger once: the new items (oldest first, at most `limit`), the state for the
 * next run and the run log. Rejects with a MakeError like runModule.
 */
export async function runTrigger(
  app: RuntimeApp,
  moduleName: string,
  options: TriggerOptions = {},
): Promise<TriggerResult> {
  const module = findModule(app, moduleName);
  const where = `module ${module.name}`;
  if (module.type !== 'trigger') {
    throw new RuntimeError(
      `${where}: runTrigger runs polling triggers; this is a ${module.type}.`,
      {
        code: 'OPTION_INVALID',
        where,
      },
    );
  }
  const trigger = triggerOf(where, module.communication);
  const state = options.state ?? startState(options.start);
  const byDate = trigger.type === 'date';
  const lastTime = byDate && state?.lastDate !== undefined ? timeOf(state.lastDate) : undefined;
  const isNew = (item: Marked): boolean => {
    if (state === null) return true;
    if (byDate) return lastTime === undefined || item.time > lastTime;
    return state.lastID === undefined || compareIds(item.id, state.lastID) > 0;
  };

  const marked = markedModule(module as unknown as Record<string, unknown>, trigger);
  const runApp: RuntimeApp = {
    ...app,
    definition: {
      ...app.definition,
      modules: app.definition.modules.map((m) => (m.name === module.name ? marked : m)),
    } as RuntimeApp['definition'],
  };
  const data: Record<string, unknown> = {};
  if (state?.lastID !== undefined) data.lastID = state.lastID;
  if (state?.lastDate !== undefined) data.lastDate = state.lastDate;
  const { state: _state, start: _start, ...runOptions } = options;
  const stream = streamModule(runApp, module.name, { ...runOptions, data });
  const fresh: Marked[] = [];
  let limit: number | undefined;
  let newest: Marked | undefined;
  for await (const wrapped of stream) {
    if (!isPlainObject(wrapped.bundle)) continue;
    if (limit === undefined && wrapped.limit !== undefined) limit = Number(wrapped.limit);
    const item: Marked = { bundle: wrapped.bundle, id: wrapped.id, time: timeOf(wrapped.date) };
    if (newest === undefined || later(trigger, item, newest)) newest = item;
    if (isNew(item)) fresh.push(item);
    // Listed newest first: once an item is not new, every later one is older.
    else if (trigger.order === 'desc') break;
  }
  if (options.state === undefined && options.start === 'now') {
    return { bundles: [], state: stateOf(trigger, newest) ?? {}, log: stream.log };
  }
  fresh.sort((a, b) => (later(trigger, a, b) ? 1 : later(trigger, b, a) ? -1 : 0));
  const count =
    limit !== undefined && Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : fresh.length;
  const emitted = fresh.slice(0, count);
  const next = stateOf(trigger, emitted.at(-1)) ?? { ...(state ?? {}) };
  return { bundles: emitted.map((item) => item.bundle), state: next, log: stream.log };
}

/** Whether `a` comes after `b` in the trigger's own order (date, or id). */
function later(trigger: TriggerSpec, a: Marked, b: Marked): boolean {
  if (trigger.type === 'date') return a.time > b.time;
  return compareIds(a.id, b.id) > 0;
}

function stateOf(trigger: TriggerSpec, item: Marked | undefined): TriggerState | undefined {
  if (item === undefined) return undefined;
  const state: TriggerState = {};
  if (typeof item.id === 'string' || typeof item.id === 'number') state.lastID = item.id;
  if (trigger.type === 'date') {
    const iso = isoOrUndefined(item.time);
    if (iso !== undefined) state.lastDate = iso;
  }
  return state;
}

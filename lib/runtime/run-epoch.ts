// A polling trigger's `epoch` (make-app-format §4.2): the request behind "Choose where to start" →
// "Choose manually", which lists items the user can start after. Make merges the epoch's
// directives over the trigger's request; its output is one choice per item, `{label, date}`,
// where `date` is what the trigger compares: a date, or an id for a trigger by id (Make's editor
// schema requires both keys). A chosen item becomes runTrigger's `start`.
import { withRunLog } from './boundary';
import { definitionInvalid, RuntimeError } from './errors';
import { listItems, RPC_CAPS, RPC_TIME_LIMIT_MS } from './run-rpc';
import { RunLog } from './run-log';
import { requestsOf, triggerOf, type TriggerStart } from './run-trigger';
import { findModule, type RuntimeApp } from './runtime-app';
import { startRun, type RunOptions } from './start-run';
import { isPlainObject } from './wire';

export interface EpochResult {
  /** The choices, as output: `{ label, date }` (dates as ISO text). */
  items: Array<Record<string, unknown>>;
  /** runTrigger's `start` for each choice, in the same order: `{ date }`, or `{ id }` by id. */
  starts: TriggerStart[];
  log: RunLog;
}

/**
 * The trigger's communication with the epoch merged over its last request (decision, README T8):
 * each epoch directive replaces the trigger's, except `response`, merged key by key; the trigger's
 * own `trigger` directive does not apply to a list of choices.
 */
function epochCommunication(where: string, communication: unknown, epoch: unknown): unknown {
  if (!isPlainObject(epoch)) {
    throw definitionInvalid(where, 'the epoch is a request object.');
  }
  const requests = requestsOf(communication);
  const last = requests.at(-1) ?? {};
  const { trigger: _trigger, ...response } = isPlainObject(last.response) ? last.response : {};
  const merged = {
    ...last,
    ...epoch,
    response: { ...response, ...(isPlainObject(epoch.response) ? epoch.response : {}) },
  };
  return [...requests.slice(0, -1), merged];
}

function isStartValue(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}

/**
 * Runs a polling trigger's epoch and resolves to its choices. Make's RPC bound applies (three
 * pages), as the epoch feeds a dialog like an RPC does. Rejects with a MakeError like runModule.
 */
export async function runEpoch(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): Promise<EpochResult> {
  return withRunLog(options, async (log) => {
    const module = findModule(app, moduleName);
    const where = `module ${module.name} › epoch`;
    const epoch = (module as { epoch?: unknown }).epoch;
    if (module.type !== 'trigger' || epoch === undefined) {
      throw new RuntimeError(
        `module ${module.name}: only a polling trigger with an epoch lists where to start; this ${module.type} has none. Start with all, now, a date or an id instead.`,
        { code: 'OPTION_INVALID', where },
      );
    }
    const { scope, env } = await startRun(app, {
      where,
      needs: module,
      parameters: module.staticParameters as unknown[],
      metadata: { interface: module.interface },
      options,
      log,
      defaultCaps: RPC_CAPS,
      defaultTimeLimit: RPC_TIME_LIMIT_MS,
    });
    const byId = triggerOf(`module ${module.name}`, module.communication).type === 'id';
    const items: Array<Record<string, unknown>> = [];
    const starts: TriggerStart[] = [];
    const listed = await listItems(
      epochCommunication(where, module.communication, epoch),
      scope,
      env,
      app,
    );
    for (const item of listed) {
      if (!isPlainObject(item) || item.label === undefined || !isStartValue(item.date)) {
        throw definitionInvalid(
          `${where} › response.output`,
          'each choice is an object with a label and a date (the id, for a trigger by id).',
        );
      }
      items.push(item);
      starts.push(byId ? { id: item.date } : { date: String(item.date) });
    }
    return { items, starts, log };
  });
}

// A responder module (make-app-format §4.1, type `responder`): the step of a scenario that answers
// the caller of the webhook that started it. Its communication is only `response`, the same
// `{ type, status, headers, body }` a webhook's `respond` has, evaluated with the module's
// parameters (mapped from the trigger's bundles in a scenario). It sends nothing to a service.
import { withRunLog } from './boundary';
import { definitionInvalid, RuntimeError } from './errors';
import { respondWith, type WebhookResponse } from './respond-to-caller';
import { RunLog } from './run-log';
import { findModule, type RuntimeApp } from './runtime-app';
import { startRun, type RunOptions } from './start-run';
import { isPlainObject } from './wire';

export interface ResponderResult {
  /** What Make answers the webhook's caller. */
  response: WebhookResponse;
  log: RunLog;
}

/** Runs a responder module; rejects with a MakeError (its `log` attached) like runModule. */
export async function runResponder(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): Promise<ResponderResult> {
  return withRunLog(options, async (log) => {
    const module = findModule(app, moduleName);
    const where = `module ${module.name}`;
    if (module.type !== 'responder') {
      throw new RuntimeError(
        `${where}: runResponder runs responder modules; this is a ${module.type}.`,
        { code: 'OPTION_INVALID', where },
      );
    }
    const { scope, env } = await startRun(app, {
      where,
      needs: module,
      parameters: [
        ...(module.staticParameters as unknown[]),
        ...(module.mappableParameters as unknown[]),
      ],
      metadata: { expect: module.mappableParameters, interface: module.interface },
      options,
      log,
    });
    const communication: unknown = module.communication;
    if (!isPlainObject(communication)) {
      throw definitionInvalid(where, 'a responder communication is an object with `response`.');
    }
    return {
      response: respondWith(communication.response, scope, `${where} › response`, env.clock),
      log,
    };
  });
}

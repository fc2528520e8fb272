// Registering a webhook on the service, the way Make does when a user creates one, changes its
// parameters or deletes it (make-app-format §2.8): `attach` tells the service Make's URL
// (`{{webhook.url}}`) and stores what the service answered with `response.data`; `update` and
// `detach` see that stored data as `webhook.*` (for example `{{webhook.hookId}}` in the URL of
// the request that removes it). A webhook without `attach` is registered by hand: the user pastes
// Make's URL in the service, and there is nothing to run.
import type { WebhookSpec } from '../types';
import { withRunLog } from './boundary';
import { runCommunication } from './communication';
import { RuntimeError } from './errors';
import { RunLog } from './run-log';
import { findWebhook, type RuntimeApp } from './runtime-app';
import { startRun, type RunOptions } from './start-run';
import { isPlainObject, toWire } from './wire';

/** What Make keeps about a registered webhook: its id and URL, and what `attach` stored. */
export type WebhookRegistration = Record<string, unknown> & { url: string };

export interface WebhookLifecycleOptions extends Omit<RunOptions, 'parameters' | 'webhook'> {
  /** Values of the webhook's own parameters. */
  webhookParameters?: Record<string, unknown>;
  /** Make's side of the webhook: `url` (and `id`); for update and detach, what attach returned. */
  webhook: WebhookRegistration;
}

export interface WebhookLifecycleResult {
  /** The registration after the step: the given one with `response.data` merged over it. */
  webhook: WebhookRegistration;
  log: RunLog;
}

type Step = 'attach' | 'update' | 'detach';

function checkRegistration(where: string, webhook: unknown): WebhookRegistration {
  if (!isPlainObject(webhook) || typeof webhook.url !== 'string' || webhook.url === '') {
    throw new RuntimeError(
      `${where}: options.webhook must be an object with the webhook's url (Make's address for it).`,
      { code: 'OPTION_INVALID', where },
    );
  }
  return webhook as WebhookRegistration;
}

/**
 * The step's requests with the last one's `response.data` turned into its output, so the
 * communication runner evaluates it with the response in scope (`body`, `headers`) like any
 * output; a step that stores nothing outputs `{}`.
 */
function storingData(directive: unknown): unknown {
  const requests = Array.isArray(directive) ? [...(directive as unknown[])] : [directive];
  const last = requests.at(-1);
  if (!isPlainObject(last)) return directive;
  const { data, output: _output, ...response } = isPlainObject(last.response) ? last.response : {};
  requests[requests.length - 1] = { ...last, response: { ...response, output: data ?? {} } };
  return Array.isArray(directive) ? requests : requests[0];
}

async function runStep(
  app: RuntimeApp,
  webhookName: string,
  step: Step,
  options: WebhookLifecycleOptions,
): Promise<WebhookLifecycleResult> {
  return withRunLog(options, async (log, redactor) => {
    const webhook: WebhookSpec = findWebhook(app, webhookName);
    const where = `webhook ${webhook.name} › ${step}`;
    const registration = checkRegistration(where, options.webhook);
    // Password-type webhook parameters are secrets, as in a call (receive-webhook.ts).
    redactor.addPasswords(webhook.parameters, options.webhookParameters);
    const directive = webhook[step];
    if (directive === undefined) {
      log.info(
        'WEBHOOK_NOT_REGISTERED',
        `webhook ${webhook.name} declares no ${step}: the service is told by hand (the user pastes Make's URL there); nothing was sent.`,
      );
      return { webhook: { ...registration }, log };
    }
    const { webhookParameters, webhook: _webhook, ...rest } = options;
    const { scope, env } = await startRun(app, {
      where,
      needs: webhook,
      parameters: webhook.parameters as unknown[],
      metadata: {},
      options: { ...rest, parameters: webhookParameters ?? {}, webhook: registration },
      log,
    });
    // The webhook's parameters are also its `data` (make-app-format §2.8).
    scope.data = scope.parameters;
    let stored: unknown;
    const chunks = runCommunication(storingData(directive), scope, env, {
      base: app.definition.base,
      allowPagination: false,
    });
    for await (const chunk of chunks) {
      for (const output of chunk.outputs) stored = toWire(output);
    }
    if (stored !== undefined && !isPlainObject(stored)) {
      throw new RuntimeError(`${where} › response.data: expected an object.`, {
        code: 'DEFINITION_INVALID',
        where,
      });
    }
    return { webhook: { ...registration, ...stored, url: registration.url }, log };
  });
}

/** Registers the webhook on the service (`attach`); resolves to the registration to keep. */
export function attachWebhook(
  app: RuntimeApp,
  webhookName: string,
  options: WebhookLifecycleOptions,
): Promise<WebhookLifecycleResult> {
  return runStep(app, webhookName, 'attach', options);
}

/** Tells the service the webhook's parameters changed (`update`). */
export function updateWebhook(
  app: RuntimeApp,
  webhookName: string,
  options: WebhookLifecycleOptions,
): Promise<WebhookLifecycleResult> {
  return runStep(app, webhookName, 'update', options);
}

/** Removes the webhook from the service (`detach`), with what attach stored as `webhook.*`. */
export function detachWebhook(
  app: RuntimeApp,
  webhookName: string,
  options: WebhookLifecycleOptions,
): Promise<WebhookLifecycleResult> {
  return runStep(app, webhookName, 'detach', options);
}

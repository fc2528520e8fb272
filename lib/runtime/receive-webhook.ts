// A webhook call, handled the way Make handles it (make-app-format §2.8): the webhook's
// communication sees the request (`body`, `query`, `method`, `headers`) and the webhook's own
// parameters (`parameters`, alias `data`); `verification` answers a service's handshake without
// bundles; `condition` drops a call; `iterate` and `output` turn it into payloads; `respond` is the
// answer (Make's default: 200 "Accepted"). Each payload then runs through the instant trigger
// module (its communication sees it as `payload`; without one the payload is the bundle).
import { toDisplayText } from '../iml';
import { withRunLog } from './boundary';
import { definitionInvalid, RuntimeError } from './errors';
import { createScope, evaluate, type EvalClock, type Scope } from './iml';
import { processParameters } from './parameters';
import { runModule, type Bundle } from './run-module';
import { clockOf, type RunOptions } from './start-run';
import { respondWith, type WebhookResponse } from './respond-to-caller';
import { runResponder } from './run-responder';
import { RunLog } from './run-log';
import { findModule, type RuntimeApp } from './runtime-app';
import { describeType, isPlainObject, toWire } from './wire';

export interface WebhookRequest {
  method?: string;
  headers?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

export interface WebhookOptions extends RunOptions {
  /** Values of the webhook's own parameters (set when the webhook was created in Make). */
  webhookParameters?: Record<string, unknown>;
  /**
   * The scenario's responder module, when it has one: after a call that produced bundles, its
   * answer replaces the webhook's `respond`. `parameters` are the responder's values, or a
   * function mapping the call's bundles to them (what the scenario maps).
   */
  responder?: {
    module: string;
    parameters?: Record<string, unknown> | ((bundles: Bundle[]) => Record<string, unknown>);
  };
}

export interface WebhookResult {
  /** What Make answers the caller. */
  response: WebhookResponse;
  /** The instant trigger's bundles, one per payload (none for a verification). */
  bundles: Bundle[];
  log: RunLog;
}

/** The payloads of one call: `iterate` + `output`, else `output`, else the body. */
function payloadsOf(
  communication: Record<string, unknown>,
  scope: Scope,
  where: string,
  clock: EvalClock,
): unknown[] {
  const { iterate, output } = communication;
  if (iterate === undefined) {
    const value =
      output === undefined ? scope.body : evaluate(output, scope, `${where} › output`, clock);
    return value === undefined ? [] : [value];
  }
  const spec = isPlainObject(iterate) ? iterate : { container: iterate };
  const container = evaluate(spec.container, scope, `${where} › iterate`, clock);
  if (container === undefined || container === null) return [];
  if (!Array.isArray(container)) {
    throw definitionInvalid(
      `${where} › iterate`,
      `evaluated to ${describeType(container)}; expected an array.`,
    );
  }
  const payloads: unknown[] = [];
  for (const item of container as unknown[]) {
    scope.item = item;
    if (
      spec.condition !== undefined &&
      !evaluate(spec.condition, scope, `${where} › iterate.condition`, clock)
    ) {
      continue;
    }
    const value = output === undefined ? item : evaluate(output, scope, `${where} › output`, clock);
    if (value !== undefined) payloads.push(value);
  }
  scope.item = undefined;
  return payloads;
}

/**
 * A shared webhook (`web-shared`) receives the calls of every account: `uid`, evaluated on the
 * request, says whose call it is, and only the connection with that `uid` gets bundles (make-app-
 * format §2.8). Without a connection to compare with, every call is taken (noted in the log).
 */
function forThisAccount(
  type: string,
  uid: unknown,
  scope: Scope,
  options: WebhookOptions,
  where: string,
  clock: EvalClock,
  log: RunLog,
): boolean {
  if (type !== 'web-shared' || uid === undefined) return true;
  const caller = evaluate(uid, scope, `${where} › uid`, clock);
  const own = options.connection?.uid;
  if (options.connection === undefined || own === undefined || own === null) {
    log.info(
      'WEBHOOK_UID_UNCHECKED',
      `${where}: no connection uid to compare the call's uid with; the call is taken.`,
    );
    return true;
  }
  if (toDisplayText(caller) === toDisplayText(own)) return true;
  log.info(
    'WEBHOOK_OTHER_ACCOUNT',
    `${where}: the call's uid belongs to another connection; no bundles.`,
  );
  return false;
}

/** The run options a call passes on to the modules it runs (not the webhook's own). */
function baseOptions(options: WebhookOptions): RunOptions {
  const { webhookParameters: _w, responder: _r, payload: _p, ...rest } = options;
  return rest;
}

/** True when the module's communication does nothing (absent or `{}`): the payload is the bundle. */
function passesPayload(communication: unknown): boolean {
  if (communication === undefined || communication === null) return true;
  return isPlainObject(communication) && Object.keys(communication).length === 0;
}

/**
 * Handles one call of an instant trigger's webhook: Make's answer and the module's bundles.
 * Rejects with a MakeError (its non-enumerable `log` is the run log) when a template fails.
 */
export async function receiveWebhook(
  app: RuntimeApp,
  moduleName: string,
  request: WebhookRequest,
  options: WebhookOptions = {},
): Promise<WebhookResult> {
  return withRunLog(options, async (log, redactor) => {
    const module = findModule(app, moduleName);
    const where = `module ${module.name}`;
    if (module.type !== 'instant_trigger') {
      throw new RuntimeError(
        `${where}: receiveWebhook runs instant triggers; this is a ${module.type}.`,
        {
          code: 'OPTION_INVALID',
          where,
        },
      );
    }
    const hookName = (module as { webhook?: unknown }).webhook;
    const webhook = (app.definition.webhooks ?? []).find((hook) => hook.name === hookName);
    if (webhook === undefined) {
      throw definitionInvalid(
        where,
        `links to the webhook '${String(hookName)}', which the app does not have.`,
      );
    }
    const hookWhere = `webhook ${webhook.name}`;
    // A password-type webhook parameter (a shared secret, a signing key) is redacted like a
    // connection's credentials.
    redactor.addPasswords(webhook.parameters, options.webhookParameters);
    const hookParameters = processParameters(
      webhook.parameters as unknown[],
      options.webhookParameters ?? {},
      { where: hookWhere },
    );
    const clock = clockOf(app, options, options.connection);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {}))
      headers[name.toLowerCase()] = value;
    const scope = createScope({
      parameters: hookParameters,
      data: hookParameters,
      common: app.definition.common ?? {},
      body: request.body,
      query: request.query ?? {},
      method: (request.method ?? 'POST').toUpperCase(),
      headers,
      now: clock.now,
      environment: options.environment ?? {},
    });
    const communication = isPlainObject(webhook.communication) ? webhook.communication : {};

    const verification = communication.verification;
    if (isPlainObject(verification)) {
      const asked = evaluate(
        verification.condition,
        scope,
        `${hookWhere} › verification.condition`,
        clock,
      );
      if (asked) {
        log.info(
          'WEBHOOK_VERIFICATION',
          `${hookWhere}: a verification request was answered; no bundles.`,
        );
        return {
          response: respondWith(
            verification.respond,
            scope,
            `${hookWhere} › verification.respond`,
            clock,
          ),
          bundles: [],
          log,
        };
      }
    }
    const accepted =
      forThisAccount(webhook.type, communication.uid, scope, options, hookWhere, clock, log) &&
      (communication.condition === undefined ||
        Boolean(evaluate(communication.condition, scope, `${hookWhere} › condition`, clock)));
    const payloads = accepted ? payloadsOf(communication, scope, hookWhere, clock) : [];
    const response = respondWith(communication.respond, scope, `${hookWhere} › respond`, clock);

    const bundles: Bundle[] = [];
    for (const payload of payloads) {
      if (passesPayload(module.communication)) {
        const bundle = toWire(payload);
        if (!isPlainObject(bundle))
          throw definitionInvalid(
            where,
            `the payload is ${describeType(bundle)}; a bundle is an object.`,
          );
        bundles.push(bundle);
        continue;
      }
      const result = await runModule(app, module.name, {
        ...baseOptions(options),
        payload,
        log: options.log ?? {},
      });
      for (const entry of result.log.entries) log.record(entry);
      bundles.push(...result.bundles);
    }
    if (options.responder === undefined || bundles.length === 0) {
      return { response, bundles, log };
    }
    const { module: responderName, parameters } = options.responder;
    const answered = await runResponder(app, responderName, {
      ...baseOptions(options),
      parameters: typeof parameters === 'function' ? parameters(bundles) : (parameters ?? {}),
      log: options.log ?? {},
    });
    for (const entry of answered.log.entries) log.record(entry);
    return { response: answered.response, bundles, log };
  });
}

// A real example for each module page: the module runs against a fresh in-memory simulator with
// a pinned clock and seed, so the request, Hotmart's answer and the output bundle are the same on
// every machine and every day (the docs are drift-checked).
import { createConnection, createRuntimeApp, MakeError, receiveWebhook } from '../runtime';
import {
  createSimulator,
  SIMULATOR_CREDENTIALS,
  SIMULATOR_HOTTOK,
  type Simulator,
} from '../simulator';
import type { App, ExampleParameters, ModuleSpec } from '../types';
import { exampleParameters } from '../harness';
import { executeModule } from '../harness';
import { simulatorFetch } from '../harness';
import { createCapture } from '../record';

/** The docs' clock: fixed, so generated files never drift by themselves. */
const DOCS_NOW = new Date('2024-06-03T12:00:00.000Z');
const DOCS_SEED = 20240601;
const DOCS_SIZE = 120;

/** A fresh simulator on the docs' seed, size and clock: each example starts from the same data. */
function docsSimulator(): Simulator {
  return createSimulator({ seed: DOCS_SEED, size: DOCS_SIZE, now: () => DOCS_NOW });
}

export interface ModuleExample {
  parameters: Record<string, unknown>;
  request?: { method: string; url: string; body?: string };
  response?: { status: number; body: string };
  bundles: Array<Record<string, unknown>>;
  /** Set when the example run failed (the page shows the Make error instead). */
  error?: string;
  /** An instant trigger's example: `request` is Hotmart's call to Make, `response` Make's answer. */
  webhook?: true;
}

/** Where Make's webhook URL goes in the example (each webhook has its own). */
const MAKE_HOOK_URL = 'https://hook.eu1.make.com/<your webhook>';

/**
 * An instant trigger's example: the simulator's `PURCHASE_APPROVED` envelope, as Hotmart posts
 * it with the hottok, through the trigger's webhook.
 */
async function webhookExample(app: App, module: ModuleSpec): Promise<ModuleExample> {
  const simulator = docsSimulator();
  const envelope = simulator.fireEvent('PURCHASE_APPROVED');
  const body = JSON.stringify(envelope);
  const result = await receiveWebhook(
    createRuntimeApp(app),
    module.name,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hotmart-hottok': SIMULATOR_HOTTOK },
      body: envelope,
    },
    { webhookParameters: { hottok: SIMULATOR_HOTTOK }, now: DOCS_NOW },
  );
  return {
    parameters: {},
    webhook: true,
    request: { method: 'POST', url: MAKE_HOOK_URL, body },
    response: { status: result.response.status, body: String(result.response.body) },
    bundles: result.bundles,
  };
}

/** Runs a module once on a fresh simulator with the example its source declares (if any). */
export async function runExample(
  app: App,
  module: ModuleSpec,
  example: ExampleParameters | undefined,
): Promise<ModuleExample> {
  if (module.type === 'instant_trigger') return webhookExample(app, module);
  const simulator = docsSimulator();
  const parameters = exampleParameters(module, simulator, example);
  const runtimeApp = createRuntimeApp(app);
  const send = simulatorFetch(simulator);
  const capture = createCapture({}, send);
  const target = {
    spec: { kind: 'simulator' as const },
    label: 'in-memory simulator',
    connectionParameters: { ...SIMULATOR_CREDENTIALS, environment: 'production' },
    hostMap: {},
    close: () => Promise.resolve(),
  };
  try {
    // The connection's own token request is not part of the example: created on the plain fetch.
    const connection =
      typeof module.connection === 'string'
        ? await createConnection(runtimeApp, module.connection, target.connectionParameters, {
            fetch: send,
            now: () => DOCS_NOW,
          })
        : undefined;
    const result = await executeModule({
      app: runtimeApp,
      moduleName: module.name,
      parameters,
      target,
      now: DOCS_NOW,
      fetch: capture.fetch,
      ...(connection ? { connection } : {}),
    });
    return { parameters, ...firstExchange(capture.exchanges), bundles: result.bundles };
  } catch (error) {
    const message = error instanceof MakeError ? `${error.type}: ${error.message}` : String(error);
    return { parameters, ...firstExchange(capture.exchanges), bundles: [], error: message };
  }
}

function firstExchange(
  exchanges: ReturnType<typeof createCapture>['exchanges'],
): Partial<ModuleExample> {
  const first = exchanges[0];
  if (!first) return {};
  return {
    request: {
      method: first.method,
      url: first.url,
      ...(first.requestBody !== undefined ? { body: first.requestBody } : {}),
    },
    response: { status: first.status, body: first.responseBody },
  };
}

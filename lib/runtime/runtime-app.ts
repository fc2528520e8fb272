// A loaded app as the runtime uses it: the definitions exactly as compiled (the JSON content of
// `dist/` is the source model, file by file) plus what the runtime derives once per app.
import { createCustomFunctions, type CustomFunctions } from '../iml';
import { didYouMean } from '../shared';
import type { App, ConnectionSpec, ModuleSpec, RpcSpec, WebhookSpec } from '../types';
import { RuntimeError } from './errors';
import { declaredLiteralHosts } from './hosts';

export interface RuntimeApp {
  /** The definitions, as read back from the built files. */
  readonly definition: App;
  /** Hosts written literally in the app's URLs (part of the allow-list, hosts.ts). */
  readonly literalHosts: ReadonlySet<string>;
  /** The directory it was loaded from, when loaded with `loadApp`. */
  readonly dir: string | undefined;
  /** Validation issues the load profile reports without refusing the app (`formatIssue` lines). */
  readonly warnings: readonly string[];
  /**
   * The app's custom IML functions, running in one sandbox for the app (lib/iml/sandbox.ts), or
   * undefined when it has none. `debug()` output is dropped here, as in a scenario run;
   * `test-functions` prints it.
   */
  readonly functions: CustomFunctions | undefined;
}

/**
 * The runtime model of a definition. The definition is copied through JSON, so the runtime holds
 * exactly what the JSON files say: nothing a caller mutates later leaks in, and nothing JSON
 * cannot carry (a Date, `undefined`) survives from an in-memory definition.
 */
export function createRuntimeApp(
  definition: App,
  dir?: string,
  warnings: readonly string[] = [],
): RuntimeApp {
  const copy = JSON.parse(JSON.stringify(definition)) as App;
  const sources = copy.functions ?? [];
  return {
    definition: copy,
    literalHosts: declaredLiteralHosts(copy),
    dir,
    warnings,
    functions: sources.length > 0 ? createCustomFunctions(sources) : undefined,
  };
}

function unknown(kind: string, name: string, known: string[]): RuntimeError {
  const hint = didYouMean(name, known);
  const list = known.length > 0 ? known.join(', ') : 'none';
  return new RuntimeError(
    `Unknown ${kind} '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; the app has: ${list}.`,
    { code: 'OPTION_INVALID' },
  );
}

export function findModule(app: RuntimeApp, name: string): ModuleSpec {
  const module = app.definition.modules.find((m) => m.name === name);
  if (!module)
    throw unknown(
      'module',
      name,
      app.definition.modules.map((m) => m.name),
    );
  return module;
}

export function findConnection(app: RuntimeApp, name: string): ConnectionSpec {
  const connection = app.definition.connections.find((c) => c.name === name);
  if (!connection)
    throw unknown(
      'connection',
      name,
      app.definition.connections.map((c) => c.name),
    );
  return connection;
}

export function findRpc(app: RuntimeApp, name: string): RpcSpec {
  const rpc = app.definition.rpcs.find((r) => r.name === name);
  if (!rpc)
    throw unknown(
      'RPC',
      name,
      app.definition.rpcs.map((r) => r.name),
    );
  return rpc;
}

export function findWebhook(app: RuntimeApp, name: string): WebhookSpec {
  const webhooks = app.definition.webhooks ?? [];
  const webhook = webhooks.find((w) => w.name === name);
  if (!webhook)
    throw unknown(
      'webhook',
      name,
      webhooks.map((w) => w.name),
    );
  return webhook;
}

// `hotmart-make webhook <module> --app <dir> [--port N]`: a local receiver for an instant
// trigger's webhook, on loopback until stopped. Every request goes through `receiveWebhook`; the
// answer goes back to the caller and the bundles are printed as they arrive.
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { ReportedFailure, UsageError } from '../errors';
import type { CliIo } from '../io';
import { collect, moduleParameters } from '../module-input';
import { targetFor } from '../other-app';
import { describeFailure } from '../report-error';
import type { StopSignal } from './simulator';
import type { ResolvedTarget } from '../../harness';
import type { Connection, RuntimeApp } from '../../runtime';
import type { ModuleSpec } from '../../types';

interface WebhookCommandOptions {
  app?: string;
  dist: string;
  target?: string;
  connectionFile?: string;
  envCredentials?: boolean;
  port: number;
  webhookParamsJson?: string;
  json?: boolean;
  param?: string[];
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('expected a whole number from 0 to 65535');
  }
  return n;
}

function jsonObject(text: string | undefined, option: string): Record<string, unknown> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${option} is not valid JSON: ${reason}`, 'webhook');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${option} must be a JSON object`, 'webhook');
  }
  return value as Record<string, unknown>;
}

/**
 * The connection an instant trigger needs (its own, or its shared webhook's, which routes calls
 * by the connection's uid), created on the target; none when neither names one.
 */
async function connectionOf(
  io: CliIo,
  app: RuntimeApp,
  module: ModuleSpec,
  options: WebhookCommandOptions,
): Promise<{ connection: Connection; target: ResolvedTarget } | undefined> {
  const webhook = (app.definition.webhooks ?? []).find(
    (hook) => hook.name === (module as { webhook?: unknown }).webhook,
  );
  const name =
    typeof module.connection === 'string'
      ? module.connection
      : webhook?.type === 'web-shared' && typeof webhook.connection === 'string'
        ? webhook.connection
        : undefined;
  if (name === undefined) {
    if (options.target !== undefined || options.connectionFile !== undefined) {
      throw new UsageError(
        `${module.name} and its webhook use no connection; --target and --connection-file do not apply`,
        'webhook',
      );
    }
    return undefined;
  }
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
  const { connectionFor } = require('../../harness') as typeof import('../../harness');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const target = await targetFor(
    io,
    { ...options, target: options.target ?? 'simulator' },
    'webhook',
    app,
  );
  try {
    const connection = await connectionFor(app, name, target);
    if (connection === undefined) return undefined;
    return { connection, target };
  } catch (error) {
    await target.close();
    io.stderr(`${describeFailure(error)}\n`);
    throw new ReportedFailure();
  }
}

export function registerWebhook(program: Command, io: CliIo, untilStopped: StopSignal): void {
  program
    .command('webhook')
    .description(
      "Receive an instant trigger's webhook calls on a loopback port and print the bundles",
    )
    .argument('<moduleName>', 'the instant trigger module id')
    .option('--port <port>', 'port to listen on (0 = any free port)', port, 8790)
    .option('--app <dir>', 'any Make app folder instead of the built app')
    .option('--webhook-params-json <json>', "the webhook's own parameters as one JSON object")
    .option('--param <key=value>', 'a module parameter (repeat the option)', collect)
    .option('--json', 'print each bundle as one line of JSON')
    .option(
      '--target <target>',
      'for a trigger with a connection: simulator (default) | sandbox | production | an http(s) URL',
    )
    .option('--connection-file <file>', "the connection's parameters as a JSON object")
    .option('--env-credentials', 'with a URL --target, send HOTMART_* credentials from the env')
    .option('--dist <dir>', 'the built app', 'dist')
    .action(async (moduleName: string, options: WebhookCommandOptions) => {
      const webhookParameters = jsonObject(options.webhookParamsJson, '--webhook-params-json');
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { loadApp } = require('../../runtime') as typeof import('../../runtime');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const app = await loadApp(path.resolve(io.cwd, options.app ?? options.dist));
      const parameters = moduleParameters(
        app,
        moduleName,
        { ...options, target: 'simulator' },
        'webhook',
      );
      const module = app.definition.modules.find((candidate) => candidate.name === moduleName);
      if (module?.type !== 'instant_trigger') {
        throw new UsageError(`${moduleName} is not an instant trigger`, 'webhook');
      }
      const connected = await connectionOf(io, app, module, options);
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { startWebhookReceiver } = require('../../harness') as typeof import('../../harness');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const receiver = await startWebhookReceiver({
        app,
        moduleName,
        parameters,
        webhookParameters,
        ...(connected ? { connection: connected.connection } : {}),
        port: options.port,
        onBundles: (bundles) => {
          for (const bundle of bundles) {
            io.stdout(
              options.json ? `${JSON.stringify(bundle)}\n` : `${JSON.stringify(bundle, null, 2)}\n`,
            );
          }
        },
        onError: (error) => io.stderr(`${describeFailure(error)}\n`),
      }).catch(async (error: unknown) => {
        await connected?.target.close();
        io.stderr(`The webhook receiver could not listen: ${describeFailure(error)}\n`);
        throw new ReportedFailure();
      });
      io.stderr(`Receiving ${moduleName}'s webhook at ${receiver.url} (Ctrl+C to stop)\n`);
      const reason = await untilStopped();
      await receiver.close();
      await connected?.target.close();
      io.stderr(`Stopped (${reason}).\n`);
    });
}

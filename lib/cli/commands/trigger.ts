// `hotmart-make trigger <module> [--state-file F]`: one run of a polling trigger. With a state
// file, a repeated run reads the state the previous one wrote, so only new items are printed.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { RuntimeApp } from '../../runtime';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import { addComponentOptions, moduleParameters } from '../module-input';
import { runOnTarget, type ComponentOptions } from '../other-app';
import { renderBundles } from '../table';

interface TriggerCommandOptions extends ComponentOptions {
  stateFile?: string;
  start?: string;
  choose?: boolean;
}

/** `all`, `now`, `date:<ISO>` or `id:<id>` → runTrigger's `start`. */
function parseStart(
  text: string | undefined,
): 'all' | 'now' | { date: string } | { id: string } | undefined {
  if (text === undefined) return undefined;
  if (text === 'all' || text === 'now') return text;
  if (text.startsWith('date:') && !Number.isNaN(Date.parse(text.slice(5)))) {
    return { date: text.slice(5) };
  }
  if (text.startsWith('id:') && text.length > 3) return { id: text.slice(3) };
  throw new UsageError(
    `--start must be all, now, date:<ISO date> or id:<id>, got "${text}"`,
    'trigger',
  );
}

/** The state a previous run wrote, or undefined when the file does not exist yet. */
function readState(file: string): Record<string, unknown> | undefined {
  if (!fs.existsSync(file)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--state-file: ${file} is not valid JSON (${reason})`, 'trigger');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--state-file: ${file} must hold a JSON object`, 'trigger');
  }
  return value as Record<string, unknown>;
}

/** Writes the state whole or not at all: a temporary file beside it, then a rename. */
function writeState(file: string, state: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** `--choose`: the epoch's choices, each with the `--start` that begins after it. */
async function listChoices(
  io: CliIo,
  moduleName: string,
  options: TriggerCommandOptions,
): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
  const { executeEpoch } = require('../../harness') as typeof import('../../harness');
  /* eslint-enable @typescript-eslint/no-require-imports */
  await runOnTarget(
    io,
    options,
    'trigger',
    (loaded) => triggerParameters(loaded, moduleName, options),
    async ({ app, prepared: parameters, target }) => {
      const result = await executeEpoch({ app, moduleName, parameters, target });
      const choices = result.items.map((item, index) => {
        const start = result.starts[index];
        const flag =
          start === undefined || typeof start !== 'object'
            ? ''
            : 'date' in start
              ? `date:${start.date}`
              : `id:${String(start.id)}`;
        return { ...item, start: flag };
      });
      if (options.json) io.stdout(`${JSON.stringify(choices, null, 2)}\n`);
      else io.stdout(renderBundles(choices, io.columns ?? 100));
    },
  );
}

/** The trigger's parameters; any other kind of module is bad usage, with the command it needs. */
function triggerParameters(
  app: RuntimeApp,
  moduleName: string,
  options: TriggerCommandOptions,
): Record<string, unknown> {
  const parameters = moduleParameters(app, moduleName, options, 'trigger');
  const type = app.definition.modules.find((module) => module.name === moduleName)?.type;
  if (type !== 'trigger') {
    const instead = type === 'instant_trigger' ? 'webhook' : 'run';
    throw new UsageError(
      `${moduleName} is ${type === 'instant_trigger' || type === 'action' ? 'an' : 'a'} ${String(type).replace('_', ' ')}, not a polling trigger: use npx hotmart-make ${instead} ${moduleName}`,
      'trigger',
    );
  }
  return parameters;
}

export function registerTrigger(program: Command, io: CliIo): void {
  const command = program
    .command('trigger')
    .description('Run a polling trigger once and print its new bundles (state in --state-file)')
    .argument('<moduleName>', 'the polling trigger module id')
    .option(
      '--state-file <file>',
      'read the state before the run and write it after (created when missing)',
    )
    .option('--start <where>', 'first run only: all (default), now, date:<ISO date> or id:<id>')
    .option(
      '--choose',
      'list the trigger\'s epoch choices (Make\'s "Choose manually") instead of running it',
    );
  addComponentOptions(command, "the module's", 'new bundles')
    .addHelpText(
      'after',
      `
Examples:
  $ npx hotmart-make trigger watchTickets --app ./my-app --target http://127.0.0.1:4010 \\
      --connection-file c.json --state-file state.json     (run again: only new items)
  $ npx hotmart-make trigger watchTickets --app ./my-app --choose   (then --start date:<a listed date>)

Exit codes: 0 ok, 1 the trigger failed (Make error type and message on stderr), 2 bad usage.`,
    )
    .action(async (moduleName: string, options: TriggerCommandOptions) => {
      if (options.choose === true) {
        if (options.start !== undefined || options.stateFile !== undefined) {
          throw new UsageError(
            '--choose lists where to start; it takes no --start or --state-file',
            'trigger',
          );
        }
        await listChoices(io, moduleName, options);
        return;
      }
      const start = parseStart(options.start);
      const stateFile =
        options.stateFile === undefined ? undefined : path.resolve(io.cwd, options.stateFile);
      const state = stateFile === undefined ? undefined : readState(stateFile);
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { executeTrigger } = require('../../harness') as typeof import('../../harness');
      /* eslint-enable @typescript-eslint/no-require-imports */
      await runOnTarget(
        io,
        options,
        'trigger',
        (loaded) => triggerParameters(loaded, moduleName, options),
        async ({ app, prepared: parameters, target }) => {
          const result = await executeTrigger({
            app,
            moduleName,
            parameters,
            target,
            state,
            ...(start === undefined ? {} : { start }),
          });
          if (stateFile !== undefined) writeState(stateFile, result.state);
          if (options.json) io.stdout(`${JSON.stringify(result.bundles, null, 2)}\n`);
          else io.stdout(renderBundles(result.bundles, io.columns ?? 100));
          if (io.stderrIsTty) {
            io.stderr(
              `${moduleName} on ${target.label}: ${result.bundles.length} new bundle(s), ` +
                `${result.requests} request(s), ${result.durationMs} ms\n`,
            );
          }
        },
      );
    });
}

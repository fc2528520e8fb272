// `hotmart-make run <moduleName>`: one module of the built app through the runtime.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { ReportedFailure } from '../errors';
import type { CliIo } from '../io';
import { addModuleInputOptions, moduleParameters, type ModuleInputOptions } from '../module-input';
import { progressLine } from '../progress';
import { describeFailure } from '../report-error';
import { bundlePrinter, renderBundles } from '../table';
import { appAndTarget } from '../other-app';

interface RunOptions extends ModuleInputOptions {
  app?: string;
  connectionFile?: string;
  fields?: string[];
}

function fieldList(value: string): string[] {
  const fields = value
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields.length === 0)
    throw new InvalidArgumentError('expected field paths, e.g. status,plan.name');
  return fields;
}

/** The value at a dotted path (`plan.name`; an array index as a number: `items.0.id`). */
function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Each bundle cut down to `fields`, keyed by the paths as given (in that order). */
function selectFields(bundles: readonly unknown[], fields: readonly string[]): unknown[] {
  return bundles.map((bundle) =>
    Object.fromEntries(fields.map((field) => [field, pick(bundle, field)])),
  );
}

export function registerRun(program: Command, io: CliIo): void {
  const command = program
    .command('run')
    .description('Run a module of the built app and print its bundles')
    .argument('<moduleName>', 'the module id, e.g. listSubscriptions')
    .option('--json', 'print the bundles as a JSON array on stdout (and nothing else)')
    .option(
      '--fields <paths>',
      'only these fields, comma-separated dotted paths (e.g. subscriber_code,plan.name): a compact table',
      fieldList,
    )
    .option(
      '--app <dir>',
      "any Make app folder (Make's local-development layout) instead of the built app; its hosts go to a URL --target",
    )
    .option(
      '--connection-file <file>',
      "the module's connection parameters as a JSON object (for --app; with the Hotmart app it replaces the target's)",
    );
  addModuleInputOptions(command, 'simulator').addHelpText(
    'after',
    `
Examples:
  $ npx hotmart-make run listSubscriptions --param limit=5
  $ npx hotmart-make run listSubscriptions --param status=ACTIVE --param status=DELAYED --json
  $ npx hotmart-make run listSubscriptions --param limit=50 --fields subscriber_code,status,plan.name
  $ npx hotmart-make run cancelSubscription --params-json '{"subscriber_code":"69UTJ4AS"}'
  $ npx hotmart-make run listSubscriptions --target sandbox     (needs HOTMART_CLIENT_ID,
                                                             HOTMART_CLIENT_SECRET, HOTMART_BASIC_TOKEN)
  $ npx hotmart-make run listSubscriptions --target http://127.0.0.1:8787
  $ npx hotmart-make run listNotes --app ./my-app/src --target http://127.0.0.1:4010 \\
      --connection-file connection.json      (any app pulled from Make, against a mock server)

Exit codes: 0 ok, 1 the module failed (Make error type and message on stderr), 2 bad usage.`,
  );
  command.action(async (moduleName: string, options: RunOptions) => {
    /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
    const { executeModule } = require('../../harness') as typeof import('../../harness');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const {
      app,
      prepared: parameters,
      target: resolved,
    } = await appAndTarget(io, options, 'run', (loaded) =>
      moduleParameters(loaded, moduleName, options, 'run'),
    );
    const progress = progressLine(io, moduleName);
    progress.status(`connecting to the ${resolved.label}…`);
    // Plain output streams (bundlePrinter); JSON and picked fields are printed whole at the end.
    const printer =
      options.json || options.fields ? undefined : bundlePrinter(io.stdout, io.columns ?? 100);
    try {
      const result = await executeModule({
        app,
        moduleName,
        parameters,
        target: resolved,
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
        onProgress: (p) => progress.update(p),
        ...(printer
          ? {
              onBundle: (bundle: unknown) => {
                progress.clear();
                printer.add(bundle);
              },
            }
          : {}),
      });
      progress.clear();
      const shown = options.fields ? selectFields(result.bundles, options.fields) : result.bundles;
      if (printer) {
        printer.finish();
      } else if (options.json) {
        io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
      } else {
        // Picked fields always make a table, however wide: that is what they are asked for.
        io.stdout(renderBundles(shown, Number.POSITIVE_INFINITY));
      }
      if (io.stderrIsTty) {
        io.stderr(
          `${moduleName} on ${resolved.label}: ${result.bundles.length} bundle(s), ` +
            `${result.requests} request(s), ${result.durationMs} ms\n`,
        );
      }
    } catch (error) {
      progress.clear();
      io.stderr(`${describeFailure(error)}\n`);
      throw new ReportedFailure();
    } finally {
      await resolved.close();
    }
  });
}

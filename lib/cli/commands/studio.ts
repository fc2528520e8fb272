// `npx hotmart-make studio [--port N] [--app dir] [--target …]`: the module studio (lib/studio)
// on a loopback port until stopped: every module of the app as Make's dialog shows it, run
// against the target from the browser.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ReportedFailure } from '../errors';
import type { CliIo } from '../io';
import { appAndTarget, type TargetedOptions } from '../other-app';
import type { StopSignal } from './simulator';

interface StudioCommandOptions extends TargetedOptions {
  port: number;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('expected a whole number from 0 to 65535');
  }
  return n;
}

export function registerStudio(program: Command, io: CliIo, untilStopped: StopSignal): void {
  program
    .command('studio')
    .description('Open the module studio: the app as Make shows it, run from a browser')
    .option('--port <port>', 'loopback port to listen on (0 = any free port)', port, 8790)
    .addOption(
      new Option(
        '--target <target>',
        'simulator | sandbox | production | an http(s) URL standing in for every Hotmart host',
      ).default('simulator'),
    )
    .option('--app <dir>', 'any Make app folder instead of the built app (with a URL --target)')
    .option('--connection-file <file>', "the modules' connection parameters as a JSON object")
    .option(
      '--env-credentials',
      "with a URL --target, send HOTMART_CLIENT_ID/SECRET/BASIC_TOKEN (default: the simulator's)",
    )
    .option('--dist <dir>', 'the built app', 'dist')
    .addHelpText(
      'after',
      `
Examples:
  $ npx hotmart-make studio                      (the built app, against the embedded simulator)
  $ npx hotmart-make studio --port 0 --target sandbox

Open the printed address in a browser; Ctrl+C stops the studio.`,
    )
    .action(async (options: StudioCommandOptions) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { startStudio } = require('../../studio') as typeof import('../../studio');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const { app, target } = await appAndTarget(io, options, 'studio', () => undefined);
      let studio;
      try {
        studio = await startStudio({ app, target, port: options.port });
      } catch (error) {
        await target.close();
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
        io.stderr(`Port ${options.port} is already in use (--port 0 takes any free port).\n`);
        throw new ReportedFailure();
      }
      io.stdout(`Module studio for the ${target.label}: ${studio.url}\n`);
      const reason = await untilStopped();
      io.stderr(`Studio stopped (${reason}).\n`);
      await studio.close();
      await target.close();
    });
}

// The `hotmart-make` command. `runCli` parses, runs one command and returns the exit code:
// 0 ok, 1 a module or validation error, 2 bad usage. Commander's own exits are intercepted
// (exitOverride), so `--help` is 0 and every parsing error is 2 with a usage hint.
import { Command, CommanderError } from 'commander';
import { registerBuild } from './commands/build';
import { registerDeploy } from './commands/deploy';
import { registerDocs } from './commands/docs';
import { registerRecord } from './commands/record';
import { registerRpc } from './commands/rpc';
import { registerRun } from './commands/run';
import { registerTrigger } from './commands/trigger';
import { registerWebhook } from './commands/webhook';
import { registerEvent } from './commands/event';
import { registerSimulator, waitForSignal, type StopSignal } from './commands/simulator';
import { registerStudio } from './commands/studio';
import { moduleHelp, registerModules } from './commands/modules';
import { registerNew } from './commands/new';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, ExitWith, ReportedFailure, UsageError } from './errors';
import { processIo, type CliIo } from './io';
import { describeFailure } from './report-error';

function createProgram(io: CliIo, untilStopped: StopSignal = waitForSignal): Command {
  const program = new Command('hotmart-make')
    .description('Build, validate, run, record, document and deploy the Hotmart app for Make')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 a module or validation error, 2 bad usage.
Run "npx hotmart-make <command> --help" for a command's options.`,
    );
  registerBuild(program, io);
  registerRun(program, io);
  registerRpc(program, io);
  registerTrigger(program, io);
  registerRecord(program, io);
  registerDeploy(program, io);
  registerDocs(program, io);
  registerSimulator(program, io, untilStopped);
  registerWebhook(program, io, untilStopped);
  registerEvent(program, io);
  registerStudio(program, io, untilStopped);
  registerModules(program, io);
  registerNew(program, io);
  return program;
}

/**
 * `run <module> --help` starts with the module's own parameters (then commander prints run's
 * options). An app that cannot be loaded, or an unknown module, leaves run's help alone.
 */
async function printModuleHelp(io: CliIo, argv: readonly string[]): Promise<void> {
  const [command, moduleName] = argv;
  if (command !== 'run' || moduleName === undefined || moduleName.startsWith('-')) return;
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  const valueOf = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at === -1 ? undefined : argv[at + 1];
  };
  const app = valueOf('--app');
  try {
    const text = await moduleHelp(io, moduleName, {
      dist: valueOf('--dist') ?? 'dist',
      ...(app === undefined ? {} : { app }),
    });
    if (text !== undefined) io.stdout(text);
  } catch {
    // No built app (yet): run's own help still says what to do.
  }
}

/** Help requested explicitly exits 0; help shown because of a mistake is bad usage. */
const OK_CODES = new Set(['commander.helpDisplayed', 'commander.version']);

export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo(),
  untilStopped?: StopSignal,
): Promise<number> {
  const program = createProgram(io, untilStopped);
  try {
    await printModuleHelp(io, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed the message (and the hint) through configureOutput.
      return OK_CODES.has(error.code) ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      const help = error.command
        ? `npx hotmart-make ${error.command} --help`
        : 'npx hotmart-make --help';
      io.stderr(`error: ${error.message}\n(run "${help}" for usage)\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ExitWith) return error.code;
    if (error instanceof ReportedFailure) return EXIT_FAILURE;
    io.stderr(`${describeFailure(error)}\n`);
    return EXIT_FAILURE;
  }
}

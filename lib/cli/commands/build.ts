// `hotmart-make build`, `validate` and `test-functions`: the same functions as `npm run build` / `npm run validate`.
// Heavy modules are imported inside the actions, so `--help` and usage errors start fast.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitWith } from '../errors';
import type { CliIo } from '../io';

export function registerBuild(program: Command, io: CliIo): void {
  program
    .command('build')
    .description("Validate the app and write Make's local-development layout (as npm run build)")
    .option('--app <file>', 'module whose default export is the app', 'app/index.ts')
    .option(
      '--dist <dir>',
      'output folder: absent, empty or a previous build (replaced atomically)',
      'dist',
    )
    .action(async (options: { app: string; dist: string }) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { buildCommand } = require('../build-commands') as typeof import('../build-commands');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const code = await buildCommand(
        { appPath: path.resolve(io.cwd, options.app), outDir: path.resolve(io.cwd, options.dist) },
        io,
      );
      if (code !== 0) throw new ExitWith(code);
    });

  program
    .command('validate')
    .description(
      'Check the app definition against the schemas and constraints (as npm run validate)',
    )
    .option(
      '--app <file|dir>',
      "module whose default export is the app, or any app folder in Make's layout",
      'app/index.ts',
    )
    .addOption(
      new Option(
        '--profile <profile>',
        'strict (our authoring rules; default for a module) or make (what Make accepts; default for a folder)',
      ).choices(['strict', 'make']),
    )
    .action(async (options: { app: string; profile?: 'strict' | 'make' }) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { validateCommand } =
        require('../build-commands') as typeof import('../build-commands');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const code = await validateCommand(
        {
          appPath: path.resolve(io.cwd, options.app),
          ...(options.profile ? { profile: options.profile } : {}),
        },
        io,
      );
      if (code !== 0) throw new ExitWith(code);
    });

  program
    .command('test-functions')
    .description(
      "Run the tests of the app's custom IML functions (it() and assert, as in Make's VS Code extension)",
    )
    .option(
      '--app <dir|file>',
      "any app folder in Make's layout, or a module whose default export is the app",
      'app/index.ts',
    )
    .action(async (options: { app: string }) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { testFunctionsCommand } =
        require('../test-functions') as typeof import('../test-functions');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const code = await testFunctionsCommand({ appPath: path.resolve(io.cwd, options.app) }, io);
      if (code !== 0) throw new ExitWith(code);
    });
}

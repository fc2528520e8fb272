// `npx hotmart-make new module <name> [--type search|action] [--label L] [--group G]`: scaffolds
// a module that works from the start (lib/cli/scaffold.ts) in this project, then writes its doc
// page, so `npm start`, `npm test` and the docs check pass before it is changed.
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { PROJECT_ROOT } from '../../shared';
import { UsageError } from '../errors';
import { docChanges, writePages } from '../doc-pages';
import type { CliIo } from '../io';

interface NewModuleOptions {
  type: 'search' | 'action';
  label?: string;
  group?: string;
}

function moduleType(value: string): 'search' | 'action' {
  if (value === 'search' || value === 'action') return value;
  throw new InvalidArgumentError('expected search or action');
}

export function registerNew(program: Command, io: CliIo): void {
  const create = program.command('new').description('Scaffold part of the app (new module <name>)');
  create
    .command('module')
    .description('Scaffold a module that runs at once: its folder, registration, group and tests')
    .argument('<name>', 'the module id, camelCase (e.g. listRefunds)')
    .addOption(
      new Option('--type <type>', 'search (lists items) or action (one request)')
        .argParser(moduleType)
        .default('search'),
    )
    .option('--label <label>', 'the label Make shows (default: from the name)')
    .option('--group <label>', 'the app group to list it in (default: the last, Other)')
    .action(async (name: string, options: NewModuleOptions) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { scaffoldModule } = require('../scaffold') as typeof import('../scaffold');
      const { generateDocsFromModule } = require('../../docs') as typeof import('../../docs');
      /* eslint-enable @typescript-eslint/no-require-imports */
      let written: string[];
      try {
        written = scaffoldModule({
          root: PROJECT_ROOT,
          name,
          type: options.type,
          ...(options.label === undefined ? {} : { label: options.label }),
          ...(options.group === undefined ? {} : { group: options.group }),
        });
      } catch (error) {
        // A name or group that cannot be used is bad usage (exit 2); nothing was written.
        if (error instanceof Error && (error as { code?: unknown }).code === 'SCAFFOLD_REFUSED') {
          throw new UsageError(error.message, 'new module');
        }
        throw error;
      }
      // Its doc page and the index, as npm run docs would write them (the other pages are
      // npm run docs's business: only the new module's example runs here).
      const pages = await generateDocsFromModule(path.join(PROJECT_ROOT, 'app', 'index.ts'), {
        only: [name],
      });
      const { stale } = docChanges(PROJECT_ROOT, pages);
      writePages(PROJECT_ROOT, stale);
      written.push(...stale.map(([file]) => file));
      io.stdout(
        `Created ${name} (${options.type}):\n${written.map((file) => `  ${file}\n`).join('')}\n` +
          'It lists Hotmart data from the start; change its url, parameters and interface, then:\n' +
          `  npm start                        (runs it against the simulator)\n` +
          `  npx jest ${written[1] ?? 'test/modules'}\n` +
          '  npm run docs                     (its page follows the module)\n',
      );
    });
}

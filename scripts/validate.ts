// `npm run validate [-- --app <module>]`: report every problem of the app definition; exit 0/1.
import { Command } from 'commander';
import path from 'node:path';
import { validateCommand } from '../lib/cli';

const ROOT = path.resolve(__dirname, '..');

const options = new Command('validate')
  .description('Validate the app definition (schemas and functional constraints)')
  .option(
    '--app <module>',
    'module whose default export is the app',
    path.join(ROOT, 'app/index.ts'),
  )
  .parse()
  .opts<{ app: string }>();

validateCommand({ appPath: options.app }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

// `npm run build [-- --app <module> --dist <dir>]`: validate the app, then write Make's layout.
// Exit 1 (and nothing written) when the definition has any issue.
import { Command } from 'commander';
import path from 'node:path';
import { buildCommand } from '../lib/cli';

const ROOT = path.resolve(__dirname, '..');

const options = new Command('build')
  .description("Validate the app and write Make's local-development layout")
  .option(
    '--app <module>',
    'module whose default export is the app',
    path.join(ROOT, 'app/index.ts'),
  )
  .option(
    '--dist <dir>',
    'output folder: absent, empty or a previous build (replaced atomically)',
    path.join(ROOT, 'dist'),
  )
  .parse()
  .opts<{ app: string; dist: string }>();

buildCommand({ appPath: options.app, outDir: options.dist }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

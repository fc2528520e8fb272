// `hotmart-make docs`: writes docs/modules/<id>.md for every module (and an index); `--check`
// only compares, for CI.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ReportedFailure } from '../errors';
import { docChanges, DOCS_DIR, writePages } from '../doc-pages';
import type { CliIo } from '../io';

export function registerDocs(program: Command, io: CliIo): void {
  program
    .command('docs')
    .description(`Generate ${DOCS_DIR}/<id>.md for every module (committed, drift-checked)`)
    .option('--app <file>', 'module whose default export is the app', 'app/index.ts')
    .option('--check', 'write nothing; exit 1 when a page is missing, stale or extra')
    .action(async (options: { app: string; check?: boolean }) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { generateDocsFromModule } = require('../../docs') as typeof import('../../docs');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const pages = await generateDocsFromModule(path.resolve(io.cwd, options.app));
      const { stale, extra } = docChanges(io.cwd, pages);
      if (options.check) {
        for (const [file] of stale)
          io.stderr(`${file} is missing or stale: run npx hotmart-make docs (or npm run docs)\n`);
        for (const file of extra) io.stderr(`${file} belongs to no module: delete it\n`);
        if (stale.length + extra.length > 0) throw new ReportedFailure();
        io.stdout(`${pages.size} doc pages are up to date.\n`);
        return;
      }
      writePages(io.cwd, stale);
      // A page of a module that no longer exists would mislead: remove it.
      for (const file of extra) fs.rmSync(path.resolve(io.cwd, file));
      io.stdout(
        `${pages.size} doc pages in ${DOCS_DIR}: ${stale.length} written, ` +
          `${pages.size - stale.length} unchanged, ${extra.length} removed.\n`,
      );
    });
}

// `hotmart-make docs`: writes docs/modules/<id>.md for every module (and an index); `--check`
// only compares, for CI.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
// The folder is repeated here (lib/docs DOCS_DIR) so `--help` does not load the generator.
const DOCS_DIR = 'docs/modules';
import { ReportedFailure } from '../errors';
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
      const dir = path.resolve(io.cwd, DOCS_DIR);
      const existing = fs.existsSync(dir)
        ? fs.readdirSync(dir).filter((file) => file.endsWith('.md'))
        : [];
      const extra = existing
        .map((file) => `${DOCS_DIR}/${file}`)
        .filter((file) => !pages.has(file));
      const stale = [...pages].filter(([file, text]) => {
        const full = path.resolve(io.cwd, file);
        return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== text;
      });
      if (options.check) {
        for (const [file] of stale)
          io.stderr(`${file} is missing or stale: run npx hotmart-make docs (or npm run docs)\n`);
        for (const file of extra) io.stderr(`${file} belongs to no module: delete it\n`);
        if (stale.length + extra.length > 0) throw new ReportedFailure();
        io.stdout(`${pages.size} doc pages are up to date.\n`);
        return;
      }
      fs.mkdirSync(dir, { recursive: true });
      for (const [file, text] of stale) fs.writeFileSync(path.resolve(io.cwd, file), text);
      // A page of a module that no longer exists would mislead: remove it.
      for (const file of extra) fs.rmSync(path.resolve(io.cwd, file));
      io.stdout(
        `${pages.size} doc pages in ${DOCS_DIR}: ${stale.length} written, ` +
          `${pages.size - stale.length} unchanged, ${extra.length} removed.\n`,
      );
    });
}

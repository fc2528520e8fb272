// buildApp: validate → compile → render → write. What `npm run build` and the CLI call.
import { compileApp, renderFiles } from '../compile';
import type { OutputDirContext } from '../compile';
import { writeDirAtomically } from '../compile';
import type { App } from '../types';
import { validateApp, type Issue } from '../validate';

export type BuildResult =
  { ok: true; outDir: string; files: string[] } | { ok: false; issues: Issue[] };

/**
 * Validates `app` and, only when there is no issue at all, writes Make's layout to `outDir`
 * (replacing it atomically). On any issue nothing is written and every issue is returned. An
 * output folder that must not be replaced throws OutputDirRefusedError before anything is written.
 */
export async function buildApp(options: {
  app: unknown;
  outDir: string;
  /** Where the command runs from (default: this process's folder), for the output-folder rule. */
  context?: Partial<OutputDirContext>;
}): Promise<BuildResult> {
  const issues = validateApp(options.app);
  if (issues.length > 0) return { ok: false, issues };
  const rendered = await renderFiles(compileApp(options.app as App));
  await writeDirAtomically(options.outDir, rendered, options.context);
  return { ok: true, outDir: options.outDir, files: [...rendered.keys()] };
}

// The build and validate commands as functions, shared by `npm run build|validate` (scripts/) and
// `hotmart-make build|validate`: they load the app module, report through the CLI's io and return
// the exit code (errors.ts): 0 success, 1 the definition has issues, 2 the app module could not
// be loaded or the output folder must not be replaced.
import path from 'node:path';
import { loadAppModule } from '../compile';
import { OutputDirRefusedError } from '../compile';
import type { App } from '../types';
import { formatIssue, validateApp, type Issue } from '../validate';
import { buildApp } from './build-app';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors';
import { processIo, type CliIo } from './io';

/** Line-oriented output on the CLI's streams. */
function lines(io: CliIo): { out(line: string): void; err(line: string): void } {
  return { out: (line) => io.stdout(`${line}\n`), err: (line) => io.stderr(`${line}\n`) };
}

function reportIssues(issues: Issue[], io: ReturnType<typeof lines>): void {
  io.err(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the app definition:`);
  for (const issue of issues) io.err(`  ${formatIssue(issue)}`);
}

async function load(appPath: string, io: ReturnType<typeof lines>): Promise<unknown> {
  try {
    return await loadAppModule(appPath);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

/** `files written` summary: the total and the count per top-level folder. */
export function summarize(outDir: string, files: string[]): string {
  const counts = new Map<string, number>();
  for (const file of files) {
    const slash = file.indexOf('/');
    const top = slash === -1 ? file : `${file.slice(0, slash)}/`;
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  const parts = [...counts].map(([top, n]) => (top.endsWith('/') ? `${top} (${n})` : top));
  return `Wrote ${files.length} files to ${outDir}: ${parts.join(', ')}`;
}

export async function buildCommand(
  options: { appPath: string; outDir: string },
  cli: CliIo = processIo(),
): Promise<number> {
  const io = lines(cli);
  const app = await load(options.appPath, io);
  if (app === undefined) return EXIT_USAGE;
  const cwd = cli.cwd;
  const outDir = path.resolve(cwd, options.outDir);
  let result;
  try {
    result = await buildApp({ app, outDir, context: { cwd } });
  } catch (error) {
    if (!(error instanceof OutputDirRefusedError)) throw error;
    io.err(`${error.message}.`);
    io.err('Nothing was written.');
    return EXIT_USAGE;
  }
  if (!result.ok) {
    reportIssues(result.issues, io);
    io.err(`Nothing was written; ${outDir} is unchanged.`);
    return EXIT_FAILURE;
  }
  io.out(summarize(outDir, result.files));
  return EXIT_OK;
}

export async function validateCommand(
  options: { appPath: string },
  cli: CliIo = processIo(),
): Promise<number> {
  const io = lines(cli);
  const app = await load(options.appPath, io);
  if (app === undefined) return EXIT_USAGE;
  const issues = validateApp(app);
  if (issues.length > 0) {
    reportIssues(issues, io);
    return EXIT_FAILURE;
  }
  const name = (app as App).manifest.name;
  io.out(`The app "${name}" is valid.`);
  return EXIT_OK;
}

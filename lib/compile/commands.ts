// The build and validate commands as functions (argument parsing stays in scripts/ and the CLI):
// they load the app module, report through `io` and return the process exit code.
import path from 'node:path';
import type { App } from '../types';
import { formatIssue, validateApp, type Issue } from '../validate';
import { loadAppModule } from './app-module';
import { buildApp } from './build';
import { OutputDirRefusedError } from './output-dir';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Exit codes: 0 success, 1 the definition has issues, 2 the app module could not be loaded or
 * the output folder must not be replaced.
 */
export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;

function reportIssues(issues: Issue[], io: CommandIo): void {
  io.err(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the app definition:`);
  for (const issue of issues) io.err(`  ${formatIssue(issue)}`);
}

async function load(appPath: string, io: CommandIo): Promise<unknown> {
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
  options: { appPath: string; outDir: string; cwd?: string },
  io: CommandIo = consoleIo,
): Promise<number> {
  const app = await load(options.appPath, io);
  if (app === undefined) return EXIT.unusable;
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  let result;
  try {
    result = await buildApp({ app, outDir, context: { cwd } });
  } catch (error) {
    if (!(error instanceof OutputDirRefusedError)) throw error;
    io.err(`${error.message}.`);
    io.err('Nothing was written.');
    return EXIT.unusable;
  }
  if (!result.ok) {
    reportIssues(result.issues, io);
    io.err(`Nothing was written; ${outDir} is unchanged.`);
    return EXIT.invalid;
  }
  io.out(summarize(outDir, result.files));
  return EXIT.ok;
}

export async function validateCommand(
  options: { appPath: string },
  io: CommandIo = consoleIo,
): Promise<number> {
  const app = await load(options.appPath, io);
  if (app === undefined) return EXIT.unusable;
  const issues = validateApp(app);
  if (issues.length > 0) {
    reportIssues(issues, io);
    return EXIT.invalid;
  }
  const name = (app as App).manifest.name;
  io.out(`The app "${name}" is valid.`);
  return EXIT.ok;
}

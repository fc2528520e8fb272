// The build and validate commands as functions, shared by `npm run build|validate` (scripts/) and
// `hotmart-make build|validate`: they load the app module, report through the CLI's io and return
// the exit code (errors.ts): 0 success, 1 the definition has issues, 2 the app module could not
// be loaded or the output folder must not be replaced.
import fs from 'node:fs';
import path from 'node:path';
import {
  appFromFiles,
  checkOutputDir,
  CompileError,
  LayoutReadError,
  loadAppModule,
  MAKECOMAPP_FILE,
  OutputDirRefusedError,
  readLayout,
  type LayoutPlacement,
} from '../compile';
import type { App } from '../types';
import { checkApp, formatIssue, type Issue, type Profile } from '../validate';
import { buildApp } from './build-app';
import { checkExamples } from '../docs';
import { mismatchWarning } from './interface-warning';
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
  options: {
    appPath: string;
    outDir: string;
    /** The app definition itself (tests); default: loaded from `appPath`. */
    app?: unknown;
  },
  cli: CliIo = processIo(),
): Promise<number> {
  const io = lines(cli);
  const cwd = cli.cwd;
  const outDir = path.resolve(cwd, options.outDir);
  const refused = (error: unknown): number => {
    if (!(error instanceof OutputDirRefusedError)) throw error;
    io.err(`${error.message}.`);
    io.err('Nothing was written.');
    return EXIT_USAGE;
  };
  // A folder that must not be replaced is refused before the sources are loaded and checked.
  try {
    await checkOutputDir(outDir, { cwd });
  } catch (error) {
    return refused(error);
  }
  const app = options.app ?? (await load(options.appPath, io));
  if (app === undefined) return EXIT_USAGE;
  let result;
  try {
    result = await buildApp({ app, outDir, context: { cwd } });
  } catch (error) {
    return refused(error);
  }
  if (!result.ok) {
    reportIssues(result.issues, io);
    io.err(`Nothing was written; ${outDir} is unchanged.`);
    return EXIT_FAILURE;
  }
  io.out(summarize(outDir, result.files));
  await reportExamples(app as App, io);
  return EXIT_OK;
}

/**
 * Runs the modules' examples on the in-memory simulator and warns where one fails or its output
 * does not match the interface (a date left an epoch number, …). Warnings only: the build is
 * already written, and the module may be right where the simulator is not.
 */
async function reportExamples(source: App, io: ReturnType<typeof lines>): Promise<void> {
  const checks = await checkExamples(source);
  if (checks.length === 0) return;
  for (const check of checks) {
    if (check.error !== undefined)
      io.err(`Warning: the example run of ${check.module} failed: ${check.error}`);
  }
  const warning = mismatchWarning(checks);
  for (const line of warning) io.err(line);
  if (warning.length === 0 && checks.every((check) => check.error === undefined)) {
    io.out(
      `Ran the examples of ${checks.length} module${checks.length === 1 ? '' : 's'} on the simulator: the output matches the interfaces.`,
    );
  }
}

/** A layout folder's app and manifest, or undefined after reporting why it is unreadable. */
function readFolder(
  dir: string,
  io: ReturnType<typeof lines>,
): { app: unknown; layout: LayoutPlacement } | undefined {
  try {
    const source = readLayout(dir);
    return {
      app: appFromFiles(source.values),
      layout: { manifest: source.values.get(MAKECOMAPP_FILE), kind: source.kind },
    };
  } catch (error) {
    if (!(error instanceof LayoutReadError) && !(error instanceof CompileError)) throw error;
    io.err(error.message);
    return undefined;
  }
}

/**
 * The app `--app` names: an app module (TypeScript, default export) or a folder in Make's layout
 * (then `layout` is its `makecomapp.json`). `app` is undefined after the reason was printed.
 */
export async function loadAnyApp(
  appPath: string,
  cli: CliIo,
): Promise<{ app: unknown; folder: boolean; layout?: LayoutPlacement | undefined }> {
  const io = lines(cli);
  const folder = fs.existsSync(appPath) && fs.statSync(appPath).isDirectory();
  if (!folder) return { app: await load(appPath, io), folder };
  const read = readFolder(appPath, io);
  return { app: read?.app, folder, layout: read?.layout };
}

/**
 * `validate --app <module|folder> [--profile strict|make]`. A module (app/index.ts) is the
 * project's own app, checked strictly by default; a folder is any app in Make's layout, checked
 * with the `make` profile by default: errors fail (exit 1), warnings are printed and do not.
 */
export async function validateCommand(
  options: { appPath: string; profile?: Profile },
  cli: CliIo = processIo(),
): Promise<number> {
  const io = lines(cli);
  const { app, folder, layout } = await loadAnyApp(options.appPath, cli);
  if (app === undefined) return EXIT_USAGE;
  const profile = options.profile ?? (folder ? 'make' : 'strict');
  const { errors, warnings } = checkApp(app, profile, layout);
  if (warnings.length > 0) {
    io.err(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} (profile ${profile}):`);
    for (const issue of warnings) io.err(`  ${formatIssue(issue)}`);
  }
  if (errors.length > 0) {
    reportIssues(errors, io);
    return EXIT_FAILURE;
  }
  const name = (app as App).manifest.name;
  io.out(
    `The app "${name}" is valid${profile === 'strict' ? '' : ` for Make (profile ${profile})`}.`,
  );
  return EXIT_OK;
}

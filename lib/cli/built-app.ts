// Where a command finds the built app, and whether it is older than the sources it was built
// from. `--dist` is resolved from the current folder as given; left at its default it means the
// project's own dist/, from whatever folder the command runs in. A dist/ that a build wrote (it
// holds the build marker) and that is older than a file under app/, modules/ or connections/ is
// refused: a run against it would silently test yesterday's app.
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_MARKER } from '../compile';
import { PROJECT_ROOT } from '../shared';
import { ToolError } from '../shared';

/** A built app older than its sources. */
class StaleBuildError extends ToolError<'STALE_BUILD'> {}

const DEFAULT_DIST = 'dist';
const SOURCE_DIRS = ['app', 'modules', 'connections'];

/** The folder `--dist` names (the project's dist/ when left at its default). */
export function distDir(cwd: string, dist: string): string {
  return dist === DEFAULT_DIST ? path.join(PROJECT_ROOT, DEFAULT_DIST) : path.resolve(cwd, dist);
}

function newestSource(dir: string, found: { file: string; ms: number }): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newestSource(full, found);
    else if (entry.isFile()) {
      const ms = fs.statSync(full).mtimeMs;
      if (ms > found.ms) {
        found.file = full;
        found.ms = ms;
      }
    }
  }
}

/**
 * Throws StaleBuildError when `dir` is a build of this project (its marker present) older than
 * a source file; anything else (another app's folder, no build yet) is left to the loader.
 */
export function assertFreshBuild(dir: string, command: string): void {
  let built: number;
  try {
    built = fs.statSync(path.join(dir, BUILD_MARKER)).mtimeMs;
  } catch {
    return;
  }
  const newest = { file: '', ms: 0 };
  for (const source of SOURCE_DIRS) newestSource(path.join(PROJECT_ROOT, source), newest);
  if (newest.ms > built) {
    throw new StaleBuildError(
      'STALE_BUILD',
      `${path.relative(process.cwd(), dir) || '.'} is older than ${path.relative(PROJECT_ROOT, newest.file)}, ` +
        `changed since the last build: run npm run build (or npm start), then npx hotmart-make ${command} again.`,
    );
  }
}

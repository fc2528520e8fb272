// Which directories a build may replace. A build replaces its output folder whole, so a wrong
// `--dist` must never reach the file system: only an absent path, an empty directory or a previous
// build (it holds the marker below) is ever replaced; everything else is refused with the reason.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Written into every build; its presence is what makes a directory safe to replace. */
export const BUILD_MARKER = '.hotmart-make-build';

export const BUILD_MARKER_TEXT =
  'This folder was written by `hotmart-make build`; the next build replaces it whole.\n';

/** The project's own source folders: never an output, nor anything that contains them. */
export const SOURCE_FOLDERS = [
  'app',
  'modules',
  'connections',
  'lib',
  'test',
  'schemas',
  'scripts',
] as const;

export class OutputDirRefusedError extends Error {
  override readonly name = 'OutputDirRefusedError';
  readonly code = 'OUTPUT_DIR_REFUSED';

  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`refusing to write the build to ${dir}: ${reason}`);
  }
}

export interface OutputDirContext {
  /** The folder the command was started from. */
  cwd: string;
  /** The project root (the folder holding package.json and the source folders). */
  projectRoot: string;
  /** The user's home folder (default: os.homedir()). */
  home?: string;
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Throws OutputDirRefusedError unless `dir` may be replaced by a build. Pure path rules first
 * (they hold even when the path does not exist yet), then what is on disk.
 */
export async function assertReplaceableOutputDir(
  dir: string,
  context: OutputDirContext,
): Promise<void> {
  const target = path.resolve(dir);
  const refuse = (reason: string): never => {
    throw new OutputDirRefusedError(target, reason);
  };
  if (target === path.parse(target).root) refuse('it is the root of the file system');
  const home = path.resolve(context.home ?? os.homedir());
  if (within(home, target)) refuse('it is your home folder or contains it');
  if (within(path.resolve(context.cwd), target)) {
    refuse('it is the current folder or one of its parents');
  }
  const root = path.resolve(context.projectRoot);
  if (within(root, target)) refuse('it is the project root or contains it');
  for (const folder of SOURCE_FOLDERS) {
    const source = path.join(root, folder);
    if (within(target, source) || within(source, target)) {
      refuse(`it is, or is inside, the source folder ${folder}/`);
    }
  }

  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (stat.isSymbolicLink()) refuse('it is a symbolic link; name the real folder');
  if (!stat.isDirectory()) refuse('it is an existing file, not a folder');
  const entries = await fs.readdir(target);
  if (entries.length === 0) return;
  if (entries.includes('.git')) refuse('it is a git repository');
  if (!entries.includes(BUILD_MARKER)) {
    refuse(
      `it is a non-empty folder that is not a previous build (no ${BUILD_MARKER} in it); ` +
        'choose a new or empty folder, or delete this one yourself',
    );
  }
}

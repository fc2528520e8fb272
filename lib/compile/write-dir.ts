// Writing the rendered files: the only part of the compiler that touches the file system.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  assertReplaceableOutputDir,
  BUILD_MARKER,
  BUILD_MARKER_TEXT,
  type OutputDirContext,
} from './output-dir';
import { InternalError, PROJECT_ROOT } from '../shared';

/**
 * Throws OutputDirRefusedError unless a build may replace `outDir`; the context defaults to this
 * process's folder and the project root. The writer checks again when it writes.
 */
export async function checkOutputDir(
  outDir: string,
  context: Partial<OutputDirContext> = {},
): Promise<void> {
  await assertReplaceableOutputDir(path.resolve(outDir), {
    cwd: context.cwd ?? process.cwd(),
    projectRoot: context.projectRoot ?? PROJECT_ROOT,
    ...(context.home !== undefined ? { home: context.home } : {}),
  });
}

/**
 * Replaces `outDir` with exactly `files` plus the build marker, as close to atomically as a file
 * system allows. `outDir` must be absent, empty or a previous build (assertReplaceableOutputDir;
 * the context defaults to this process's folder and this project). Every file is written into a
 * fresh sibling directory first, then the old directory is renamed away, the new one renamed into
 * place and the old one deleted. On any failure `outDir` is as it was and no temporary folder
 * is left behind.
 */
export async function writeDirAtomically(
  outDir: string,
  files: ReadonlyMap<string, string>,
  context: Partial<OutputDirContext> = {},
): Promise<void> {
  const target = path.resolve(outDir);
  await checkOutputDir(target, context);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(target)}.tmp-`));
  const old = `${staging}.old`;
  let swapped = false;
  try {
    for (const [relative, text] of files) {
      const file = path.join(staging, relative);
      if (!file.startsWith(staging + path.sep)) {
        throw new InternalError(`refusing to write outside the output directory: ${relative}`);
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text, 'utf8');
    }
    await fs.writeFile(path.join(staging, BUILD_MARKER), BUILD_MARKER_TEXT, 'utf8');

    const hadOld = await exists(target);
    if (hadOld) await fs.rename(target, old);
    try {
      await fs.rename(staging, target);
      swapped = true;
    } catch (error) {
      if (hadOld) await fs.rename(old, target);
      throw error;
    }
  } finally {
    // Whatever happened, neither temporary folder outlives the call.
    if (!swapped) await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(old, { recursive: true, force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

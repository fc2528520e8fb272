// Writing the rendered files: the only part of the compiler that touches the file system.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Replaces `outDir` with exactly `files`, as close to atomically as a file system allows: every
 * file is written into a fresh sibling directory first, then the old directory is renamed away,
 * the new one renamed into place and the old one deleted. A failure while writing leaves `outDir`
 * untouched; a failure between the two renames puts the old directory back.
 */
export async function writeDirAtomically(
  outDir: string,
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  await fs.mkdir(parent, { recursive: true });
  const staging = await fs.mkdtemp(path.join(parent, `.${path.basename(target)}.tmp-`));
  try {
    for (const [relative, text] of files) {
      const file = path.join(staging, relative);
      if (!file.startsWith(staging + path.sep)) {
        throw new Error(`refusing to write outside the output directory: ${relative}`);
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text, 'utf8');
    }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }

  const old = `${staging}.old`;
  const hadOld = await exists(target);
  if (hadOld) await fs.rename(target, old);
  try {
    await fs.rename(staging, target);
  } catch (error) {
    if (hadOld) await fs.rename(old, target);
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

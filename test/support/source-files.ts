// Every TypeScript source under a folder, for the structure tests that read the code itself.
import fs from 'node:fs';
import path from 'node:path';

/** Absolute paths of the `.ts` files under `dir`, recursively (generated files included). */
export function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

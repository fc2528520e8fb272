// Generated doc pages against the ones on disk: which are missing or stale, which belong to no
// module. `docs` writes or checks them; `new module` writes its new page the same way.
import fs from 'node:fs';
import path from 'node:path';

// The folder is repeated here (lib/docs DOCS_DIR) so `--help` does not load the generator.
export const DOCS_DIR = 'docs/modules';

export interface DocChanges {
  /** Pages (path relative to `root`, text) that are missing or differ on disk. */
  stale: Array<[string, string]>;
  /** Pages on disk that no generated page matches. */
  extra: string[];
}

export function docChanges(root: string, pages: ReadonlyMap<string, string>): DocChanges {
  const dir = path.resolve(root, DOCS_DIR);
  const existing = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((file) => file.endsWith('.md'))
    : [];
  const extra = existing.map((file) => `${DOCS_DIR}/${file}`).filter((file) => !pages.has(file));
  const stale = [...pages].filter(([file, text]) => {
    const full = path.resolve(root, file);
    return !fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== text;
  });
  return { stale, extra };
}

/** Writes the stale pages under `root`. */
export function writePages(root: string, stale: DocChanges['stale']): void {
  fs.mkdirSync(path.resolve(root, DOCS_DIR), { recursive: true });
  for (const [file, text] of stale) fs.writeFileSync(path.resolve(root, file), text);
}

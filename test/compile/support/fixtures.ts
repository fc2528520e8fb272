// Fixture apps shared by the compiler tests, and small file helpers.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import complete from '../../fixtures/apps/complete';
import minimal from '../../fixtures/apps/minimal';
import type { App } from '../../../lib/types';

export const FIXTURE_APPS: ReadonlyArray<[string, App]> = [
  ['complete', complete],
  ['minimal', minimal],
];

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Every file under `dir`, relative path (with `/`) → content, sorted by path. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (current: string): Promise<void> => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        out.set(
          path.relative(dir, full).split(path.sep).join('/'),
          await fs.readFile(full, 'utf8'),
        );
    }
  };
  await walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A deep copy that also survives values JSON cannot hold (for no-mutation checks). */
export function snapshotOf(value: unknown): unknown {
  return structuredClone(value);
}

// The secret-leak check (issue #4 acceptance): after every runtime test, the run logs, errors,
// bundles, connection logs and any files written contain none of the test credentials. Every
// credential carries SECRET_MARK, so one substring search covers them all, in any position.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Connection, MakeError, RunLog } from '../../../lib/runtime';
import { SECRET_MARK } from './app';
import { observed, writtenDirs } from './runtime';

function texts(value: unknown, seen = new Set<unknown>()): string[] {
  if (value === null || value === undefined || seen.has(value)) return [];
  if (typeof value !== 'object') return [String(value)];
  seen.add(value);
  if (value instanceof RunLog) return [JSON.stringify(value)];
  if (value instanceof Connection) return [JSON.stringify(value.log), String(value.metadata ?? '')];
  if (value instanceof Error) {
    const out = [value.message, value.stack ?? '', JSON.stringify(value)];
    if (value instanceof MakeError && value.log) out.push(JSON.stringify(value.log));
    return out;
  }
  if (Array.isArray(value)) return value.flatMap((item) => texts(item, seen));
  return Object.values(value).flatMap((item) => texts(item, seen));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

/** Excerpts around every credential found in `values` (logs, errors, bundles, ...). */
export function findLeaks(values: unknown[]): string[] {
  const leaks: string[] = [];
  for (const text of texts(values)) {
    const at = text.indexOf(SECRET_MARK);
    if (at !== -1) leaks.push(text.slice(Math.max(0, at - 80), at + 40));
  }
  return leaks;
}

/** Registers the check for every test of the calling file. */
export function installLeakCheck(): void {
  afterEach(async () => {
    const leaks = findLeaks(observed.splice(0));
    for (const dir of writtenDirs.splice(0)) {
      for (const file of await filesUnder(dir)) {
        const text = await fs.readFile(file, 'utf8');
        if (text.includes(SECRET_MARK)) leaks.push(`${file}`);
      }
      await fs.rm(dir, { recursive: true, force: true });
    }
    expect(leaks).toEqual([]);
  });
}

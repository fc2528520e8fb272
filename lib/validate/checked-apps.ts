// Validating the whole Hotmart app takes about 0.27 s, paid by every CLI command that loads it
// (`run`, `rpc`, `trigger`, …) although the built app rarely changes between two commands. An
// app that passed is remembered under node_modules/.cache/hotmart-make/checked-apps, by a hash
// of everything the verdict depends on: the profile, the layout kind, every file's content, and
// the validator itself (path, size and modification time of each file under lib/validate and
// schemas/, as bin/cli-bundle.js names its bundle). A changed file misses the cache; an app that
// failed is never remembered, so its errors are always computed. Any cache failure (read-only
// install, a corrupt entry) validates as usual: the cache can only save time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../shared';
import type { Issue } from './issue';
import type { LayoutPlacement } from '../compile';
import { checkApp, type Profile, type ProfiledIssues } from './profiles';

const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'hotmart-make', 'checked-apps');
const VALIDATOR_DIRS = [
  path.join(PROJECT_ROOT, 'lib', 'validate'),
  path.join(PROJECT_ROOT, 'schemas'),
];

/** What a built app's verdict depends on, besides the validator: its files, as read. */
export interface CheckedContent {
  readonly kind: string;
  readonly values: ReadonlyMap<string, unknown>;
}

let validatorHash: string | undefined;

/** Path, size and modification time of every file of the validator and its schemas. */
function validatorVersion(): string {
  if (validatorHash !== undefined) return validatorHash;
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${path.relative(PROJECT_ROOT, full)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  for (const dir of VALIDATOR_DIRS) walk(dir);
  validatorHash = hash.digest('hex');
  return validatorHash;
}

function entryFile(profile: Profile, content: CheckedContent): string {
  const hash = createHash('sha256');
  hash.update(`${validatorVersion()}\n${profile}\n${content.kind}\n`);
  for (const file of [...content.values.keys()].sort()) {
    hash.update(`${file}\0${JSON.stringify(content.values.get(file)) ?? ''}\n`);
  }
  return path.join(CACHE_DIR, `${hash.digest('hex').slice(0, 40)}.json`);
}

function remembered(file: string): Issue[] | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { warnings?: unknown };
    return Array.isArray(saved.warnings) ? (saved.warnings as Issue[]) : undefined;
  } catch {
    return undefined;
  }
}

function remember(file: string, warnings: readonly Issue[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify({ warnings }));
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * checkApp, skipped when the same content passed the same validator before (its warnings are
 * then the remembered ones).
 */
export function checkAppRemembered(
  app: unknown,
  profile: Profile,
  layout: LayoutPlacement,
  content: CheckedContent,
): ProfiledIssues {
  let file: string | undefined;
  try {
    file = entryFile(profile, content);
  } catch {
    return checkApp(app, profile, layout);
  }
  const warnings = remembered(file);
  if (warnings !== undefined) return { errors: [], warnings };
  const result = checkApp(app, profile, layout);
  if (result.errors.length === 0) remember(file, result.warnings);
  return result;
}

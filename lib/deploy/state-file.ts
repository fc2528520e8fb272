// Make generates connection and webhook names (and may generate the app name) on creation. The mapping from
// local names to those remote names is kept in a small, git-ignored file so the next deploy
// updates the same components. It holds names only, never a token. When the file is lost, deploy
// finds the connection again by label and type (see connections.ts).
import fs from 'node:fs';
import { DeployInputError } from './input-error';

interface AppState {
  /** The app's name on Make (normally the manifest name). */
  remoteName: string;
  /** Local connection name → remote connection name. */
  connections: Record<string, string>;
  /** Local webhook name → remote webhook name (absent in files written before webhooks). */
  webhooks?: Record<string, string>;
}

export interface DeployState {
  fileVersion: 1;
  /** Keyed by `<zone>/<manifest name>/<version>`. */
  apps: Record<string, AppState>;
}

function emptyState(): DeployState {
  return { fileVersion: 1, apps: {} };
}

export function stateKey(zone: string, appName: string, version: number): string {
  return `${zone}/${appName}/${version}`;
}

/** Reads the state file; a missing file is an empty state, a corrupt one a clear error. */
export function readState(file: string): DeployState {
  if (!fs.existsSync(file)) return emptyState();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DeployInputError(
      'STATE_INVALID',
      `${file}: not valid JSON (${reason}); delete it and deploy again`,
      {
        cause: error,
      },
    );
  }
  if (!isState(parsed)) {
    throw new DeployInputError(
      'STATE_INVALID',
      `${file}: unexpected content; delete it and deploy again`,
    );
  }
  return parsed;
}

export function writeState(file: string, state: DeployState): void {
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

function isState(value: unknown): value is DeployState {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as { fileVersion?: unknown; apps?: unknown };
  if (candidate.fileVersion !== 1) return false;
  if (candidate.apps === null || typeof candidate.apps !== 'object') return false;
  return Object.values(candidate.apps).every((app: unknown) => {
    if (app === null || typeof app !== 'object') return false;
    const entry = app as { remoteName?: unknown; connections?: unknown; webhooks?: unknown };
    return (
      typeof entry.remoteName === 'string' &&
      isNameMap(entry.connections) &&
      (entry.webhooks === undefined || isNameMap(entry.webhooks))
    );
  });
}

function isNameMap(value: unknown): value is Record<string, string> {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.values(value).every((name) => typeof name === 'string')
  );
}

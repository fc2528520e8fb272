// Deploys a built app (`dist/`) to Make: read local, read remote, plan, then write only what
// differs. `dryRun` stops after planning, so it makes read calls only.
import type { ConnectionMatch } from './connections';
import { executePlan } from './execute';
import { readDist } from './local-app';
import { readDeployManifest } from './manifest';
import { planDeploy, type DeployManifest, type DeployPlan, type PlanItem } from './plan';
import { readRemote, type MakeSdk } from './remote';
import { DeployRemoteError, unexpectedShape } from './remote-error';
import { readState, stateKey, writeState, type DeployState } from './state-file';

export { DeployFailedError } from './execute';
export { DeployRemoteError, guardSdk, redactToken } from './remote-error';
export { formatFailure, formatPlan, summary } from './format';
export { createMakeSdk, DeployConfigError, makeTargetFromEnv, normaliseZone } from './client';
export type { MakeTarget } from './client';
export type { DeployManifest, DeployPlan, PlanAction, PlanItem, Write } from './plan';
export type { MakeSdk } from './remote';
export { readDist } from './local-app';
export { MANIFEST_FILE, readDeployManifest } from './manifest';

export interface DeployOptions {
  /** Folder with makecomapp.json and general/manifest.json (the build output). */
  distDir: string;
  sdk: MakeSdk;
  /** Zone host, part of the state key. */
  zone: string;
  /** The git-ignored file that remembers Make's generated names. */
  statePath: string;
  dryRun?: boolean;
}

export interface DeployResult {
  plan: DeployPlan;
  /** Items written (empty on a dry run). */
  written: PlanItem[];
  dryRun: boolean;
}

export class DeployConflictError extends Error {
  constructor(
    readonly plan: DeployPlan,
    readonly conflicts: PlanItem[],
  ) {
    super(
      `deploy cannot proceed:\n${conflicts
        .map((item) => `  ${item.target}: ${item.detail ?? 'conflict'}`)
        .join('\n')}`,
    );
    this.name = 'DeployConflictError';
  }
}

export async function deploy(options: DeployOptions): Promise<DeployResult> {
  const { sdk } = options;
  const local = readDist(options.distDir);
  const manifest: DeployManifest = readDeployManifest(options.distDir);
  const state = readState(options.statePath);
  const key = stateKey(options.zone, manifest.name, manifest.version);
  const remembered = state.apps[key];
  const appName = remembered?.remoteName ?? manifest.name;
  const known = remembered?.connections ?? {};
  const knownWebhooks = remembered?.webhooks ?? {};

  let remote;
  try {
    remote = await readRemote(sdk, local, appName, manifest.version, known, knownWebhooks);
  } catch (error) {
    // A typed remote error passes as it is; anything else (a TypeError from a field that is not
    // where Make's API puts it) comes from an answer of an unexpected shape.
    if (error instanceof DeployRemoteError) throw error;
    throw unexpectedShape(error instanceof Error ? error.message : String(error));
  }
  const plan = planDeploy(local, manifest, remote, appName);
  const conflicts = plan.items.filter((item) => item.action === 'conflict');
  if (conflicts.length > 0) throw new DeployConflictError(plan, conflicts);
  if (options.dryRun) return { plan, written: [], dryRun: true };

  const connections = pairedNames(remote.connections);
  const webhooks = pairedNames(remote.webhooks);
  const next: DeployState = {
    ...state,
    apps: { ...state.apps, [key]: { remoteName: appName, connections: {} } },
  };
  const save = (): void => {
    const entry = next.apps[key];
    if (entry) {
      entry.connections = Object.fromEntries(connections);
      if (webhooks.size > 0) entry.webhooks = Object.fromEntries(webhooks);
    }
    writeState(options.statePath, next);
  };
  // Pairings found by label are saved too, so the next run does not depend on labels.
  if (
    remote.app !== null &&
    (!sameMapping(known, connections) || !sameMapping(knownWebhooks, webhooks))
  ) {
    save();
  }

  const written = await executePlan(plan, {
    sdk,
    connections,
    webhooks,
    onRemoteName: (change) => {
      const entry = next.apps[key];
      if (entry && 'app' in change) entry.remoteName = change.app;
      save();
    },
  });
  return { plan, written, dryRun: false };
}

/** Local name → remote name of the components already paired with one on Make. */
function pairedNames(matches: readonly ConnectionMatch[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const match of matches) {
    if ('remote' in match && match.remote !== null) names.set(match.local, match.remote.name);
  }
  return names;
}

function sameMapping(a: Record<string, string>, b: Map<string, string>): boolean {
  return Object.keys(a).length === b.size && [...b].every(([k, v]) => a[k] === v);
}

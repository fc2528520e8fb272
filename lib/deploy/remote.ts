// Reads what Make currently holds for the app: metadata, component lists and every section the
// local app also has. Reads are sequential on purpose: the Make API is rate limited and a fixed
// order keeps the run reproducible.
import { DeployRemoteError } from './remote-error';
import { MakeError } from '@makehq/sdk';
import type { ConnectionMatch, RemoteConnection } from './connections';
import type { LocalApp } from './local-app';
import { matchConnections } from './connections';

import type { MakeSdk } from './sdk';

export type { MakeSdk };

interface RemoteApp {
  name: string;
  version: number;
  label: string;
  description: string;
  theme: string;
  language: string;
  global?: boolean;
}

interface RemoteModule {
  name: string;
  label: string;
  description: string;
  typeId: number;
  crud: string | null;
  connection: string | null;
  altConnection: string | null;
  /** The remote webhook name an instant trigger listens on. */
  webhook?: string | null;
}

interface RemoteRpc {
  name: string;
  label: string;
  connection: string | null;
  altConnection: string | null;
}

export interface RemoteSnapshot {
  app: RemoteApp | null;
  connections: ConnectionMatch[];
  modules: Map<string, RemoteModule>;
  rpcs: Map<string, RemoteRpc>;
  /** Each local webhook paired with Make's (Make names webhooks itself, like connections). */
  webhooks: ConnectionMatch[];
  /** Keys: `app:base`, `app:readme`, `connection:<local>:<section>`, `module:<name>:<section>`… */
  sections: Map<string, unknown>;
}

function isNotFound(error: unknown): boolean {
  return (
    (error instanceof MakeError || error instanceof DeployRemoteError) && error.statusCode === 404
  );
}

export async function readRemote(
  sdk: MakeSdk,
  local: LocalApp,
  appName: string,
  version: number,
  knownConnections: Record<string, string>,
  knownWebhooks: Record<string, string> = {},
): Promise<RemoteSnapshot> {
  const sections = new Map<string, unknown>();
  let app: RemoteApp | null;
  try {
    app = (await sdk.apps.get(appName, version)) as RemoteApp;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    app = null;
  }
  if (app === null) {
    // Nothing can exist under a missing app: every component will be created.
    return {
      app,
      connections: local.connections.map((c) => ({ local: c.name, remote: null })),
      modules: new Map(),
      rpcs: new Map(),
      webhooks: local.webhooks.map((w) => ({ local: w.name, remote: null })),
      sections,
    };
  }

  const remoteConnections = (await sdk.connections.list(appName)) as RemoteConnection[];
  const remoteModules = (await sdk.modules.list(appName, version)) as RemoteModule[];
  const remoteRpcs =
    local.rpcs.length > 0 ? ((await sdk.rpcs.list(appName, version)) as RemoteRpc[]) : [];
  const connections = matchConnections(local.connections, remoteConnections, knownConnections);
  const remoteWebhooks =
    local.webhooks.length > 0 ? ((await sdk.webhooks.list(appName)) as RemoteConnection[]) : [];
  const webhooks = matchConnections(local.webhooks, remoteWebhooks, knownWebhooks, 'webhook');

  if (local.base) sections.set('app:base', await sdk.apps.getSection(appName, version, 'base'));
  if (local.common) sections.set('app:common', await sdk.apps.getCommon(appName, version));
  for (const match of connections) {
    if (!('remote' in match) || match.remote === null) continue;
    const localConnection = local.connections.find((c) => c.name === match.local);
    for (const section of localConnection?.sections ?? []) {
      sections.set(
        `connection:${match.local}:${section.section}`,
        await sdk.connections.getSection(match.remote.name, section.section),
      );
    }
    if (localConnection?.common) {
      sections.set(
        `connection:${match.local}:common`,
        await sdk.connections.getCommon(match.remote.name),
      );
    }
  }
  const rpcs = new Map(remoteRpcs.map((rpc) => [rpc.name, rpc]));
  for (const rpc of local.rpcs) {
    if (!rpcs.has(rpc.name)) continue;
    for (const section of rpc.sections) {
      sections.set(
        `rpc:${rpc.name}:${section.section}`,
        await sdk.rpcs.getSection(appName, version, rpc.name, section.section),
      );
    }
  }
  for (const match of webhooks) {
    if (!('remote' in match) || match.remote === null) continue;
    const localWebhook = local.webhooks.find((w) => w.name === match.local);
    for (const section of localWebhook?.sections ?? []) {
      sections.set(
        `webhook:${match.local}:${section.section}`,
        await sdk.webhooks.getSection(match.remote.name, section.section),
      );
    }
  }
  const modules = new Map(remoteModules.map((module) => [module.name, module]));
  for (const module of local.modules) {
    const remote = modules.get(module.name);
    // A module whose type differs is a conflict: reading its sections would be wasted calls.
    if (!remote || remote.typeId !== module.typeId) continue;
    for (const section of module.sections) {
      sections.set(
        `module:${module.name}:${section.section}`,
        await sdk.modules.getSection(appName, version, module.name, section.section),
      );
    }
  }
  if (local.groups) {
    sections.set('app:groups', await sdk.apps.getSection(appName, version, 'groups'));
  }
  if (local.readme) sections.set('app:readme', await sdk.apps.getDocs(appName, version));
  return { app, connections, modules, rpcs, webhooks, sections };
}

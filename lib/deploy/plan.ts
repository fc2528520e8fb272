// Pure planning: given the local app and what Make holds, list every item with its action
// (create / update / unchanged / conflict) and, for writes, the call to make. Execution and
// dry-run share this plan, so a dry-run shows exactly what a deploy would do.
import type {
  CreateSDKAppBody,
  SDKConnectionSectionType,
  SDKModuleSectionType,
  SDKRPCSectionType,
  SDKWebhookSectionType,
  UpdateSDKAppBody,
} from '@makehq/sdk';
import { normaliseRemoteSection, normaliseText } from './canonical';
import type {
  LocalApp,
  LocalCommon,
  LocalModule,
  LocalRpc,
  LocalSection,
  LocalWebhook,
} from './local-app';
import type { ConnectionMatch } from './connections';
import type { RemoteSnapshot } from './remote';
import { moduleTypeName } from './sections';

/** App metadata from the source model's manifest (makecomapp.json does not carry it). */
export interface DeployManifest {
  name: string;
  version: number;
  label: string;
  description: string;
  theme: string;
  language: string;
  audience: string;
}

interface ComponentMetadata {
  label: string;
  /** Local connection names; the executor swaps in the remote names. */
  connection: string | null;
  altConnection: string | null;
}

export type Write =
  | { kind: 'app.create'; body: CreateSDKAppBody }
  | { kind: 'app.update'; body: UpdateSDKAppBody }
  | { kind: 'app.section'; section: 'base' | 'groups'; text: string }
  | { kind: 'app.docs'; text: string }
  | { kind: 'app.common'; value: Record<string, unknown> }
  | { kind: 'connection.create'; local: string; body: { type: string; label: string } }
  | { kind: 'connection.update'; local: string; body: { label: string } }
  | { kind: 'connection.section'; local: string; section: SDKConnectionSectionType; text: string }
  | { kind: 'connection.common'; local: string; value: Record<string, unknown> }
  | { kind: 'rpc.create'; name: string; body: { name: string; label: string } }
  | { kind: 'rpc.update'; name: string; metadata: ComponentMetadata }
  | { kind: 'rpc.section'; name: string; section: SDKRPCSectionType; text: string }
  | { kind: 'webhook.create'; local: string; body: { type: string; label: string } }
  | { kind: 'webhook.update'; local: string; body: { label: string } }
  | { kind: 'webhook.section'; local: string; section: SDKWebhookSectionType; text: string }
  | {
      kind: 'module.create';
      name: string;
      body: { name: string; typeId: number; label: string; description: string; subtype?: string };
    }
  | {
      kind: 'module.update';
      name: string;
      metadata: ComponentMetadata & {
        description: string;
        crud: string | null;
        /** Local webhook name; the executor swaps in the remote name. */
        webhook: string | null;
      };
    }
  | { kind: 'module.section'; name: string; section: SDKModuleSectionType; text: string };

export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict';

export interface PlanItem {
  /** `app`, `connection hotmart`, `module listSubscriptions`, … */
  target: string;
  /** `metadata`, or a Make section name (`api`, `expect`, `readme`, …). */
  part: string;
  action: PlanAction;
  /** Why: the fields that differ, or the conflict explained. */
  detail?: string;
  write?: Write;
}

export interface DeployPlan {
  appName: string;
  version: number;
  items: PlanItem[];
}

export function planDeploy(
  local: LocalApp,
  manifest: DeployManifest,
  remote: RemoteSnapshot,
  appName: string,
): DeployPlan {
  const items: PlanItem[] = [];
  const creatingApp = remote.app === null;

  items.push(planAppMetadata(manifest, remote));

  const remoteConnectionName = new Map<string, string | null>();
  for (const match of remote.connections) {
    const target = `connection ${match.local}`;
    const connection = local.connections.find((c) => c.name === match.local);
    if (!connection) continue;
    if ('conflict' in match) {
      items.push({ target, part: 'metadata', action: 'conflict', detail: match.conflict });
      continue;
    }
    remoteConnectionName.set(match.local, match.remote?.name ?? null);
    items.push(
      namedComponentItem(
        target,
        match.remote,
        connection.label,
        {
          kind: 'connection.create',
          local: match.local,
          body: { type: connection.type, label: connection.label },
        },
        { kind: 'connection.update', local: match.local, body: { label: connection.label } },
      ),
    );
    const creating = match.remote === null;
    items.push(
      ...sectionItems(
        target,
        connection.sections,
        remote,
        `connection:${match.local}`,
        creating,
        (section, text) => ({ kind: 'connection.section', local: match.local, section, text }),
      ),
    );
    if (connection.common) {
      items.push(
        commonItem(target, connection.common, remote, `connection:${match.local}`, creating, {
          kind: 'connection.common',
          local: match.local,
          value: connection.common.value,
        }),
      );
    }
  }

  if (local.base) {
    items.push(
      sectionItem('app', local.base, remote, 'app', creatingApp, (text) => ({
        kind: 'app.section',
        section: 'base',
        text,
      })),
    );
  }
  if (local.common) {
    items.push(
      commonItem('app', local.common, remote, 'app', creatingApp, {
        kind: 'app.common',
        value: local.common.value,
      }),
    );
  }

  const knownConnections = new Set(local.connections.map((c) => c.name));
  for (const rpc of local.rpcs) items.push(...planRpc(rpc, remote, remoteConnectionName));
  // Make's order: webhooks before the modules that listen on them (make-app-format §15.1).
  const remoteWebhookName = new Map<string, string | null>();
  for (const match of remote.webhooks) {
    const webhook = local.webhooks.find((w) => w.name === match.local);
    if (!webhook) continue;
    if ('remote' in match) remoteWebhookName.set(match.local, match.remote?.name ?? null);
    items.push(...planWebhook(webhook, match, remote));
  }
  for (const module of local.modules) {
    items.push(
      ...planModule(module, remote, remoteConnectionName, knownConnections, remoteWebhookName),
    );
  }

  if (local.groups) {
    items.push(
      sectionItem('app', local.groups, remote, 'app', creatingApp, (text) => ({
        kind: 'app.section',
        section: 'groups',
        text,
      })),
    );
  }
  if (local.readme) {
    const same =
      !creatingApp &&
      remote.sections.has('app:readme') &&
      normaliseText(remote.sections.get('app:readme')) === local.readme.normalised;
    items.push({
      target: 'app',
      part: 'readme',
      action: same ? 'unchanged' : creatingApp ? 'create' : 'update',
      ...(same ? {} : { write: { kind: 'app.docs', text: local.readme.text } as Write }),
    });
  }
  return { appName, version: manifest.version, items };
}

function planAppMetadata(manifest: DeployManifest, remote: RemoteSnapshot): PlanItem {
  if (remote.app === null) {
    if (manifest.version !== 1) {
      return {
        target: 'app',
        part: 'metadata',
        action: 'conflict',
        detail:
          `version ${manifest.version} of app "${manifest.name}" does not exist on Make; ` +
          'Make creates new apps as version 1, later versions are created in Make itself',
      };
    }
    return {
      target: 'app',
      part: 'metadata',
      action: 'create',
      write: {
        kind: 'app.create',
        body: {
          name: manifest.name,
          label: manifest.label,
          description: manifest.description,
          theme: manifest.theme,
          language: manifest.language,
          audience: manifest.audience,
        },
      },
    };
  }
  const app = remote.app;
  const differs: string[] = [];
  if (app.label !== manifest.label) differs.push('label');
  if ((app.description ?? '') !== manifest.description) differs.push('description');
  if ((app.theme ?? '').toLowerCase() !== manifest.theme.toLowerCase()) differs.push('theme');
  if (app.language !== manifest.language) differs.push('language');
  // Make reports the audience as a `global` flag; only compare when it is present.
  if (typeof app.global === 'boolean' && app.global !== (manifest.audience === 'global')) {
    differs.push('audience');
  }
  if (differs.length === 0) return { target: 'app', part: 'metadata', action: 'unchanged' };
  return {
    target: 'app',
    part: 'metadata',
    action: 'update',
    detail: differs.join(', '),
    write: {
      kind: 'app.update',
      body: {
        label: manifest.label,
        description: manifest.description,
        theme: manifest.theme,
        language: manifest.language,
        audience: manifest.audience,
      },
    },
  };
}

function planRpc(
  rpc: LocalRpc,
  remote: RemoteSnapshot,
  connections: Map<string, string | null>,
): PlanItem[] {
  const target = `rpc ${rpc.name}`;
  const existing = remote.rpcs.get(rpc.name);
  const items: PlanItem[] = [];
  const metadata: ComponentMetadata = {
    label: rpc.label,
    connection: rpc.connection,
    altConnection: rpc.altConnection,
  };
  if (!existing) {
    items.push({
      target,
      part: 'metadata',
      action: 'create',
      write: { kind: 'rpc.create', name: rpc.name, body: { name: rpc.name, label: rpc.label } },
    });
    if (rpc.connection !== null || rpc.altConnection !== null) {
      items.push({
        target,
        part: 'connection',
        action: 'create',
        write: { kind: 'rpc.update', name: rpc.name, metadata },
      });
    }
  } else {
    const differs = metadataDiff(metadata, existing, connections);
    items.push(metadataItem(target, differs, { kind: 'rpc.update', name: rpc.name, metadata }));
  }
  items.push(
    ...sectionItems(
      target,
      rpc.sections,
      remote,
      `rpc:${rpc.name}`,
      !existing,
      (section, text) => ({ kind: 'rpc.section', name: rpc.name, section, text }),
    ),
  );
  return items;
}

/**
 * The metadata item of a component Make names itself (a connection, a webhook): create it when
 * Make has none, update its label when that differs, otherwise unchanged (naming the remote).
 */
function namedComponentItem(
  target: string,
  remote: { name: string; label: string } | null,
  label: string,
  create: Write,
  update: Write,
): PlanItem {
  if (remote === null) return { target, part: 'metadata', action: 'create', write: create };
  if (remote.label !== label) {
    return {
      target,
      part: 'metadata',
      action: 'update',
      detail: `label (remote name ${remote.name})`,
      write: update,
    };
  }
  return { target, part: 'metadata', action: 'unchanged', detail: `remote name ${remote.name}` };
}

function planWebhook(
  webhook: LocalWebhook,
  match: ConnectionMatch,
  remote: RemoteSnapshot,
): PlanItem[] {
  const target = `webhook ${webhook.name}`;
  if ('conflict' in match) {
    return [{ target, part: 'metadata', action: 'conflict', detail: match.conflict }];
  }
  if (webhook.connection !== null || webhook.altConnection !== null) {
    // Make's API creates a webhook from its type and label and updates only its label.
    return [
      {
        target,
        part: 'metadata',
        action: 'conflict',
        detail: `uses connection "${webhook.connection ?? webhook.altConnection ?? ''}"; deploying a webhook's connection is not supported (set it in Make)`,
      },
    ];
  }
  const items: PlanItem[] = [
    namedComponentItem(
      target,
      match.remote,
      webhook.label,
      {
        kind: 'webhook.create',
        local: webhook.name,
        body: { type: webhook.type, label: webhook.label },
      },
      { kind: 'webhook.update', local: webhook.name, body: { label: webhook.label } },
    ),
  ];
  items.push(
    ...sectionItems(
      target,
      webhook.sections,
      remote,
      `webhook:${webhook.name}`,
      match.remote === null,
      (section, text) => ({ kind: 'webhook.section', local: webhook.name, section, text }),
    ),
  );
  return items;
}

function planModule(
  module: LocalModule,
  remote: RemoteSnapshot,
  connections: Map<string, string | null>,
  knownConnections: Set<string>,
  webhooks: Map<string, string | null>,
): PlanItem[] {
  const target = `module ${module.name}`;
  for (const used of [module.connection, module.altConnection]) {
    if (used !== null && !knownConnections.has(used)) {
      return [
        {
          target,
          part: 'metadata',
          action: 'conflict',
          detail: `uses connection "${used}", which the app does not define`,
        },
      ];
    }
  }
  if (module.webhook !== null && !webhooks.has(module.webhook)) {
    return [
      {
        target,
        part: 'metadata',
        action: 'conflict',
        detail: `listens on webhook "${module.webhook}", which the app does not define`,
      },
    ];
  }
  const existing = remote.modules.get(module.name);
  if (existing && existing.typeId !== module.typeId) {
    return [
      {
        target,
        part: 'metadata',
        action: 'conflict',
        detail:
          `is a ${moduleTypeName(existing.typeId)} on Make but a ${module.moduleType} locally; ` +
          "Make cannot change a module's type: delete the module on Make (or give the local " +
          'module a new name) and deploy again',
      },
    ];
  }
  const metadata = {
    label: module.label,
    description: module.description,
    crud: module.crud,
    connection: module.connection,
    altConnection: module.altConnection,
    webhook: module.webhook,
  };
  const items: PlanItem[] = [];
  if (!existing) {
    items.push({
      target,
      part: 'metadata',
      action: 'create',
      write: {
        kind: 'module.create',
        name: module.name,
        body: {
          name: module.name,
          typeId: module.typeId,
          label: module.label,
          description: module.description,
          // Make's editor sends the REST subtype for universal modules (make-app-format §4.1).
          ...(module.moduleType === 'universal' ? { subtype: 'Universal' } : {}),
        },
      },
    });
    // Create only takes name, type, label and description; the rest is a metadata update.
    if (
      module.connection !== null ||
      module.altConnection !== null ||
      module.crud !== null ||
      module.webhook !== null
    ) {
      items.push({
        target,
        part: 'connection',
        action: 'create',
        write: { kind: 'module.update', name: module.name, metadata },
      });
    }
  } else {
    const differs = metadataDiff(metadata, existing, connections);
    if (existing.description !== module.description) differs.push('description');
    if ((existing.crud ?? null) !== module.crud) differs.push('crud');
    if (module.webhook !== null) {
      // A webhook about to be created has no remote name yet: always an update.
      const wanted = webhooks.get(module.webhook) ?? null;
      if (wanted === null || (existing.webhook ?? null) !== wanted) differs.push('webhook');
    }
    items.push(
      metadataItem(target, differs, { kind: 'module.update', name: module.name, metadata }),
    );
  }
  items.push(
    ...sectionItems(
      target,
      module.sections,
      remote,
      `module:${module.name}`,
      !existing,
      (section, text) => ({ kind: 'module.section', name: module.name, section, text }),
    ),
  );
  return items;
}

function metadataDiff(
  local: ComponentMetadata,
  remote: { label: string; connection: string | null; altConnection: string | null },
  connections: Map<string, string | null>,
): string[] {
  const differs: string[] = [];
  if (remote.label !== local.label) differs.push('label');
  const wanted = (name: string | null): string | null =>
    name === null ? null : (connections.get(name) ?? null);
  // A connection that is about to be created has no remote name yet: always an update.
  const pendingConnection = (name: string | null): boolean =>
    name !== null && wanted(name) === null;
  if (
    pendingConnection(local.connection) ||
    (remote.connection ?? null) !== wanted(local.connection)
  ) {
    differs.push('connection');
  }
  if (
    pendingConnection(local.altConnection) ||
    (remote.altConnection ?? null) !== wanted(local.altConnection)
  ) {
    differs.push('altConnection');
  }
  return differs;
}

/**
 * The metadata item of a component Make already holds: unchanged, or an update naming the fields
 * that differ. RPCs and modules compare different fields but report them the same way.
 */
function metadataItem(target: string, differs: readonly string[], write: Write): PlanItem {
  return differs.length === 0
    ? { target, part: 'metadata', action: 'unchanged' }
    : { target, part: 'metadata', action: 'update', detail: differs.join(', '), write };
}

/** One item per section of a component; `write` builds the call that stores one section. */
function sectionItems<S extends string>(
  target: string,
  sections: readonly LocalSection<S>[],
  remote: RemoteSnapshot,
  keyPrefix: string,
  creating: boolean,
  write: (section: S, text: string) => Write,
): PlanItem[] {
  return sections.map((section) =>
    sectionItem(target, section, remote, keyPrefix, creating, (text) =>
      write(section.section, text),
    ),
  );
}

function sectionItem<S extends string>(
  target: string,
  section: LocalSection<S>,
  remote: RemoteSnapshot,
  keyPrefix: string,
  creating: boolean,
  write: (text: string) => Write,
): PlanItem {
  const key = `${keyPrefix}:${section.section}`;
  if (!creating && remote.sections.has(key)) {
    if (normaliseRemoteSection(remote.sections.get(key)) === section.normalised) {
      return { target, part: section.section, action: 'unchanged' };
    }
    return { target, part: section.section, action: 'update', write: write(section.text) };
  }
  return {
    target,
    part: section.section,
    action: creating ? 'create' : 'update',
    write: write(section.text),
  };
}

function commonItem(
  target: string,
  common: LocalCommon,
  remote: RemoteSnapshot,
  keyPrefix: string,
  creating: boolean,
  write: Write,
): PlanItem {
  const key = `${keyPrefix}:common`;
  if (!creating && normaliseRemoteSection(remote.sections.get(key)) === common.normalised) {
    return { target, part: 'common', action: 'unchanged' };
  }
  return { target, part: 'common', action: creating ? 'create' : 'update', write };
}

// Builds the `makecomapp.json` manifest (VSX `makecomapp.types.ts` / `makecomapp.schema.json`).
import type { App } from '../types';
import { codesOf, componentFile, folderIds, GENERAL_FILES, type ComponentKind } from './layout';
import type { Json } from './json';

type CodeFiles = Record<string, string | null>;

/**
 * `codeFiles` of one component: a path for every code the source has, `null` for an optional
 * code explicitly set to `null` (Make's "excluded from local development"), nothing when absent.
 */
function codeFilesOf(
  kind: ComponentKind,
  component: Record<string, unknown>,
  name: string,
  folder: string | undefined,
  connectionType?: unknown,
): CodeFiles {
  const files: CodeFiles = {};
  for (const def of codesOf(kind, connectionType)) {
    const value = component[def.key];
    if (def.optional && value === undefined) continue;
    files[def.code] =
      def.optional && value === null ? null : componentFile(kind, name, def.suffix, folder);
  }
  return files;
}

/** The components of one kind in the source model (functions may be absent). */
export function componentsOf(app: App, kind: ComponentKind): ReadonlyArray<{ name: string }> {
  if (kind === 'connection') return app.connections;
  if (kind === 'module') return app.modules;
  if (kind === 'rpc') return app.rpcs;
  if (kind === 'webhook') return app.webhooks ?? [];
  return app.functions ?? [];
}

/**
 * One component's entry in `makecomapp.json`, its code files at the default paths (in `folder`
 * when given, see folderIds).
 */
export function componentEntry(
  kind: ComponentKind,
  component: { name: string },
  folder?: string,
): Json {
  const c = component as Record<string, unknown> & { name: string };
  if (kind === 'connection') {
    return {
      label: c.label as string,
      connectionType: c.type as string,
      codeFiles: codeFilesOf('connection', c, c.name, folder, c.type),
    };
  }
  if (kind === 'module') {
    return {
      label: c.label as string,
      description: c.description as string,
      moduleType: c.type as string,
      // Make uses `crud` for actions; a module without one carries an explicit null (a search
      // that has one, as some apps Make accepts do, keeps it).
      actionCrud: (c.crud as string | undefined) ?? null,
      connection: c.connection as string | null,
      // Written only when the source sets it, so appFromFiles gives back exactly the source.
      ...(c.altConnection !== undefined ? { altConnection: c.altConnection as string | null } : {}),
      ...(typeof c.webhook === 'string' ? { webhook: c.webhook } : {}),
      codeFiles: codeFilesOf('module', c, c.name, folder),
    };
  }
  if (kind === 'rpc') {
    const alt = c.altConnection;
    return {
      label: c.label as string,
      connection: c.connection as string | null,
      ...(typeof alt === 'string' || alt === null ? { altConnection: alt } : {}),
      codeFiles: codeFilesOf('rpc', c, c.name, folder),
    };
  }
  if (kind === 'webhook') {
    return {
      label: c.label as string,
      webhookType: c.type as string,
      connection: c.connection as string | null,
      ...(c.altConnection !== undefined ? { altConnection: c.altConnection as string | null } : {}),
      codeFiles: codeFilesOf('webhook', c, c.name, folder),
    };
  }
  return { codeFiles: codeFilesOf('function', c, c.name, folder) };
}

function group(app: App, kind: ComponentKind): Record<string, Json> {
  const out: Record<string, Json> = {};
  const list = componentsOf(app, kind);
  const folders = folderIds(list.map((component) => component.name));
  for (const component of list) {
    out[component.name] = componentEntry(kind, component, folders.get(component.name));
  }
  return out;
}

export function buildMakecomapp(app: App): Json {
  return {
    fileVersion: 1,
    generalCodeFiles: {
      base: GENERAL_FILES.base,
      common: app.common === null ? null : GENERAL_FILES.common,
      readme: GENERAL_FILES.readme,
      groups: GENERAL_FILES.groups,
    },
    // Make's schema requires every component group, `endpoint` included, even when empty.
    components: {
      connection: group(app, 'connection'),
      module: group(app, 'module'),
      rpc: group(app, 'rpc'),
      function: group(app, 'function'),
      webhook: group(app, 'webhook'),
      endpoint: {},
    },
    // Origins name a Make account to deploy to; the build knows none (deploy adds its own).
    origins: [],
  };
}

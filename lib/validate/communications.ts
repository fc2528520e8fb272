// Where the app's communications are, and what each one can see: the scopes the reference and
// sanitize rules check against.
import { isPlainObject } from '../shared';
import type { App, Loose, ModuleSpec } from '../types';
import type { SourcePath } from './constraint';
import { declaredNames } from './parameters';
import { requestsOf, walkStrings } from './walk';

type SiteKind = 'base' | 'connection' | 'module' | 'rpc' | 'webhook';

export interface CommunicationSite {
  kind: SiteKind;
  /** Index in `app.connections` / `app.modules` / `app.rpcs` / `app.webhooks`; -1 for the base. */
  index: number;
  /** Its requests are merged with the base (modules, RPCs, a webhook's attach/detach/update). */
  inheritsBase: boolean;
  /** Path of the communication (or epoch) in the source model. */
  path: SourcePath;
  value: unknown;
}

export interface KeySet {
  keys: Set<string>;
  /** The full set is only known at run time (a `{{...}}` spread or a whole-object template). */
  open: boolean;
}

const OAUTH_SECTIONS = ['preauthorize', 'authorize', 'token', 'info', 'refresh', 'invalidate'];

export function communicationSites(app: App): CommunicationSite[] {
  const sites: CommunicationSite[] = [
    { kind: 'base', index: -1, path: ['base'], value: app.base, inheritsBase: false },
  ];
  app.connections.forEach((c, i) => {
    sites.push({
      kind: 'connection',
      index: i,
      path: ['connections', i, 'communication'],
      value: c.communication,
      inheritsBase: false,
    });
  });
  app.modules.forEach((m, i) => {
    sites.push({
      kind: 'module',
      index: i,
      path: ['modules', i, 'communication'],
      value: m.communication,
      inheritsBase: true,
    });
    const epoch = (m as Loose<ModuleSpec>).epoch;
    if (epoch !== undefined) {
      sites.push({
        kind: 'module',
        index: i,
        path: ['modules', i, 'epoch'],
        value: epoch,
        inheritsBase: true,
      });
    }
  });
  app.rpcs.forEach((r, i) => {
    sites.push({
      kind: 'rpc',
      index: i,
      path: ['rpcs', i, 'communication'],
      value: r.communication,
      inheritsBase: true,
    });
  });
  // A webhook's communication handles incoming calls (no request, no base); attach, detach and
  // update are requests to the service, merged with the base like a module's.
  (app.webhooks ?? []).forEach((w, i) => {
    for (const section of ['communication', 'attach', 'detach', 'update'] as const) {
      const value = w[section];
      if (value === undefined) continue;
      sites.push({
        kind: 'webhook',
        index: i,
        path: ['webhooks', i, section],
        value,
        inheritsBase: section !== 'communication',
      });
    }
  });
  return sites;
}

/**
 * The request objects of a communication with their paths: the request, each item of an array,
 * or each section of an OAuth communication (`token`, `info`, `refresh`, ...).
 */
export function requestsOfSite(
  app: App,
  site: CommunicationSite,
): Array<[Record<string, unknown>, SourcePath]> {
  const connection = site.kind === 'connection' ? app.connections[site.index] : undefined;
  const pairs: Array<[unknown, SourcePath]> =
    connection?.type === 'oauth' && isPlainObject(site.value)
      ? OAUTH_SECTIONS.filter((s) => isPlainObject(site.value) && site.value[s] !== undefined).map(
          (s) => [(site.value as Record<string, unknown>)[s], [...site.path, s]],
        )
      : requestsOf(site.value, site.path);
  return pairs.filter((pair): pair is [Record<string, unknown>, SourcePath] =>
    isPlainObject(pair[0]),
  );
}

/** The component a site belongs to, for its connection names (none for the base or a connection). */
export function componentOf(
  app: App,
  site: CommunicationSite,
): { connection?: unknown; altConnection?: unknown } | undefined {
  if (site.kind === 'module') return app.modules[site.index];
  if (site.kind === 'rpc') return app.rpcs[site.index];
  if (site.kind === 'webhook') return app.webhooks?.[site.index];
  return undefined;
}

/** Adds the keys of an IML object (`temp`, `response.data`) to a key set. */
function addObjectKeys(value: unknown, into: KeySet): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    into.open = true;
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === '{{...}}') into.open = true;
    else into.keys.add(key);
  }
}

/** Keys set by `temp` directives (request level and `response.temp`) in the given sites. */
export function tempKeys(app: App, sites: CommunicationSite[]): KeySet {
  const set: KeySet = { keys: new Set(), open: false };
  for (const site of sites) {
    for (const [request] of requestsOfSite(app, site)) {
      addObjectKeys(request.temp, set);
      if (isPlainObject(request.response)) addObjectKeys(request.response.temp, set);
    }
  }
  return set;
}

/** Keys a connection stores with `response.data` in any of its requests. */
export function storedDataKeys(app: App, connectionIndex: number): KeySet {
  const set: KeySet = { keys: new Set(), open: false };
  const site = communicationSites(app).find(
    (s) => s.kind === 'connection' && s.index === connectionIndex,
  );
  if (site === undefined) return set;
  for (const [request] of requestsOfSite(app, site)) {
    if (isPlainObject(request.response)) addObjectKeys(request.response.data, set);
  }
  return set;
}

/** `connection.*` as modules, RPCs and the base see it: parameters and stored data, merged. */
export function connectionKeys(app: App, connectionIndex: number): KeySet {
  const connection = app.connections[connectionIndex];
  const params = declaredNames(connection?.parameters);
  const data = storedDataKeys(app, connectionIndex);
  return { keys: new Set([...params.names, ...data.keys]), open: params.open || data.open };
}

/** Index of the connection with this id, or -1. */
export function connectionIndex(app: App, name: unknown): number {
  return typeof name === 'string' ? app.connections.findIndex((c) => c.name === name) : -1;
}

/** True when some parameter (or option/nested field) of `value` references `rpc://<name>`. */
export function referencesRpc(value: unknown, name: string): boolean {
  const pattern = new RegExp(`rpc://${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z])`);
  let found = false;
  walkStrings(value, [], (text) => {
    if (!found && pattern.test(text)) found = true;
  });
  return found;
}

export function unionKeySets(sets: KeySet[]): KeySet {
  const out: KeySet = { keys: new Set(), open: false };
  for (const set of sets) {
    for (const key of set.keys) out.keys.add(key);
    out.open ||= set.open;
  }
  return out;
}

/** Calls `visit` with every template string (one holding `{{`) of every communication. */
export function eachTemplate(app: App, visit: (text: string, path: SourcePath) => void): void {
  for (const site of communicationSites(app)) {
    walkStrings(site.value, site.path, (text, path) => {
      if (text.includes('{{')) visit(text, path);
    });
  }
}

/** The names templates may call besides the built-ins: the app's custom functions. */
export function customFunctionNames(app: App): string[] {
  return (app.functions ?? []).map((fn) => fn.name);
}

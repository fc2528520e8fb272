// Make writes every request to the scenario log unless `log.sanitize` masks it. A request that
// carries a secret in a header, query string or body must sanitize exactly that location.
//
// Secrets (see lib/validate/README.md, "sanitize rule"):
// - a connection's `password` parameters;
// - keys a connection stores in `response.data` whose name contains token, secret, password or
//   api key (`accessToken`, `refresh_token`, `apiKey`, ...).
// Where they are read:
// - connection code: `parameters.<password>`, `connection.<secret>` (OAuth refresh) and
//   `data.<stored secret>`; a bare `{{parameters}}`/`{{connection}}`/`{{data}}` carries all of them;
// - the base, modules and RPCs: `connection.<secret>` of their connection(s) (the base: of any);
// - everywhere: `temp.<key>` when that temp key's template reads a secret (`temp` passes it on).
// Covered: a `log.sanitize` entry equal to the location (`request.headers.authorization`,
// `request.qs.client_secret`, `request.body.client_secret`) or to one of its parents
// (`request.body`), compared case-insensitively, backticks ignored. A request without `log`
// inherits the base's `log`; one with its own `log` replaces it, and must then also cover the
// secret-carrying headers and query parameters it inherits from the base.
import { isPlainObject } from '../../shared';
import type { App } from '../../types';
import {
  communicationSites,
  componentOf,
  connectionIndex,
  requestsOfSite,
  storedDataKeys,
  type CommunicationSite,
} from '../communications';
import type { Constraint, SourcePath } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';
import { passwordNames } from '../parameters';
import { pathsIn } from '../references';
import { requestsOf, walkStrings } from '../walk';

const SECRET_KEY = /token|secret|password|passwd|api[-_]?key/i;

/** Root → secret keys readable under it; describes what a matching reference is. */
type SecretRoots = Map<string, Map<string, string>>;

function secretsOfConnection(app: App, index: number): { params: Set<string>; data: Set<string> } {
  const params = passwordNames(app.connections[index]?.parameters);
  const data = new Set([...storedDataKeys(app, index).keys].filter((k) => SECRET_KEY.test(k)));
  return { params, data };
}

function describe(params: Set<string>, data: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of data) out.set(k, `the stored secret "${k}"`);
  for (const k of params) out.set(k, `the password parameter "${k}"`);
  return out;
}

function rootsFor(app: App, site: CommunicationSite): SecretRoots {
  const roots: SecretRoots = new Map();
  if (site.kind === 'connection') {
    const { params, data } = secretsOfConnection(app, site.index);
    roots.set('parameters', describe(params, new Set()));
    roots.set('connection', describe(params, data));
    roots.set('data', describe(new Set(), data));
    return roots;
  }
  let indexes: number[];
  if (site.kind === 'base') {
    indexes = app.connections.map((_, i) => i);
  } else {
    const component = componentOf(app, site);
    indexes = [component?.connection, component?.altConnection]
      .map((id) => connectionIndex(app, id))
      .filter((i) => i >= 0);
  }
  const params = new Set<string>();
  const data = new Set<string>();
  for (const i of indexes) {
    const s = secretsOfConnection(app, i);
    s.params.forEach((k) => params.add(k));
    s.data.forEach((k) => data.add(k));
  }
  roots.set('connection', describe(params, data));
  return roots;
}

/**
 * Adds `temp` to the roots: a temp key whose template reads a secret (directly, or through
 * another such temp key) carries that secret to every `{{temp.key}}`. The temp keys in scope are
 * those of the component's communication (and epoch), plus the base's for modules and RPCs.
 * A `{{...}}` spread that reads a secret makes every temp key suspect.
 */
function addTempSecrets(app: App, site: CommunicationSite, roots: SecretRoots): void {
  const inScope = communicationSites(app).filter(
    (s) =>
      (s.kind === site.kind && s.index === site.index) || (s.kind === 'base' && site.inheritsBase),
  );
  const entries: Array<[string, unknown]> = [];
  for (const scope of inScope) {
    for (const [request] of requestsOfSite(app, scope)) {
      const response = isPlainObject(request.response) ? request.response : {};
      for (const temp of [request.temp, response.temp])
        if (isPlainObject(temp)) entries.push(...Object.entries(temp));
    }
  }
  const temps = new Map<string, string>();
  roots.set('temp', temps);
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, value] of entries) {
      if (temps.has(key)) continue;
      let secret: string | undefined;
      walkStrings(value, [], (text) => {
        secret ??= secretIn(text, roots);
      });
      if (secret === undefined) continue;
      temps.set(
        key,
        key === SPREAD
          ? `temp variables spread from ${secret}`
          : `the temp variable "${key}" (set from ${secret})`,
      );
      changed = true;
    }
  }
}

const SPREAD = '{{...}}';

/** The secret a template carries, described, or undefined. */
function secretIn(text: string, roots: SecretRoots): string | undefined {
  for (const [root, key] of pathsIn(text)) {
    if (root === undefined) continue;
    const secrets = roots.get(root);
    if (secrets === undefined || secrets.size === 0) continue;
    if (key === undefined) return `all of {{${root}}}, secrets included`;
    const what = secrets.get(key) ?? secrets.get(SPREAD);
    if (what !== undefined) return what;
  }
  return undefined;
}

interface Carrier {
  /** The sanitize path that masks it, e.g. `request.headers.authorization`. */
  location: string;
  /** Human name of the place: `header "Authorization"`. */
  place: string;
  secret: string;
  path: SourcePath;
}

/** Every header, query parameter and body location of a request that carries a secret. */
function carriers(
  request: Record<string, unknown>,
  path: SourcePath,
  roots: SecretRoots,
): Carrier[] {
  const found = new Map<string, Carrier>();
  const add = (location: string, place: string, text: string, at: SourcePath): void => {
    const secret = secretIn(text, roots);
    if (secret !== undefined && !found.has(location))
      found.set(location, { location, place, secret, path: at });
  };
  for (const [section, label] of [
    ['headers', 'header'],
    ['qs', 'query parameter'],
  ] as const) {
    const value = request[section];
    if (!isPlainObject(value)) continue;
    for (const [key, item] of Object.entries(value)) {
      walkStrings(item, [...path, section, key], (text, at) =>
        add(`request.${section}.${key}`.toLowerCase(), `${label} "${key}"`, text, at),
      );
    }
  }
  walkStrings(request.body, [...path, 'body'], (text, at) => {
    // Up to the first array index: sanitize paths address object keys.
    const keys: string[] = [];
    for (const token of at.slice(path.length + 1)) {
      if (typeof token === 'number') break;
      keys.push(token);
    }
    const location = ['request', 'body', ...keys].join('.').toLowerCase();
    add(location, keys.length === 0 ? 'the body' : `body field "${keys.join('.')}"`, text, at);
  });
  return [...found.values()];
}

function sanitizeOf(request: Record<string, unknown>): string[] | undefined {
  const log = request.log;
  if (log === undefined) return undefined;
  const sanitize = isPlainObject(log) ? log.sanitize : undefined;
  return Array.isArray(sanitize) ? sanitize.filter((s): s is string => typeof s === 'string') : [];
}

function covered(location: string, sanitize: string[]): boolean {
  return sanitize.some((entry) => {
    const s = entry.replace(/`/g, '').toLowerCase();
    return location === s || location.startsWith(`${s}.`);
  });
}

export const sanitizeCoversSecrets: Constraint = {
  id: 'sanitize-covers-secrets',
  description:
    'log.sanitize masks every header, query parameter and body field that carries a secret.',
  check(app) {
    const issues: Issue[] = [];
    const baseRequests = requestsOf(app.base, ['base']).filter(
      (pair): pair is [Record<string, unknown>, SourcePath] => isPlainObject(pair[0]),
    );
    const baseSanitize =
      baseRequests.map(([r]) => sanitizeOf(r)).find((s) => s !== undefined) ?? [];

    for (const site of communicationSites(app)) {
      const roots = rootsFor(app, site);
      addTempSecrets(app, site, roots);
      const inherits = site.inheritsBase;
      for (const [request, path] of requestsOfSite(app, site)) {
        const own = sanitizeOf(request);
        const sanitize = own ?? (inherits ? baseSanitize : []);
        for (const c of carriers(request, path, roots)) {
          if (covered(c.location, sanitize)) continue;
          issues.push(
            issueAt(
              app,
              c.path,
              this.id,
              `${c.place} carries ${c.secret} but log.sanitize does not list "${c.location}"`,
              c.location,
            ),
          );
        }
        if (!inherits || own === undefined) continue;
        // This request replaces the base's log, so it must also mask what it inherits from it.
        for (const [baseRequest, basePath] of baseRequests) {
          for (const c of carriers(
            { headers: baseRequest.headers, qs: baseRequest.qs },
            basePath,
            roots,
          )) {
            const section = c.path[basePath.length];
            const key = String(c.path[basePath.length + 1]);
            const overridden =
              (section === 'headers' || section === 'qs') && hasKey(request[section], key);
            if (overridden || covered(c.location, own)) continue;
            issues.push(
              issueAt(
                app,
                [...path, 'log', 'sanitize'],
                this.id,
                `this request has its own log, so the base's ${c.place} (carries ${c.secret}) is no longer masked: add "${c.location}" to log.sanitize`,
                c.location,
              ),
            );
          }
        }
      }
    }
    return issues;
  },
};

/** Header names are case-insensitive; query keys are not. */
function hasKey(value: unknown, key: string): boolean {
  return (
    isPlainObject(value) &&
    Object.keys(value).some((k) => k === key || k.toLowerCase() === key.toLowerCase())
  );
}

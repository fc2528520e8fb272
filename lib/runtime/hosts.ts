// Where requests may go.
//
// Allow-list (a project rule; Make enforces the same intent by refusing universal modules with
// absolute URLs, make-app-format §13): a request that carries connection data may only go to a
// host the app declares. The declared hosts of a run are
//   1. every host written literally (no IML in the scheme://host part) in a `url` or `baseUrl`
//      anywhere in the app — base, modules, RPCs, connections;
//   2. the host of the base's `baseUrl` as evaluated for this run (so `https://{{...}}.hotmart.com`
//      declares developers.hotmart.com or sandbox.hotmart.com, whichever the connection selects);
//   3. the hosts the connection's own requests went to (token, info, refresh, basic communication),
//      as evaluated: the connection defines where its credentials go.
// A request carries connection data when its templates (base included) read `connection`, or when
// any known secret value appears in its URL, headers or body.
//
// hostMap rewrites a host to another origin at the very last moment, after the allow-list check
// and after logging, so logs and checks see the app's own URLs (developers.hotmart.com) while the
// bytes go to the simulator (http://127.0.0.1:8787).
import type { App, Loose, ModuleSpec } from '../types';
import { InvalidConfigurationError, RuntimeError } from './errors';
import { isPlainObject } from './wire';

const LITERAL_ORIGIN = /^([a-z][a-z\d+.-]*:\/\/)([^/?#]*)/i;

/** The host (`name[:port]`, lower case) of a URL template when it is written without IML. */
export function literalHost(template: string): string | undefined {
  const match = LITERAL_ORIGIN.exec(template.trim());
  if (!match || match[2] === undefined || match[2].includes('{{') || match[2] === '')
    return undefined;
  try {
    return new URL(`${match[1]}${match[2]}`).host;
  } catch {
    return undefined;
  }
}

/** Every literal host in `url` / `baseUrl` directives anywhere below `value`. */
function collectLiteralHosts(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectLiteralHosts(item, into);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if ((key === 'url' || key === 'baseUrl') && typeof item === 'string') {
      const host = literalHost(item);
      if (host !== undefined) into.add(host);
    } else {
      collectLiteralHosts(item, into);
    }
  }
}

export function declaredLiteralHosts(app: App): Set<string> {
  const hosts = new Set<string>();
  collectLiteralHosts(app.base, hosts);
  for (const connection of app.connections) collectLiteralHosts(connection.communication, hosts);
  for (const module of app.modules) {
    collectLiteralHosts(module.communication, hosts);
    collectLiteralHosts((module as Loose<ModuleSpec>).epoch, hosts);
  }
  for (const rpc of app.rpcs) collectLiteralHosts(rpc.communication, hosts);
  return hosts;
}

/** Refuses a request that carries connection data to an undeclared host. */
export function checkHostAllowed(
  url: URL,
  carriesConnectionData: boolean,
  allowed: ReadonlySet<string>,
  where: string,
): void {
  if (!carriesConnectionData || allowed.has(url.host)) return;
  const list = [...allowed].sort().join(', ') || 'none';
  throw new InvalidConfigurationError(
    `${where}: refused to send connection data to ${url.host}, a host the app does not declare (declared: ${list}).`,
    { code: 'HOST_NOT_ALLOWED', where },
  );
}

export type HostMap = Readonly<Record<string, string>>;

/** Validates a hostMap once: every value must be an http(s) origin. */
export function checkHostMap(hostMap: unknown): HostMap {
  if (hostMap === undefined) return {};
  if (!isPlainObject(hostMap)) {
    throw new RuntimeError('hostMap must be an object mapping a host to an origin.', {
      code: 'OPTION_INVALID',
    });
  }
  const out: Record<string, string> = {};
  for (const [host, origin] of Object.entries(hostMap)) {
    let parsed: URL | undefined;
    try {
      parsed = typeof origin === 'string' ? new URL(origin) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new RuntimeError(
        `hostMap["${host}"] must be an http(s) origin such as "http://127.0.0.1:8787", got ${JSON.stringify(origin)}.`,
        { code: 'OPTION_INVALID' },
      );
    }
    // An origin, optionally with a path prefix (a proxy mounted under /hotmart, say).
    out[host.toLowerCase()] = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  }
  return out;
}

/** Where a request goes instead of its own URL: the text to fetch and the origin it is on. */
export interface MappedHost {
  readonly href: string;
  readonly origin: string;
}

/**
 * `url` with its origin replaced, when hostMap names its host; undefined when it does not. Text,
 * not a URL object: fetch parses its input anyway, and checkHostMap has already normalised every
 * value to an origin with an optional path prefix, so the text needs no parse here (one per
 * request, when the runtime runs against the simulator).
 */
export function mapHost(url: URL, hostMap: HostMap): MappedHost | undefined {
  const mapped = hostMap[url.host] ?? hostMap[url.hostname];
  if (mapped === undefined) return undefined;
  const prefix = mapped.indexOf('/', mapped.indexOf('//') + 2);
  return {
    href: `${mapped}${url.pathname}${url.search}`,
    origin: prefix === -1 ? mapped : mapped.slice(0, prefix),
  };
}

/**
 * The inverse of applyHostMap for a redirect `Location`: a URL on the origin (and path prefix)
 * that `appUrl`'s host is mapped to — the simulator redirecting to itself by its real address —
 * is read as the same path on the app's own origin, so the hop is checked and logged under the
 * app's host and mapped again. Any other URL is returned unchanged.
 */
export function unapplyHostMap(url: URL, appUrl: URL, hostMap: HostMap): URL {
  const origin = hostMap[appUrl.host] ?? hostMap[appUrl.hostname];
  if (origin === undefined) return url;
  const mapped = new URL(origin);
  if (url.origin !== mapped.origin) return url;
  const prefix = mapped.pathname.replace(/\/+$/, '');
  if (prefix !== '' && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`))
    return url;
  const path = url.pathname.slice(prefix.length) || '/';
  return new URL(`${appUrl.origin}${path}${url.search}`);
}

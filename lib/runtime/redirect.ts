// Redirects are followed by the runtime, never by fetch (`redirect: 'manual'`), so every hop goes
// through the same gate as the first request: the allow-list (a 302 must not carry an API key to a
// host the app never declared), the hostMap, and the run log. This file is the pure part: whether
// a response is a redirect to follow, and the request of the next hop.
//
// Make's directives (make-app-format §5, both default `true`): `followRedirects` is about GET
// redirects, `followAllRedirects` about non-GET ones. Decisions (README R18):
// - `followRedirects: false` stops every redirect (the 3xx is the response); `followAllRedirects:
//   false` stops redirects of requests other than GET/HEAD.
// - Method and body per the Fetch standard: 303 → GET without body (HEAD stays HEAD); 301/302 turn
//   a POST into a GET without body; 307/308 (and 301/302 of PUT, PATCH, DELETE) keep method and body.
// - A hop to another host name drops `Authorization` (as curl, the `request` library Make grew up
//   on, and fetch do); other headers are kept, which is why the allow-list runs again on each hop.
// - Only 301, 302, 303, 307 and 308 with a `Location` are followed; at most MAX_REDIRECTS hops.
import type { HttpRequest } from './build-request';
import { RuntimeError } from './errors';
import { unapplyHostMap, type HostMap } from './hosts';
import { parseQuery } from './query';
import { setOwn } from './wire';

export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a body; dropped with the body (Fetch "request-body-header names"). */
const BODY_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
]);

export interface RedirectPolicy {
  followRedirects: boolean;
  followAllRedirects: boolean;
}

/** The `Location` of a response the policy says to follow, else `undefined` (the 3xx is final). */
export function redirectLocation(
  method: string,
  statusCode: number,
  headers: Readonly<Record<string, string>>,
  policy: RedirectPolicy,
): string | undefined {
  if (!REDIRECT_STATUSES.has(statusCode)) return undefined;
  const location = headers.location;
  if (location === undefined || location.trim() === '') return undefined;
  if (!policy.followRedirects) return undefined;
  if (method !== 'GET' && method !== 'HEAD' && !policy.followAllRedirects) return undefined;
  return location;
}

/** The method of the next hop (Fetch standard, "HTTP-redirect fetch" step 12). */
function nextMethod(method: string, statusCode: number): string {
  if (statusCode === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  if ((statusCode === 301 || statusCode === 302) && method === 'POST') return 'GET';
  return method;
}

/**
 * The request of the next hop: `location` resolved against the URL the app named for the current
 * hop (not the hostMap target, so the hostMap applies again to the new URL; a Location naming the
 * mapped origin itself is read back as the app's host, hosts.ts `unapplyHostMap`).
 */
export function nextHop(
  request: HttpRequest,
  statusCode: number,
  location: string,
  hostMap: HostMap,
  where: string,
): HttpRequest {
  let url: URL | undefined;
  try {
    url = unapplyHostMap(new URL(location.trim(), request.url), request.url, hostMap);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new RuntimeError(
      `${where}: the service redirected (${statusCode}) to ${JSON.stringify(location.slice(0, 200))}, which is not an http(s) URL.`,
      { code: 'INVALID_RESPONSE', statusCode, where },
    );
  }
  url.hash = '';
  const method = nextMethod(request.method, statusCode);
  const keepBody = method === request.method;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (!keepBody && BODY_HEADERS.has(lower)) continue;
    if (lower === 'authorization' && url.hostname !== request.url.hostname) continue;
    setOwn(headers, name, value);
  }
  const path = new URL(url.href);
  path.search = '';
  const logged: HttpRequest['logged'] = {
    method,
    url: path.href,
    qs: parseQuery(url.search),
    headers: { ...headers },
  };
  if (keepBody && request.logged.body !== undefined) logged.body = request.logged.body;
  return {
    ...request,
    method,
    url,
    headers,
    body: keepBody ? request.body : undefined,
    logged,
  };
}

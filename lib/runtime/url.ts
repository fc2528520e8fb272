// URL assembly (make-app-format §2.2, §5, §13; decisions §18 #23, #24).
// - A URL is absolute when it starts with `scheme://`; anything else is relative to `baseUrl`.
// - Joining is textual: the base without trailing slashes, one `/`, the relative part without
//   leading slashes. So `//evil.example/x` and `@evil.example/x` stay paths on the base host
//   (resolving with `new URL(relative, base)` would send the first one to evil.example).
// - `encodeUrl` (default true) encodes the assembled URL once, like `encodeURI`: spaces and
//   non-ASCII are escaped, and so is `%` — which is why definitions that build segments with
//   `encodeURL()` set `encodeUrl: false`.
import { DataError, RuntimeError } from './errors';
import { describeType } from './wire';

const ABSOLUTE = /^[a-z][a-z\d+.-]*:\/\//i;

export function isAbsoluteUrl(url: string): boolean {
  return ABSOLUTE.test(url);
}

export function joinUrl(baseUrl: string, relative: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${relative.replace(/^\/+/, '')}`;
}

export interface ResolvedUrl {
  /** The final URL without query string (WHATWG-normalised: dot segments resolved). */
  readonly href: string;
  /** The URL's own query string (`?a=b`), kept only when the request has no `qs`. */
  readonly search: string;
}

/**
 * The last resolution, by its inputs: a module's pages all resolve the same url against the same
 * base, and parsing, checking and re-serialising that URL was a tenth of a request's own work.
 */
let last: { url: string; baseUrl: unknown; encodeUrl: boolean; resolved: ResolvedUrl } | undefined;

/**
 * Resolves the evaluated `url` against the evaluated `baseUrl` and applies `encodeUrl`. Throws a
 * DataError for an unusable value and a RuntimeError when a relative URL has no base.
 */
export function resolveUrl(
  url: unknown,
  baseUrl: unknown,
  encodeUrl: boolean,
  where: string,
): ResolvedUrl {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new DataError(
      `${where}: url evaluated to ${url === '' ? 'an empty string' : describeType(url)}; expected a URL.`,
      {
        code: 'REQUEST_INVALID',
        where,
      },
    );
  }
  if (
    last !== undefined &&
    last.url === url &&
    last.baseUrl === baseUrl &&
    last.encodeUrl === encodeUrl
  ) {
    return last.resolved;
  }
  let full = url.trim();
  if (!isAbsoluteUrl(full)) {
    if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
      throw new RuntimeError(
        `${where}: the url "${full}" is relative but the app has no baseUrl to append it to.`,
        { code: 'DEFINITION_INVALID', where },
      );
    }
    full = joinUrl(baseUrl.trim(), full);
  }
  const hash = full.indexOf('#');
  if (hash !== -1) full = full.slice(0, hash);
  if (encodeUrl) {
    try {
      full = encodeURI(full);
    } catch {
      throw new DataError(
        `${where}: the url contains text that cannot be encoded (a lone surrogate).`,
        {
          code: 'REQUEST_INVALID',
          where,
        },
      );
    }
  }
  let parsed: URL;
  try {
    parsed = new URL(full);
  } catch {
    throw new DataError(`${where}: "${full}" is not a valid URL.`, {
      code: 'REQUEST_INVALID',
      where,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DataError(
      `${where}: only http and https URLs can be requested, got ${parsed.protocol}.`,
      {
        code: 'REQUEST_INVALID',
        where,
      },
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new DataError(`${where}: URLs with user credentials are refused.`, {
      code: 'REQUEST_INVALID',
      where,
    });
  }
  const search = parsed.search;
  parsed.search = '';
  const resolved: ResolvedUrl = { href: parsed.href, search };
  last = { url, baseUrl, encodeUrl, resolved };
  return resolved;
}

// Request capture for exact-request assertions: nock matches method, path, query and body; this
// records the headers the runtime set (fetch adds only `host` under nock).
import type nock from 'nock';

export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export function capture(scope: nock.Scope): Seen[] {
  const seen: Seen[] = [];
  scope.on(
    'request',
    (
      req: { method: string; path: string; headers: Record<string, string> },
      _i: unknown,
      body: string,
    ) => {
      const headers = { ...req.headers };
      delete headers.host;
      delete headers['content-length'];
      seen.push({ method: req.method, path: req.path, headers, body });
    },
  );
  return seen;
}

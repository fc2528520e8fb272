// Records every request nock did not match (an unexpected host, path or query). With
// `disableNetConnect` such a request fails anyway; recording it lets security tests assert that
// nothing at all was attempted towards another host, and with which Authorization header.
import nock from 'nock';

export interface StrayRequest {
  host: string;
  path: string;
  authorization: string | undefined;
}

function describe(request: unknown): StrayRequest {
  const value = (request ?? {}) as {
    host?: unknown;
    hostname?: unknown;
    path?: unknown;
    headers?: Record<string, unknown>;
    getHeader?: (name: string) => unknown;
  };
  const header =
    typeof value.getHeader === 'function'
      ? value.getHeader('authorization')
      : Object.entries(value.headers ?? {}).find(
          ([name]) => name.toLowerCase() === 'authorization',
        )?.[1];
  return {
    host: String(value.hostname ?? value.host ?? ''),
    path: String(value.path ?? ''),
    authorization: header === undefined ? undefined : String(header),
  };
}

/** Starts recording; call `stop()` in a `finally` (or afterEach). */
export function recordStrayRequests(): { stray: StrayRequest[]; stop: () => void } {
  const stray: StrayRequest[] = [];
  const listener = (request: unknown): void => {
    stray.push(describe(request));
  };
  nock.emitter.on('no match', listener);
  return { stray, stop: () => nock.emitter.removeListener('no match', listener) };
}

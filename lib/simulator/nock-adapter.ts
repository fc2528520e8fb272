// nock adapter: every request to a Hotmart host, any path and method, is answered by the
// simulator. Interceptors persist (a test makes as many calls as it likes) and are optional, so
// an unused one never shows up in `nock.pendingMocks()` (which test/setup.ts asserts is empty).
import type nockModule from 'nock';
import type { Simulator } from './types';
import { SimulatorOptionError } from './errors';

export const HOTMART_ORIGINS: readonly string[] = [
  'https://api-sec-vlc.hotmart.com',
  'https://developers.hotmart.com',
  'https://sandbox.hotmart.com',
];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface NockInterceptOptions {
  /** Origins to intercept instead of Hotmart's three (e.g. `http://hotmart.test`). */
  origins?: readonly string[];
}

export interface NockInterception {
  readonly origins: readonly string[];
  /** Removes exactly the interceptors this call installed. Safe to call twice. */
  stop(): void;
}

function headerRecord(raw: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) headers[name] = value.map(String).join(', ');
    else if (value !== undefined && value !== null)
      headers[name] = String(value as string | number | boolean);
  }
  return headers;
}

/** nock hands JSON bodies over already parsed; the simulator wants the text back. */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

interface RawRequest {
  headers: Record<string, string>;
  body: string;
}

function isJsonContentType(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(
    ([name, value]) => name.toLowerCase() === 'content-type' && /json/i.test(value),
  );
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function interceptWithNock(
  sim: Simulator,
  options: NockInterceptOptions = {},
): NockInterception {
  const origins = [...(options.origins ?? HOTMART_ORIGINS)];
  for (const origin of origins) {
    if (!/^https?:\/\/[^/?#]+$/.test(origin)) {
      throw new SimulatorOptionError(
        `interceptWithNock: origin '${origin}' must be scheme://host[:port] with no path.`,
      );
    }
  }
  // Loaded here, not at import: nock patches Node's http on load and costs about 50 ms, which
  // every CLI command would pay for an adapter only tests and `--nock` runs use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  const nock = require('nock') as typeof nockModule;
  if (!nock.isActive()) nock.activate();
  const interceptors: nockModule.Interceptor[] = [];
  const scopes: { scope: nockModule.Scope; listener: (...args: unknown[]) => void }[] = [];
  // nock JSON.parses a body sent with a JSON content type before the reply function runs, and a
  // malformed one then hangs the request. Its 'request' event comes first and carries the raw
  // text: keep it (with the headers) for the reply, and hide the content type from nock's own
  // snapshot of the headers when the text is not JSON, so Hotmart's 400 can answer it.
  const raw = new WeakMap<object, RawRequest>();
  const onRequest = (req: unknown, _interceptor: unknown, body: unknown): void => {
    const request = req as { headers?: Record<string, unknown> };
    if (request.headers === undefined || typeof body !== 'string') return;
    const headers = headerRecord(request.headers);
    raw.set(request, { headers, body });
    if (body !== '' && isJsonContentType(headers) && !parsesAsJson(body)) {
      for (const name of Object.keys(request.headers)) {
        if (name.toLowerCase() === 'content-type') delete request.headers[name];
      }
    }
  };
  for (const origin of origins) {
    const scope = nock(origin).persist();
    scope.on('request', onRequest);
    scopes.push({ scope, listener: onRequest as (...args: unknown[]) => void });
    for (const method of METHODS) {
      const interceptor = scope.intercept(() => true, method).optionally();
      interceptor.reply(async function reply(uri, body) {
        const seen = raw.get(this.req);
        const response = await sim.handle({
          method,
          url: `${origin}${uri}`,
          headers: seen?.headers ?? headerRecord(this.req.headers),
          body: seen === undefined ? bodyText(body) : bodyText(seen.body),
        });
        return [response.status, response.body, response.headers];
      });
      interceptors.push(interceptor);
    }
  }
  let stopped = false;
  return {
    origins,
    stop() {
      if (stopped) return;
      stopped = true;
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      for (const { scope, listener } of scopes) scope.off('request', listener);
    },
  };
}

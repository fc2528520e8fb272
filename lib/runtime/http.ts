// The one place that talks to the network: the global `fetch` (so nock intercepts it in tests),
// with the run's timeout (base `timeout` or 40 s, make-app-format §5) as an AbortSignal, and the
// hostMap applied last. Failures without an HTTP answer become ConnectionErrors. Redirects are
// never followed here (`redirect: 'manual'`): exchange.ts follows them hop by hop so that each
// hop passes the allow-list, the hostMap and the log (redirect.ts).
import { ConnectionError } from './errors';
import type { HttpRequest } from './build-request';
import { applyHostMap, type HostMap } from './hosts';
import { setOwn } from './wire';

export interface HttpResponse {
  statusCode: number;
  statusText: string;
  /** Response headers with lower-cased names (IML reads `headers.\`ratelimit-reset\``). */
  headers: Record<string, string>;
  bytes: Buffer;
}

export interface SendOptions {
  hostMap: HostMap;
  where: string;
  /** Replaces the global fetch (the bench's baseline uses the same; tests rely on the global). */
  fetch?: typeof fetch;
  /** The exchange's timeout signal, shared by its redirect hops; default: a new one per send. */
  signal?: AbortSignal;
}

/** The timeout signal of one exchange (all its redirect hops together). */
export function timeoutSignal(request: HttpRequest): AbortSignal {
  return AbortSignal.timeout(request.timeoutMs);
}

/** `GET https://host/path` — never the query string, which may hold credentials. */
export function describeRequest(request: HttpRequest): string {
  return `${request.method} ${request.url.origin}${request.url.pathname}`;
}

/** `ECONNRESET (socket hang up)` from whatever the fetch implementation rejected with. */
function causeOf(error: unknown): string {
  const describe = (value: unknown): string | undefined => {
    if (value === null || typeof value !== 'object') return undefined;
    const { code, message } = value as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' && message !== '' ? message : undefined;
    if (typeof code === 'string') return text ? `${code} (${text})` : code;
    return text;
  };
  const cause =
    error !== null && typeof error === 'object' ? (error as { cause?: unknown }).cause : undefined;
  return describe(cause) ?? describe(error) ?? String(error);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Where a request actually goes: differs from `request.url` only under a hostMap. */
export function targetUrl(request: HttpRequest, hostMap: HostMap): URL {
  return applyHostMap(request.url, hostMap);
}

export async function send(request: HttpRequest, options: SendOptions): Promise<HttpResponse> {
  const target = targetUrl(request, options.hostMap);
  const signal = options.signal ?? timeoutSignal(request);
  const doFetch = options.fetch ?? fetch;
  const fail = (error: unknown): never => {
    // Under interception layers (nock) the abort may surface as a generic error; the signal
    // itself says whether the timeout fired.
    if (signal.aborted || isTimeout(error)) {
      throw new ConnectionError(
        `${options.where}: ${describeRequest(request)} got no response within ${request.timeoutMs / 1000} s.`,
        { code: 'TIMEOUT', where: options.where },
      );
    }
    throw new ConnectionError(
      `${options.where}: ${describeRequest(request)} failed: ${causeOf(error)}.`,
      { code: 'NETWORK', where: options.where },
    );
  };
  let response: Response;
  try {
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal,
    };
    // Text goes as bytes: fetch would otherwise add `Content-Type: text/plain`, and the
    // Content-Type is the definition's (or build-request's) decision.
    if (request.body !== undefined) {
      init.body =
        typeof request.body === 'string' ? new TextEncoder().encode(request.body) : request.body;
    }
    response = await doFetch(target, init);
  } catch (error) {
    return fail(error);
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // The status line arrived but the body did not: a reset or timeout mid-body.
    return fail(error);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    setOwn(headers, name.toLowerCase(), value);
  });
  return { statusCode: response.status, statusText: response.statusText, headers, bytes };
}

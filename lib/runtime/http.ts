// The one place that talks to the network: the global `fetch` (so nock intercepts it in tests),
// with the run's timeout (base `timeout` or 40 s, make-app-format §5) as an AbortSignal, and the
// hostMap applied last. Failures without an HTTP answer become ConnectionErrors. Redirects are
// never followed here (`redirect: 'manual'`): exchange.ts follows them hop by hop so that each
// hop passes the allow-list, the hostMap and the log (redirect.ts).
import { ConnectionError, RuntimeError } from './errors';
import type { HttpRequest } from './build-request';
import { setOwn } from './wire';

export interface HttpResponse {
  statusCode: number;
  statusText: string;
  /** Response headers with lower-cased names (IML reads `headers.\`ratelimit-reset\``). */
  headers: Record<string, string>;
  bytes: Buffer;
}

/** The largest response body a run reads, counted after decompression: 100 MiB. */
const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;

export interface SendOptions {
  /** The largest body read, after decompression; default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Where the request goes: `request.url`, or its text on the hostMap's origin (hosts.ts
   * mapHost), worked out once by the caller, which also logs it. */
  target: URL | string;
  where: string;
  /** Replaces the global fetch (the bench's baseline uses the same; tests rely on the global). */
  fetch?: typeof fetch;
  /** The exchange's timeout signal, shared by its redirect hops; default: a new one per send. */
  signal?: AbortSignal;
}

/** An exchange's timeout: its signal, and `clear` for when the exchange is over. */
interface Timeout {
  readonly signal: AbortSignal;
  clear(): void;
}

/**
 * The timeout of one exchange (all its redirect hops together). A controller and a timer the
 * caller clears: AbortSignal.timeout cost about 12 µs per request (its timer lives until it
 * fires), a tenth of a Make-sized page's whole client time.
 */
export function startTimeout(request: HttpRequest): Timeout {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
  }, request.timeoutMs);
  // A pending timeout never keeps the process alive on its own.
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
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

export async function send(request: HttpRequest, options: SendOptions): Promise<HttpResponse> {
  const timeout = options.signal === undefined ? startTimeout(request) : undefined;
  const signal = options.signal ?? (timeout as Timeout).signal;
  try {
    return await sendWithin(request, options, signal);
  } finally {
    timeout?.clear();
  }
}

async function sendWithin(
  request: HttpRequest,
  options: SendOptions,
  signal: AbortSignal,
): Promise<HttpResponse> {
  const target = options.target;
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
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let bytes: Buffer;
  try {
    bytes = await readBody(response, limit);
  } catch (error) {
    if (error instanceof TooLarge) {
      throw new RuntimeError(
        `${options.where}: ${describeRequest(request)} answered ${response.status} with a body ` +
          `larger than ${formatBytes(limit)} (the run's maxResponseBytes, counted after ` +
          'decompression); reading stopped there.',
        { code: 'RESPONSE_TOO_LARGE', statusCode: response.status, where: options.where },
      );
    }
    // The status line arrived but the body did not: a reset or timeout mid-body.
    return fail(error);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    setOwn(headers, name.toLowerCase(), value);
  });
  return { statusCode: response.status, statusText: response.statusText, headers, bytes };
}

class TooLarge extends Error {}

/** `104857600` → `100 MiB`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * The body as it streams in (fetch has already undone any Content-Encoding), stopping as soon as
 * it passes `limit`: a huge body, or a small gzip that inflates to gigabytes, never sits in
 * memory whole.
 */
async function readBody(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  const encoded = response.headers.has('content-encoding');
  if (!encoded && Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLarge();
  }
  if (response.body === null) return Buffer.alloc(0);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const only = chunks.length === 1 ? chunks[0] : undefined;
  // One chunk (the usual page) is viewed in place, as arrayBuffer() was; several are joined once.
  return only !== undefined
    ? Buffer.from(only.buffer, only.byteOffset, only.byteLength)
    : Buffer.concat(chunks, total);
}

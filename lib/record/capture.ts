// A fetch wrapper that keeps every exchange (raw, before any redaction: scrubbing happens when
// the fixture is written) and sends requests on to their real destination. Because it sees the
// app's own URLs, it also does the host mapping the runtime's hostMap would otherwise do.
import type { Exchange } from './exchange';
import { ToolError } from '../shared';

/** What the recorder cannot capture (a stream body, a Request object). */
export class RecordError extends ToolError<'RECORD_UNSUPPORTED'> {}

export interface Capture {
  readonly exchanges: Exchange[];
  readonly fetch: typeof fetch;
}

function headerRecord(headers: RequestInit['headers'] | Headers): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body))
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new RecordError(
    'RECORD_UNSUPPORTED',
    'record: unsupported request body type (streams and forms are not recorded)',
  );
}

/**
 * `hostMap`: host → origin (as the runtime's option), applied after the exchange is noted.
 * `send`: the fetch that really sends (default: the global one, which nock intercepts in tests).
 */
export function createCapture(
  hostMap: Readonly<Record<string, string>> = {},
  send: typeof fetch = (input, init) => fetch(input, init),
): Capture {
  const exchanges: Exchange[] = [];
  const capturing = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    if (input instanceof Request) {
      throw new RecordError(
        'RECORD_UNSUPPORTED',
        'record: Request objects are not supported by the capture',
      );
    }
    const url = new URL(String(input));
    const origin = hostMap[url.host] ?? hostMap[url.hostname];
    const target = origin === undefined ? url : new URL(`${origin}${url.pathname}${url.search}`);
    const requestBody = bodyText(init?.body);
    const response = await send(target, init);
    const responseBody = await response.text();
    const exchange: Exchange = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url: url.toString(),
      requestHeaders: headerRecord(init?.headers),
      status: response.status,
      responseHeaders: headerRecord(response.headers),
      responseBody,
    };
    if (requestBody !== undefined) exchange.requestBody = requestBody;
    exchanges.push(exchange);
    // The body was consumed: hand the runtime an equivalent response.
    return new Response(response.status === 204 || response.status === 304 ? null : responseBody, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return { exchanges, fetch: capturing as typeof fetch };
}

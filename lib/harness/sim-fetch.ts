// A fetch that hands every request straight to an in-memory simulator: no socket, no port. The
// docs generator uses it, so generating (and drift-checking) docs never opens a server.
import type { Simulator } from '../simulator';

/** The request body as text: the runtime sends text as bytes (lib/runtime/http.ts). */
function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
  if (body instanceof URLSearchParams) return body.toString();
  return undefined;
}

export function simulatorFetch(simulator: Simulator): typeof fetch {
  const handler = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = bodyText(init?.body);
    const answer = await simulator.handle({
      method: init?.method ?? 'GET',
      url,
      headers,
      body,
    });
    return new Response(answer.body === '' ? null : answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  };
  return handler as typeof fetch;
}

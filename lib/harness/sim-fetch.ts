// A fetch that hands every request straight to an in-memory simulator: no socket, no port. The
// docs generator uses it, so generating (and drift-checking) docs never opens a server.
import type { Simulator } from '../simulator';

export function simulatorFetch(simulator: Simulator): typeof fetch {
  const handler = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof init?.body === 'string' ? init.body : undefined;
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

// Loopback HTTP adapter: a real server (for the CLI's `simulator --port`, and for clients that
// cannot be intercepted) that passes every request to the simulator. It binds to loopback only:
// the simulator has no authentication worth exposing to a network.
import { createServer } from 'node:http';
import { SimulatorOptionError } from './errors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './types';

const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
export type LoopbackHost = (typeof LOOPBACK_HOSTS)[number];

export interface SimulatorServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: LoopbackHost;
}

export interface SimulatorServer {
  /** Origin to use as every Hotmart host, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Bodies above this are refused (413): no Hotmart request body comes near it. */
const MAX_BODY_BYTES = 1_000_000;

/** The body text, undefined when empty, or null when it exceeds the limit. */
function readBody(request: IncomingMessage): Promise<string | undefined | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining an oversized body (so the 413 reaches the client) but stop storing it.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) resolve(null);
      else resolve(chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function headerRecord(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) headers[name] = value.join(', ');
    else if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** The simulator's own control path (not Hotmart's): `POST /_simulator/events/<EVENT>`. */
const CONTROL_EVENT_PATH = /^\/_simulator\/events\/([A-Z_]+)$/;

/**
 * `POST /_simulator/events/PURCHASE_APPROVED[?subscriber_code=X]` fires that webhook event (its
 * listeners deliver it) and answers the envelope; a bad name or code is a 400 saying why.
 */
function controlAnswer(
  sim: Simulator,
  method: string,
  rawUrl: string,
): { status: number; body: unknown } | undefined {
  const url = new URL(rawUrl, 'http://127.0.0.1');
  const match = CONTROL_EVENT_PATH.exec(url.pathname);
  if (match === null || method !== 'POST') return undefined;
  const code = url.searchParams.get('subscriber_code') ?? undefined;
  try {
    return { status: 200, body: sim.fireEvent(match[1] ?? '', code) };
  } catch (error) {
    if (!(error instanceof SimulatorOptionError)) throw error;
    return { status: 400, body: { error: 'invalid_event', error_description: error.message } };
  }
}

async function serve(
  sim: Simulator,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request);
  if (body === null) {
    const payload = JSON.stringify({
      error: 'invalid_parameter',
      error_description: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
    response.writeHead(413, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': String(Buffer.byteLength(payload)),
      Connection: 'close',
    });
    response.end(payload);
    return;
  }
  const control = controlAnswer(sim, request.method ?? 'GET', request.url ?? '/');
  if (control !== undefined) {
    const payload = JSON.stringify(control.body);
    response.writeHead(control.status, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': String(Buffer.byteLength(payload)),
    });
    response.end(payload);
    return;
  }
  const answer = await sim.handle({
    method: request.method ?? 'GET',
    url: request.url ?? '/',
    headers: headerRecord(request),
    body,
  });
  response.writeHead(answer.status, {
    ...answer.headers,
    'Content-Length': String(Buffer.byteLength(answer.body)),
  });
  response.end(request.method === 'HEAD' ? undefined : answer.body);
}

export function startSimulatorServer(
  sim: Simulator,
  options: SimulatorServerOptions = {},
): Promise<SimulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    return Promise.reject(
      new Error(
        `startSimulatorServer: host must be one of ${LOOPBACK_HOSTS.join(', ')} (loopback only), got '${String(host)}'.`,
      ),
    );
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(
      new Error(
        `startSimulatorServer: port must be a whole number from 0 to 65535, got ${String(port)}.`,
      ),
    );
  }
  const server = createServer((request, response) => {
    serve(sim, request, response).catch(() => {
      // sim.handle never rejects; this only guards a socket that died mid-answer.
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${urlHost}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done, fail) => {
            // Keep-alive sockets (fetch pools them) would hold close() open; end them.
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

// A local HTTP receiver for an instant trigger's webhook, on loopback: every request goes through
// `receiveWebhook`, its answer goes back to the caller, and each call's bundles (or failure) are
// reported. Used by `hotmart-make webhook` and by `npm start`'s end-to-end event.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveWebhook, type Bundle, type Connection, type RuntimeApp } from '../runtime';

/** The largest webhook body read; a bigger one is answered 413. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface ReceiverOptions {
  app: RuntimeApp;
  moduleName: string;
  parameters: Record<string, unknown>;
  webhookParameters: Record<string, unknown>;
  connection?: Connection;
  /** 0 = any free port. */
  port: number;
  onBundles: (bundles: Bundle[]) => void;
  onError: (error: unknown) => void;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

/** The request body as Make reads it: JSON, a form, or text. */
function parseBody(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bytes.toString('utf8');
  if (text === '') return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function answer(
  options: ReceiverOptions,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const bytes = await readBody(request);
  if (bytes === undefined) {
    response.writeHead(413).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(', ');
  }
  try {
    const result = await receiveWebhook(
      options.app,
      options.moduleName,
      {
        method: request.method ?? 'POST',
        headers,
        query: Object.fromEntries(url.searchParams),
        body: parseBody(bytes, request.headers['content-type']),
      },
      {
        parameters: options.parameters,
        webhookParameters: options.webhookParameters,
        ...(options.connection ? { connection: options.connection } : {}),
      },
    );
    response.writeHead(result.response.status, result.response.headers);
    response.end(String(result.response.body));
    options.onBundles(result.bundles);
  } catch (error) {
    options.onError(error);
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Error');
  }
}

/** Starts listening on 127.0.0.1; rejects when the port cannot be bound. */
export async function startWebhookReceiver(options: ReceiverOptions): Promise<WebhookReceiver> {
  const server = http.createServer((request, response) => {
    void answer(options, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// The module studio's server: loopback only, one app and one target for its lifetime. Pages are
// rendered here (pages.ts, form.ts); the page's script calls three JSON endpoints (run a module,
// load an RPC's options, fire a test event) and one event stream (an instant trigger's bundles,
// as the simulator's webhook deliveries produce them).
//
// Only this studio's own pages may call it: a request must name the studio's host (no DNS
// rebinding), and a POST must come from its origin with a JSON body or none, so another web page
// open in the same browser cannot run modules with the connection's credentials.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  connectionFor,
  startWebhookReceiver,
  type ResolvedTarget,
  type WebhookReceiver,
} from '../harness';
import { MakeError, runModule, runRpc, type Connection, type RuntimeApp } from '../runtime';
import { deliverEvent, SIMULATOR_HOTTOK, WEBHOOK_EVENTS } from '../simulator';
import { CLIENT_SCRIPT, STYLESHEET } from './client-script';
import { findModule, indexPage, modulePage } from './pages';
import { logEntries } from './run-view';

export interface StudioOptions {
  app: RuntimeApp;
  target: ResolvedTarget;
  /** 0 (the default) = any free port. */
  port?: number;
}

export interface Studio {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

interface Reply {
  status: number;
  type: string;
  body: string;
}

const html = (body: string, status = 200): Reply => ({
  status,
  type: 'text/html; charset=utf-8',
  body,
});
const json = (value: unknown, status = 200): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text === '' ? {} : (JSON.parse(text) as unknown));
      } catch {
        reject(new Error('the body is not JSON'));
      }
    });
    request.on('error', reject);
  });
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function failure(error: unknown): { type: string; message: string } {
  if (error instanceof MakeError) return { type: error.type, message: error.message };
  return { type: 'Error', message: error instanceof Error ? error.message : String(error) };
}

export async function startStudio(options: StudioOptions): Promise<Studio> {
  const { app, target } = options;
  const connections = new Map<string, Promise<Connection | undefined>>();
  const connectionOf = (name: unknown): Promise<Connection | undefined> => {
    const key = typeof name === 'string' ? name : '';
    let connection = connections.get(key);
    if (connection === undefined) {
      connection = connectionFor(app, typeof name === 'string' ? name : null, target);
      // A failed connection is tried again on the next run.
      connection.catch(() => connections.delete(key));
      connections.set(key, connection);
    }
    return connection;
  };
  const streams = new Map<string, Set<http.ServerResponse>>();
  const receivers: WebhookReceiver[] = [];
  let unsubscribe: (() => void) | undefined;

  async function run(name: string, body: unknown): Promise<Reply> {
    const module = findModule(app, name);
    if (module === undefined)
      return json({ error: { type: 'Error', message: `No module '${name}'.` } }, 404);
    const connection = await connectionOf((module as { connection?: unknown }).connection).catch(
      (error: unknown) => error,
    );
    if (connection instanceof Error) return json({ error: failure(connection), log: [] });
    try {
      const result = await runModule(app, name, {
        parameters: asRecord(body),
        hostMap: target.hostMap,
        ...(connection ? { connection: connection as Connection } : {}),
      });
      return json({ bundles: result.bundles, log: logEntries(result.log.requests) });
    } catch (error) {
      const log = error instanceof MakeError && error.log ? logEntries(error.log.requests) : [];
      return json({ error: failure(error), log });
    }
  }

  async function rpc(name: string, body: unknown): Promise<Reply> {
    const spec = app.definition.rpcs.find((candidate) => candidate.name === name);
    if (spec === undefined)
      return json({ error: { type: 'Error', message: `No RPC '${name}'.` } }, 404);
    try {
      const connection = await connectionOf(spec.connection);
      const result = await runRpc(app, name, {
        parameters: asRecord(body),
        hostMap: target.hostMap,
        ...(connection ? { connection } : {}),
      });
      return json({ items: result.items });
    } catch (error) {
      return json({ items: [], error: failure(error) });
    }
  }

  function fire(name: string): Reply {
    if (target.simulator === undefined) {
      return json(
        { error: { type: 'Error', message: 'Test events need the embedded simulator.' } },
        409,
      );
    }
    try {
      target.simulator.fireEvent(name);
      return json({ fired: name }, 202);
    } catch (error) {
      return json({ error: failure(error) }, 400);
    }
  }

  function subscribe(name: string, response: http.ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const listeners = streams.get(name) ?? new Set();
    listeners.add(response);
    streams.set(name, listeners);
    response.on('close', () => listeners.delete(response));
  }

  function broadcast(name: string, payload: unknown): void {
    const data = `event: bundles\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const response of streams.get(name) ?? []) response.write(data);
  }

  let origin = '';
  async function route(request: http.IncomingMessage): Promise<Reply | 'stream'> {
    const url = new URL(request.url ?? '/', origin);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (request.method === 'GET') {
      if (parts.length === 0) return html(indexPage(app, target.label));
      if (parts[0] === 'studio.js')
        return { status: 200, type: 'text/javascript; charset=utf-8', body: CLIENT_SCRIPT };
      if (parts[0] === 'studio.css')
        return { status: 200, type: 'text/css; charset=utf-8', body: STYLESHEET };
      if (parts[0] === 'module' && parts[1] !== undefined) {
        const module = findModule(app, parts[1]);
        if (module === undefined)
          return html(`<p>No module '${parts[1].replace(/[<>&"']/g, '')}'.</p>`, 404);
        return html(modulePage(module, target.label, target.simulator ? WEBHOOK_EVENTS : []));
      }
      if (parts[0] === 'api' && parts[1] === 'events' && parts[2] !== undefined) return 'stream';
      return html('<p>Not found.</p>', 404);
    }
    if (request.method === 'POST' && parts[0] === 'api' && parts[2] !== undefined) {
      const contentType = request.headers['content-type'] ?? '';
      const sameOrigin = request.headers.origin === undefined || request.headers.origin === origin;
      if (!sameOrigin || (contentType !== '' && !contentType.startsWith('application/json'))) {
        return json(
          { error: { type: 'Error', message: 'Only the studio page may call this.' } },
          403,
        );
      }
      const body = await readBody(request);
      if (parts[1] === 'run') return run(parts[2], body);
      if (parts[1] === 'rpc') return rpc(parts[2], body);
      if (parts[1] === 'fire') return fire(parts[2]);
    }
    return json({ error: { type: 'Error', message: 'Not found.' } }, 404);
  }

  const server = http.createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host.');
      return;
    }
    route(request).then(
      (reply) => {
        if (reply === 'stream') {
          const name = decodeURIComponent(
            new URL(request.url ?? '/', origin).pathname.split('/')[3] ?? '',
          );
          subscribe(name, response);
          return;
        }
        response.writeHead(reply.status, {
          'content-type': reply.type,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        response.end(reply.body);
      },
      (error: unknown) => {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: failure(error) }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Instant triggers: every event the simulator sends is delivered to each one's receiver.
  const simulator = target.simulator;
  if (simulator !== undefined) {
    for (const module of app.definition.modules) {
      if (module.type !== 'instant_trigger') continue;
      receivers.push(
        await startWebhookReceiver({
          app,
          moduleName: module.name,
          parameters: {},
          webhookParameters: { hottok: SIMULATOR_HOTTOK },
          port: 0,
          onBundles: (bundles) => broadcast(module.name, { bundles }),
          onError: (error) => broadcast(module.name, { bundles: [], error: failure(error) }),
        }),
      );
    }
    unsubscribe = simulator.onEvent((envelope) => {
      for (const receiver of receivers) {
        void deliverEvent(envelope, { url: receiver.url, hottok: SIMULATOR_HOTTOK }).catch(
          () => undefined,
        );
      }
    });
  }

  return {
    url: `${origin}/`,
    close: async () => {
      unsubscribe?.();
      for (const listeners of streams.values()) for (const response of listeners) response.end();
      await Promise.all(receivers.map((receiver) => receiver.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// A stateful stand-in for Make's SDK-apps API, served through nock. It stores what deploy
// writes and answers reads from that store, the way Make does: sections come back as JSON
// (re-serialised, comments dropped). Every call is recorded so tests can assert exact calls.
import nock from 'nock';
import { parseJsonc } from '../../lib/compile/jsonc';

export const ORIGIN = 'https://eu1.make.com';
export const TOKEN = '00000000-0000-4000-8000-000000000abc';

export interface Call {
  method: string;
  path: string;
  body?: unknown;
  contentType?: string;
}

interface FakeModule {
  meta: Record<string, unknown>;
  sections: Map<string, unknown>;
}

interface FakeApp {
  meta: Record<string, unknown>;
  sections: Map<string, unknown>;
  readme: string;
  modules: Map<string, FakeModule>;
  rpcs: Map<string, FakeModule>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
type Reply = [number, unknown, Record<string, string>?];

export class FakeMake {
  readonly calls: Call[] = [];
  readonly apps = new Map<string, FakeApp>();
  readonly connections = new Map<string, FakeModule & { app: string }>();
  readonly webhooks = new Map<string, FakeModule & { app: string }>();
  private webhookCounter = 0;
  private failures: Array<(call: Call) => boolean> = [];
  private connectionCounter = 0;

  /** Registers the interceptors (persisted, optional: the call log is what tests assert). */
  install(): void {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      // nock calls reply() with its own `this` (the request context); the fake is kept apart.
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const fake = this;
      const scope = nock(ORIGIN);
      // nock treats every `application/json*` type as JSON and would JSON.parse the JSONC that
      // Make's section uploads carry (comments included). The 'request' event fires before that
      // parse: keep the real type for the call log and hand nock the body as plain text.
      scope.on('request', (req: { headers: Record<string, string> }) => {
        const type = req.headers['content-type'];
        if (type === 'application/jsonc') {
          req.headers['x-original-content-type'] = type;
          req.headers['content-type'] = 'text/plain';
        }
      });
      scope
        .persist()
        .intercept((uri) => uri.startsWith('/api/v2/sdk/'), method)
        .optionally()
        .reply(function (uri, body) {
          const contentType =
            this.req.headers['x-original-content-type'] ?? this.req.headers['content-type'];
          const call: Call = {
            method,
            path: uri.replace('/api/v2', ''),
            ...(body === undefined || body === '' ? {} : { body }),
            ...(contentType ? { contentType } : {}),
          };
          fake.calls.push(call);
          if (this.req.headers.authorization !== `Token ${TOKEN}`) {
            return [401, { message: 'Invalid token' }, JSON_HEADERS];
          }
          const failure = fake.failures.findIndex((matches) => matches(call));
          if (failure !== -1) {
            fake.failures.splice(failure, 1);
            return [500, { message: 'Internal server error' }, JSON_HEADERS];
          }
          const [status, payload, headers] = fake.handle(call);
          return [status, payload as nock.Body, headers ?? JSON_HEADERS];
        });
    }
  }

  /** Makes the next call matching `when` fail with a 500. */
  failOnce(when: (call: Call) => boolean): void {
    this.failures.push(when);
  }

  writes(): Call[] {
    return this.calls.filter((call) => call.method !== 'GET');
  }

  route(call: Call): string {
    return `${call.method} ${call.path}`;
  }

  private handle(call: Call): Reply {
    const parts = call.path.split('/').filter(Boolean).slice(2); // drop "sdk", "apps"
    const { method } = call;
    if (parts[0] === 'connections' && parts[1]) return this.connection(method, parts, call.body);
    if (parts[0] === 'webhooks' && parts[1]) return this.webhook(method, parts, call.body);
    if (parts.length === 0 && method === 'POST') return this.createApp(call.body);
    const [appName, second, third, fourth, fifth] = parts;
    const app = appName === undefined ? undefined : this.apps.get(appName);
    if (!app) return [404, { message: `App ${appName} not found` }];
    if (second === 'connections') {
      if (method === 'GET') {
        const list = [...this.connections.values()].filter((c) => c.app === appName);
        return [200, { appConnections: list.map((c) => c.meta) }];
      }
      const name = `${appName}-conn-${++this.connectionCounter}`;
      const body = call.body as Record<string, unknown>;
      const entry = { app: appName as string, meta: { ...body, name }, sections: new Map() };
      this.connections.set(name, entry);
      return [200, { appConnection: entry.meta }];
    }
    if (second === 'webhooks') {
      if (method === 'GET') {
        const list = [...this.webhooks.values()].filter((w) => w.app === appName);
        return [200, { appWebhooks: list.map((w) => w.meta) }];
      }
      const name = `${appName}-hook-${++this.webhookCounter}`;
      const body = call.body as Record<string, unknown>;
      const entry = { app: appName as string, meta: { ...body, name }, sections: new Map() };
      this.webhooks.set(name, entry);
      return [200, { appWebhook: entry.meta }];
    }
    if (third === undefined) {
      if (method === 'GET') return [200, { app: app.meta }];
      Object.assign(app.meta, call.body);
      return [200, { app: app.meta }];
    }
    if (third === 'readme') {
      if (method === 'GET') return [200, app.readme, { 'content-type': 'text/markdown' }];
      app.readme = String(call.body);
      return [200, { changed: true }];
    }
    if (third === 'modules' || third === 'rpcs') {
      const store = third === 'modules' ? app.modules : app.rpcs;
      const listKey = third === 'modules' ? 'appModules' : 'appRpcs';
      const itemKey = third === 'modules' ? 'appModule' : 'appRpc';
      if (fourth === undefined) {
        if (method === 'GET') return [200, { [listKey]: [...store.values()].map((m) => m.meta) }];
        const body = call.body as Record<string, unknown>;
        const meta: Record<string, unknown> = { ...body, connection: null, altConnection: null };
        delete meta.moduleInitMode;
        store.set(String(body.name), { meta, sections: new Map() });
        return [200, { [itemKey]: meta }];
      }
      const item = store.get(fourth);
      if (!item) return [404, { message: `${fourth} not found` }];
      if (fifth === undefined) {
        Object.assign(item.meta, call.body);
        return [200, { [itemKey]: item.meta }];
      }
      return this.section(method, item.sections, fifth, call.body);
    }
    return this.section(method, app.sections, third, call.body);
  }

  private createApp(body: unknown): Reply {
    const meta: Record<string, unknown> = {
      ...(body as Record<string, unknown>),
      version: 1,
      global: true,
    };
    delete meta.audience;
    this.apps.set(String(meta.name), {
      meta,
      sections: new Map(),
      readme: '',
      modules: new Map(),
      rpcs: new Map(),
    });
    return [200, { app: meta }];
  }

  private connection(method: string, parts: string[], body: unknown): Reply {
    const entry = this.connections.get(parts[1] as string);
    if (!entry) return [404, { message: `connection ${parts[1]} not found` }];
    if (parts[2] === undefined) {
      Object.assign(entry.meta, body);
      return [200, { appConnection: entry.meta }];
    }
    return this.section(method, entry.sections, parts[2], body);
  }

  private webhook(method: string, parts: string[], body: unknown): Reply {
    const entry = this.webhooks.get(parts[1] as string);
    if (!entry) return [404, { message: `webhook ${parts[1]} not found` }];
    if (parts[2] === undefined) {
      if (method === 'GET') return [200, { appWebhook: entry.meta }];
      Object.assign(entry.meta, body);
      return [200, { appWebhook: entry.meta }];
    }
    return this.section(method, entry.sections, parts[2], body);
  }

  private section(method: string, store: Map<string, unknown>, name: string, body: unknown): Reply {
    if (method === 'GET') {
      // Never-written sections read back as Make's empty default.
      const fallback = ['parameters', 'expect', 'interface', 'scope', 'groups'].includes(name)
        ? []
        : {};
      return [200, store.has(name) ? store.get(name) : fallback];
    }
    store.set(name, typeof body === 'string' ? parseJsonc(body, name) : body);
    return [200, { changed: true }];
  }
}

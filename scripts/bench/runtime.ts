// Runtime benchmark (issue #4): a search over 100,000 items (200 pages of 500) served by a
// loopback HTTP server, the runtime against a hand-written fetch loop doing the same requests and
// the same mapping; then peak memory while streaming 1,000,000 items against 10,000. Caps are
// lifted. Prints figures; asserts nothing.
// Run alone: npx tsx scripts/bench/runtime.ts   (or via `npm run bench runtime`)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { appFromFiles, compileApp } from '../../lib/compile';
import {
  createConnection,
  createRuntimeApp,
  NO_CAPS,
  streamModule,
  type RuntimeApp,
} from '../../lib/runtime';
import type { App } from '../../lib/types';

const PAGE_SIZE = 500;
const API_HOST = 'api.bench.test';
const AUTH_HOST = 'auth.bench.test';
const CLIENT_SECRET = 'bench-client-secret';
const ACCESS_TOKEN = 'bench-access-token';

/** A subscription shaped like Hotmart's list item (hotmart-api §4.1), about 450 bytes of JSON. */
function item(i: number): Record<string, unknown> {
  return {
    subscriber_code: `SUB${i.toString(36).toUpperCase().padStart(6, '0')}`,
    subscription_id: 1000000 + i,
    status: i % 7 === 0 ? 'CANCELLED_BY_CUSTOMER' : 'ACTIVE',
    accession_date: 1577847600000 + i * 60000,
    date_next_charge: 1580526000000 + i * 60000,
    trial: i % 11 === 0,
    plan: { name: 'Monthly', id: 11 + (i % 3), recurrency_period: 30, max_charge_cycles: 12 },
    product: { id: 123456, name: 'The Product', ucode: 'c1d2e3f4-0000-4000-8000-000000000000' },
    price: { value: 49.9, currency_code: 'BRL' },
    subscriber: { name: `Subscriber ${i}`, email: `subscriber${i}@example.com`, ucode: `u-${i}` },
  };
}

/** Serves `total` items in pages of PAGE_SIZE, plus the token endpoint. Pages are built per request. */
function startServer(total: number): Promise<{ origin: string; close(): Promise<void> }> {
  const pages = Math.ceil(total / PAGE_SIZE);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/oauth/token') {
      req.resume();
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ access_token: ACCESS_TOKEN, expires_in: 172799 }));
      return;
    }
    if (req.headers.authorization !== `Bearer ${ACCESS_TOKEN}`) {
      res.statusCode = 401;
      res.end('{"error":"unauthorized"}');
      return;
    }
    const token = url.searchParams.get('page_token');
    const page = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
    const items = [];
    for (let i = page * PAGE_SIZE; i < Math.min(total, (page + 1) * PAGE_SIZE); i += 1)
      items.push(item(i));
    const next = page + 1 < pages ? Buffer.from(String(page + 1)).toString('base64url') : undefined;
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        items,
        page_info: { results_per_page: PAGE_SIZE, ...(next ? { next_page_token: next } : {}) },
      }),
    );
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * Two mappings, each with its hand-written twin. `hotmart` is what the app's list module does
 * (spread the item, turn the two epoch-millisecond dates into dates); `plain` has no date
 * function, so it isolates the runtime's own overhead from the cost of IML's parseDate.
 */
const MAPPINGS = {
  hotmart: {
    output: {
      '{{...}}': '{{item}}',
      accession_date: "{{parseDate(item.accession_date, 'x')}}",
      date_next_charge: "{{parseDate(item.date_next_charge, 'x')}}",
    },
    byHand: (raw: Record<string, unknown>): Record<string, unknown> => ({
      ...raw,
      accession_date: new Date(raw.accession_date as number).toISOString(),
      date_next_charge: new Date(raw.date_next_charge as number).toISOString(),
    }),
  },
  plain: {
    output: {
      '{{...}}': '{{item}}',
      plan_name: '{{item.plan.name}}',
      email: '{{item.subscriber.email}}',
    },
    byHand: (raw: Record<string, unknown>): Record<string, unknown> => ({
      ...raw,
      plan_name: (raw.plan as Record<string, unknown>).name,
      email: (raw.subscriber as Record<string, unknown>).email,
    }),
  },
} as const;

type Mapping = keyof typeof MAPPINGS;

/** The app under test, as deployed: compiled to Make's layout and read back. */
function benchApp(mapping: Mapping): RuntimeApp {
  const app: App = {
    manifest: {
      name: 'bench',
      label: 'Bench',
      description: 'Bench',
      version: 1,
      theme: '#000000',
      language: 'en',
      audience: 'global',
    },
    readme: '# Bench\n',
    base: {
      baseUrl: `https://${API_HOST}`,
      headers: { Authorization: 'Bearer {{connection.accessToken}}' },
      log: { sanitize: ['request.headers.authorization'] },
    },
    common: null,
    groups: [{ label: 'All', modules: ['listSubscriptions'] }],
    connections: [
      {
        name: 'bench',
        label: 'Bench',
        type: 'oauth',
        parameters: [
          { name: 'clientId', type: 'text', label: 'Client ID', required: true },
          { name: 'clientSecret', type: 'password', label: 'Client Secret', required: true },
        ],
        communication: {
          token: {
            condition: true,
            url: `https://${AUTH_HOST}/oauth/token`,
            method: 'POST',
            qs: {
              grant_type: 'client_credentials',
              client_id: '{{parameters.clientId}}',
              client_secret: '{{parameters.clientSecret}}',
            },
            body: {},
            response: {
              data: {
                accessToken: '{{body.access_token}}',
                expires: '{{addSeconds(now, body.expires_in)}}',
              },
            },
            log: { sanitize: ['request.qs.client_secret', 'response.body.access_token'] },
          },
        },
      },
    ],
    modules: [
      {
        name: 'listSubscriptions',
        label: 'List Subscriptions',
        description: 'Lists subscriptions.',
        type: 'search',
        connection: 'bench',
        staticParameters: [],
        mappableParameters: [{ name: 'limit', type: 'uinteger', label: 'Limit' }],
        interface: [],
        samples: {},
        scope: [],
        communication: {
          url: '/payments/api/v1/subscriptions',
          qs: { max_results: PAGE_SIZE },
          response: {
            iterate: '{{body.items}}',
            output: MAPPINGS[mapping].output,
            limit: '{{parameters.limit}}',
          },
          pagination: {
            condition: '{{body.page_info.next_page_token}}',
            qs: { page_token: '{{body.page_info.next_page_token}}' },
          },
        },
      },
    ],
    rpcs: [],
  };
  return createRuntimeApp(appFromFiles(compileApp(app)));
}

/** The same requests and mapping, written by hand. Returns the number of items. */
async function byHand(
  origin: string,
  mapping: Mapping,
  onItem: (bundle: Record<string, unknown>) => void,
): Promise<number> {
  const map = MAPPINGS[mapping].byHand;
  const tokenUrl = `${origin}/oauth/token?grant_type=client_credentials&client_id=bench&client_secret=${CLIENT_SECRET}`;
  const tokenResponse = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  let count = 0;
  let pageToken: string | undefined;
  do {
    const qs = `max_results=${PAGE_SIZE}${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
    const response = await fetch(`${origin}/payments/api/v1/subscriptions?${qs}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = JSON.parse(await response.text()) as {
      items: Array<Record<string, unknown>>;
      page_info: { next_page_token?: string };
    };
    for (const raw of body.items) {
      onItem(map(raw));
      count += 1;
    }
    pageToken = body.page_info.next_page_token;
  } while (pageToken);
  return count;
}

async function byRuntime(
  app: RuntimeApp,
  origin: string,
  onItem: (bundle: Record<string, unknown>) => void,
): Promise<number> {
  const hostMap = { [API_HOST]: origin, [AUTH_HOST]: origin };
  const connection = await createConnection(
    app,
    'bench',
    { clientId: 'bench', clientSecret: CLIENT_SECRET },
    { hostMap },
  );
  let count = 0;
  for await (const bundle of streamModule(app, 'listSubscriptions', {
    connection,
    caps: NO_CAPS,
  })) {
    onItem(bundle);
    count += 1;
  }
  return count;
}

function gcFunction(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

interface Memory {
  /** Highest heapUsed seen (sampled every 1,000 bundles; includes garbage not yet collected). */
  heap: number;
  /** Highest heapUsed right after a forced GC (every 50,000 bundles): memory the run retains. */
  retained: number;
  rss: number;
  ms: number;
}

/** Memory while streaming `total` items through the runtime (the hotmart mapping). */
async function memoryWhileStreaming(
  app: RuntimeApp,
  total: number,
  gc: () => void,
): Promise<Memory> {
  const server = await startServer(total);
  gc();
  const memory: Memory = { heap: 0, retained: 0, rss: 0, ms: 0 };
  let seen = 0;
  const started = performance.now();
  const count = await byRuntime(app, server.origin, () => {
    seen += 1;
    if (seen % 1000 === 0) {
      const usage = process.memoryUsage();
      memory.heap = Math.max(memory.heap, usage.heapUsed);
      memory.rss = Math.max(memory.rss, usage.rss);
    }
    if (seen % 50_000 === 0 || seen === total - 1) {
      gc();
      memory.retained = Math.max(memory.retained, process.memoryUsage().heapUsed);
    }
  });
  memory.ms = performance.now() - started;
  await server.close();
  if (count !== total) throw new Error(`streamed ${count} items, expected ${total}`);
  return memory;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Median time of the runtime and of the hand-written loop over `total` items, alternating. */
async function timeBoth(
  mapping: Mapping,
  total: number,
  rounds: number,
): Promise<{ hand: number; runtime: number }> {
  const app = benchApp(mapping);
  const server = await startServer(total);
  let sink = 0;
  const consume = (bundle: Record<string, unknown>): void => {
    sink += (bundle.subscription_id as number) & 1;
  };
  // Warm-up (JIT, keep-alive sockets), then alternate so neither side gets a systematically
  // quieter machine.
  await byHand(server.origin, mapping, consume);
  await byRuntime(app, server.origin, consume);
  const hand: number[] = [];
  const runtime: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    if ((await byHand(server.origin, mapping, consume)) !== total)
      throw new Error('the hand-written loop lost items');
    hand.push(performance.now() - started);
    started = performance.now();
    if ((await byRuntime(app, server.origin, consume)) !== total)
      throw new Error('the runtime lost items');
    runtime.push(performance.now() - started);
  }
  await server.close();
  if (sink < 0) console.log(sink);
  return { hand: median(hand), runtime: median(runtime) };
}

export async function benchRuntime(): Promise<void> {
  const total = 100_000;
  const rows = [];
  for (const mapping of ['hotmart', 'plain'] as const) {
    const { hand, runtime } = await timeBoth(mapping, total, 5);
    rows.push({
      mapping:
        mapping === 'hotmart'
          ? 'spread + 2 × parseDate (the list module)'
          : 'spread + 2 fields (no date function)',
      'hand-written': `${hand.toFixed(0)} ms`,
      runtime: `${runtime.toFixed(0)} ms`,
      'ratio (target ≤ 1.25)': (runtime / hand).toFixed(2),
    });
  }
  console.log(
    '\nRuntime: search over 100,000 items (200 pages of 500), loopback HTTP, caps lifted, median of 5',
  );
  console.table(rows);

  const gc = gcFunction();
  const app = benchApp('hotmart');
  const small = await memoryWhileStreaming(app, 10_000, gc);
  const large = await memoryWhileStreaming(app, 1_000_000, gc);
  console.log('Runtime: memory while streaming (streamModule, caps lifted)');
  console.table([
    {
      items: '10,000',
      'peak heap': mb(small.heap),
      'retained heap': mb(small.retained),
      'peak RSS': mb(small.rss),
      time: `${(small.ms / 1000).toFixed(1)} s`,
    },
    {
      items: '1,000,000',
      'peak heap': mb(large.heap),
      'retained heap': mb(large.retained),
      'peak RSS': mb(large.rss),
      time: `${(large.ms / 1000).toFixed(1)} s`,
    },
    {
      items: 'difference (target < 50 MB)',
      'peak heap': mb(large.heap - small.heap),
      'retained heap': mb(large.retained - small.retained),
      'peak RSS': mb(large.rss - small.rss),
      time: '',
    },
  ]);
}

if (require.main === module) {
  benchRuntime().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

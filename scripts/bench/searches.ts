// The searches the runtime bench times: an app with one list module (as deployed: compiled to
// Make's layout and read back), its mappings, and for each mapping the same requests and items
// written by hand. Used by the timing child (search-side.ts) and the memory part (runtime.ts).
import { appFromFiles, compileApp } from '../../lib/compile';
import {
  createConnection,
  createRuntimeApp,
  NO_CAPS,
  streamModule,
  type RuntimeApp,
} from '../../lib/runtime';
import type { App } from '../../lib/types';

const API_HOST = 'api.bench.test';
const AUTH_HOST = 'auth.bench.test';
const CLIENT_SECRET = 'bench-client-secret';
/** What the page server (page-server.js) hands out and expects back. */
export const ACCESS_TOKEN = 'bench-access-token';

/**
 * The mappings, each with its hand-written twin. `oneFunction` has one per-item function;
 * `hotmart` is what the app's list module does (spread the item, turn the two epoch-millisecond
 * dates into dates); `plain` has no function, so it isolates the runtime's own overhead.
 */
const MAPPINGS = {
  oneFunction: {
    output: {
      '{{...}}': '{{item}}',
      email: '{{lower(item.subscriber.email)}}',
    },
    byHand: (raw: Record<string, unknown>): Record<string, unknown> => ({
      ...raw,
      email: String((raw.subscriber as Record<string, unknown>).email).toLowerCase(),
    }),
  },
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

export type Mapping = keyof typeof MAPPINGS;

/** The app under test, as deployed: compiled to Make's layout and read back. */
export function benchApp(mapping: Mapping, pageSize: number): RuntimeApp {
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
          qs: { max_results: pageSize },
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
export async function byHand(
  origin: string,
  mapping: Mapping,
  pageSize: number,
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
    const qs = `max_results=${pageSize}${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
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

export async function byRuntime(
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

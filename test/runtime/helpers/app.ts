// Source-model builders for the runtime tests. Every test app goes through the real pipeline
// (compileApp → files in Make's layout → loadApp), so the runtime runs what would be deployed.
import type { App, BaseSpec, ConnectionSpec, ModuleSpec, RpcSpec } from '../../../lib/types';

export const API = 'https://api.example.test';
export const AUTH = 'https://auth.example.test';

/** Every credential used in these tests contains this marker; the leak check looks for it. */
export const SECRET_MARK = 'sekrit';

export const CREDENTIALS = {
  clientId: 'client-id-123',
  clientSecret: `${SECRET_MARK}-client-secret`,
  apiKey: `${SECRET_MARK}-api-key`,
  token: (n: number): string => `${SECRET_MARK}-access-token-${n}`,
};

export const bearerBase: BaseSpec = {
  baseUrl: API,
  headers: { Authorization: 'Bearer {{connection.accessToken}}' },
  log: { sanitize: ['request.headers.authorization'] },
};

const tokenRequest = (root: 'parameters' | 'connection') => ({
  url: `${AUTH}/oauth/token`,
  method: 'POST',
  type: 'urlencoded',
  body: {
    grant_type: 'client_credentials',
    client_id: `{{${root}.clientId}}`,
    client_secret: `{{${root}.clientSecret}}`,
  },
  response: {
    data: {
      accessToken: '{{body.access_token}}',
      expires: '{{addSeconds(now, body.expires_in)}}',
    },
  },
  log: { sanitize: ['request.body.client_secret', 'response.body.access_token'] },
});

/** OAuth client-credentials connection (make-app-format §3.4): token, refresh within 15 min. */
function oauthConnection(overrides: Partial<ConnectionSpec> = {}): ConnectionSpec {
  return {
    name: 'acme',
    label: 'Acme',
    type: 'oauth',
    parameters: [
      { name: 'clientId', type: 'text', label: 'Client ID', required: true },
      { name: 'clientSecret', type: 'password', label: 'Client Secret', required: true },
    ],
    communication: {
      token: { condition: true, ...tokenRequest('parameters') },
      refresh: {
        condition: '{{data.expires < addMinutes(now, 15)}}',
        ...tokenRequest('connection'),
      },
    },
    ...overrides,
  } as ConnectionSpec;
}

/** Basic (API key) connection with a verification call that stores the account id. */
export function apiKeyConnection(): ConnectionSpec {
  return {
    name: 'acmeKey',
    label: 'Acme (API key)',
    type: 'basic',
    parameters: [{ name: 'apiKey', type: 'password', label: 'API key', required: true }],
    communication: {
      url: `${API}/v1/me`,
      headers: { 'X-Api-Key': '{{parameters.apiKey}}' },
      response: {
        data: { accountId: '{{body.id}}' },
        metadata: { type: 'text', value: '{{body.name}}' },
      },
      log: { sanitize: ['request.headers.x-api-key'] },
    },
  };
}

type ModuleInput = Partial<ModuleSpec> & Pick<ModuleSpec, 'communication'>;

export function testModule(input: ModuleInput): ModuleSpec {
  const type = input.type ?? 'search';
  return {
    name: 'testModule',
    label: 'Test Module',
    description: 'A module under test.',
    type,
    ...(type === 'action' ? { crud: 'read' as const } : {}),
    connection: 'acme',
    staticParameters: [],
    mappableParameters: [],
    interface: [],
    samples: {},
    scope: [],
    ...input,
  } as ModuleSpec;
}

export function testApp(parts: {
  modules: ModuleSpec[];
  base?: BaseSpec;
  connections?: ConnectionSpec[];
  common?: Record<string, unknown> | null;
  rpcs?: RpcSpec[];
}): App {
  const connections = parts.connections ?? [oauthConnection()];
  return {
    manifest: {
      name: 'runtime-test',
      label: 'Runtime test',
      description: 'An app for the runtime tests.',
      version: 1,
      theme: '#000000',
      language: 'en',
      audience: 'global',
    },
    readme: '# Runtime test\n',
    base: parts.base ?? bearerBase,
    common: parts.common ?? null,
    groups: [{ label: 'All', modules: parts.modules.map((m) => m.name) }],
    connections,
    modules: parts.modules,
    rpcs: parts.rpcs ?? [],
  };
}

/** A one-hour token response for the acme connection. */
export function tokenReply(
  n: number,
  expiresIn = 3600,
): { access_token: string; expires_in: number } {
  return { access_token: CREDENTIALS.token(n), expires_in: expiresIn };
}

export const TOKEN_BODY = `grant_type=client_credentials&client_id=${CREDENTIALS.clientId}&client_secret=${CREDENTIALS.clientSecret}`;

export const ACME_PARAMETERS = {
  clientId: CREDENTIALS.clientId,
  clientSecret: CREDENTIALS.clientSecret,
};

type Steps = Record<string, Record<string, unknown>>;

/**
 * The acme OAuth connection with its steps rewritten by `edit`. Loosely typed on purpose: some
 * tests use forms the project schema rejects (Make's scaffold token condition, authorize).
 */
export function oauthWith(edit: (steps: Steps) => Record<string, unknown>): ConnectionSpec {
  const base = oauthConnection();
  const steps = JSON.parse(JSON.stringify(base.communication)) as Steps;
  return { ...base, communication: edit(steps) } as unknown as ConnectionSpec;
}

/** A value the source-model types reject on purpose (runtime defences against hand-edited JSON). */
export function untyped<T>(value: unknown): T {
  return value as T;
}

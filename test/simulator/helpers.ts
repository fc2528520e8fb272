// Shared helpers for the simulator tests: a controllable clock, a token, and JSON calls.
import { SIMULATOR_CREDENTIALS, createSimulator } from '../../lib/simulator';
import type { Simulator, SimulatorOptions, SimulatorResponse } from '../../lib/simulator';

export const START = Date.parse('2024-06-15T12:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;
export const SUBSCRIPTIONS = '/payments/api/v1/subscriptions';

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
  ms(): number;
}

export function testClock(start = START): TestClock {
  let current = start;
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    ms: () => current,
  };
}

export function tokenUrl(
  clientId: string = SIMULATOR_CREDENTIALS.clientId,
  clientSecret: string = SIMULATOR_CREDENTIALS.clientSecret,
  host = 'https://api-sec-vlc.hotmart.com',
): string {
  const query = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
  });
  return `${host}/security/oauth/token?${query.toString()}`;
}

export async function getToken(sim: Simulator): Promise<string> {
  const response = await sim.handle({
    method: 'POST',
    url: tokenUrl(sim.credentials.clientId, sim.credentials.clientSecret),
    headers: {
      Authorization: `Basic ${sim.credentials.basicToken}`,
      'Content-Type': 'application/json',
    },
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.body}`);
  return (JSON.parse(response.body) as { access_token: string }).access_token;
}

export interface JsonResponse<T = unknown> extends SimulatorResponse {
  json: T;
}

export async function call<T = unknown>(
  sim: Simulator,
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const response = await sim.handle({
    method,
    url: url.startsWith('http') ? url : `https://developers.hotmart.com${url}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { ...response, json: (response.body === '' ? undefined : JSON.parse(response.body)) as T };
}

/** A simulator on a fixed clock plus a valid token: the starting point of most tests. */
export async function setup(
  options: SimulatorOptions = {},
): Promise<{ sim: Simulator; token: string; clock: TestClock }> {
  const clock = testClock();
  const sim = createSimulator({ now: clock.now, ...options });
  return { sim, token: await getToken(sim), clock };
}

export interface ListPage<T> {
  items: T[];
  page_info: {
    total_results?: number;
    next_page_token?: string;
    prev_page_token?: string;
    results_per_page: number;
  };
}

/** Follows next_page_token to the end; returns every page. */
export async function walkPages<T>(
  sim: Simulator,
  token: string,
  path: string,
  query: URLSearchParams,
): Promise<ListPage<T>[]> {
  const pages: ListPage<T>[] = [];
  let pageToken: string | undefined;
  do {
    const q = new URLSearchParams(query);
    if (pageToken !== undefined) q.set('page_token', pageToken);
    const response = await call<ListPage<T>>(sim, token, 'GET', `${path}?${q.toString()}`);
    if (response.status !== 200) throw new Error(`page failed: ${response.body}`);
    pages.push(response.json);
    pageToken = response.json.page_info.next_page_token;
  } while (pageToken !== undefined && pages.length < 1000);
  return pages;
}

export function errorBody(error: string): Record<string, unknown> {
  return {
    error,
    error_description: expect.any(String),
    error_uri: 'https://developers.hotmart.com/docs/en/start/http-response-codes/',
  };
}

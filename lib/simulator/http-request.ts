// Normalises an incoming request: case-insensitive headers, path segments, query values.
import { invalidParameter } from './errors';
import type { SimulatorRequest } from './types';

/** Any origin works: routing is by path, so one server can stand in for every Hotmart host. */
const DEFAULT_ORIGIN = 'https://developers.hotmart.com';

export interface ParsedRequest {
  method: string;
  host: string;
  path: string;
  /** Decoded path segments, without empty ones from a trailing slash. */
  segments: string[];
  query: URLSearchParams;
  rawQuery: string;
  headers: Map<string, string>;
  body: string | undefined;
}

export function parseRequest(request: SimulatorRequest): ParsedRequest | undefined {
  let url: URL;
  try {
    url = new URL(request.url, DEFAULT_ORIGIN);
  } catch {
    return undefined;
  }
  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    if (raw === '') continue;
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
  }
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name.toLowerCase(), value);
  }
  return {
    method: String(request.method).toUpperCase(),
    host: url.host,
    path: url.pathname,
    segments,
    query: url.searchParams,
    rawQuery: url.search.replace(/^\?/, ''),
    headers,
    body: request.body === undefined || request.body === '' ? undefined : request.body,
  };
}

/** Parses a JSON object body; an absent body is an empty object (every field is optional). */
export function jsonBody(request: ParsedRequest): Record<string, unknown> {
  if (request.body === undefined || request.body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw invalidParameter('The request body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidParameter('The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** Reads an optional boolean body field; anything but true/false is rejected by name. */
export function optionalBooleanField(
  body: Record<string, unknown>,
  name: string,
  fallback: boolean,
): boolean {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    throw invalidParameter(`The body field '${name}' must be a boolean (true or false).`);
  }
  return value;
}

// A run's HTTP log as the studio shows it: one line per request, with the sanitized request and
// response (the runtime has already masked secrets: `log.sanitize`, passwords, tokens).
import type { HttpLogEntry } from '../runtime';

export interface StudioLogEntry {
  method: string;
  url: string;
  status: number | undefined;
  detail: unknown;
}

export function logEntries(entries: readonly HttpLogEntry[]): StudioLogEntry[] {
  return entries.map((entry) => ({
    method: entry.request.method,
    url: entry.request.url,
    status: entry.response?.statusCode,
    detail: {
      component: entry.component,
      request: entry.request,
      ...(entry.response === undefined ? {} : { response: entry.response }),
      ...(entry.error === undefined ? {} : { error: entry.error }),
    },
  }));
}

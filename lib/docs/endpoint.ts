// The Hotmart endpoint of a module, read from its communication: method and URL template with
// every IML expression shown as the parameter it reads (`{subscriber_code}`), so a reader sees
// Hotmart's path rather than IML.
import type { ModuleSpec } from '../types';

export interface Endpoint {
  method: string;
  /** Path (or URL) template, IML replaced by `{name}` placeholders. */
  path: string;
  paginated: boolean;
}

function placeholder(expression: string): string {
  const names = new Set(
    [...expression.matchAll(/parameters\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]),
  );
  if (names.size === 1) return `{${[...names][0] as string}}`;
  return `{${expression.trim()}}`;
}

export function templateText(template: string): string {
  return template.replace(/\{\{([\s\S]*?)\}\}/g, (_match, expression: string) =>
    placeholder(expression),
  );
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** One entry per request of the communication (most modules have one). */
export function endpointsOf(module: ModuleSpec): Endpoint[] {
  const requests = Array.isArray(module.communication)
    ? module.communication
    : [module.communication];
  return requests.flatMap((request) => {
    const spec = record(request);
    if (!spec || typeof spec.url !== 'string') return [];
    const method = templateText(typeof spec.method === 'string' ? spec.method : 'GET');
    return [
      {
        method: method.includes('{') ? method : method.toUpperCase(),
        path: templateText(spec.url),
        paginated: spec.pagination !== undefined,
      },
    ];
  });
}

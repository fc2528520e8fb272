// The secret-leak check of the module tests: none of the fake secrets may appear in a run log, a
// connection log or an error (message, JSON form, attached log, stack).
import { BASIC, CREDENTIALS, FIRST_TOKEN, RENEWED_TOKEN } from './hotmart';

/** Every secret value the tests use, in every form that reaches a request. */
export const SECRET_VALUES: readonly string[] = [
  CREDENTIALS.clientSecret,
  encodeURIComponent(CREDENTIALS.clientSecret),
  BASIC,
  FIRST_TOKEN.access_token,
  RENEWED_TOKEN.access_token,
];

/** The secrets found anywhere in `values` (serialised as JSON; strings as they are). */
export function leakedSecrets(...values: unknown[]): string[] {
  const text = values
    .map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')))
    .join('\n');
  return SECRET_VALUES.filter((secret) => text.includes(secret));
}

/** Everything an error exposes: message, JSON form, stack and the run log attached to it. */
export function errorSurface(error: unknown): unknown[] {
  if (!(error instanceof Error)) return [String(error)];
  const withJson = error as Error & { toJSON?: () => unknown; log?: unknown };
  return [
    error.message,
    error.stack ?? '',
    typeof withJson.toJSON === 'function' ? withJson.toJSON() : {},
    withJson.log ?? {},
  ];
}

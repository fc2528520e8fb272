// What Make answers an HTTP caller: a webhook's `respond` (and `verification.respond`) and a
// responder module's `response` share one shape, `{ type, status, headers, body }` (make-app-
// format §2.8, §4.1). `type` says how the body is written: `json` (the default), `urlencoded` or
// `text`; header names are lower-cased; nothing declared is Make's default, 200 "Accepted".
import { toDisplayText } from '../iml';
import { definitionInvalid } from './errors';
import { evaluate, type EvalClock, type Scope } from './iml';
import { describeType, isPlainObject, toWire } from './wire';

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Make's answer when the webhook declares none. */
const ACCEPTED: WebhookResponse = {
  status: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: 'Accepted',
};

/** The `respond` directive evaluated: `{ type, status, headers, body }`. */
export function respondWith(
  directive: unknown,
  scope: Scope,
  where: string,
  clock: EvalClock,
): WebhookResponse {
  if (directive === undefined) return ACCEPTED;
  const value = evaluate(directive, scope, where, clock);
  if (!isPlainObject(value)) throw definitionInvalid(where, `evaluated to ${describeType(value)}.`);
  const status = value.status === undefined ? 200 : Number(value.status);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw definitionInvalid(where, `status ${String(value.status)} is not an HTTP status.`);
  }
  const headers: Record<string, string> = {};
  if (isPlainObject(value.headers)) {
    for (const [name, text] of Object.entries(value.headers)) {
      if (text !== undefined) headers[name.toLowerCase()] = toDisplayText(text);
    }
  }
  const type = value.type ?? 'json';
  const body = toWire(value.body);
  if (type === 'json') {
    headers['content-type'] ??= 'application/json';
    return { status, headers, body: body === undefined ? '' : JSON.stringify(body) };
  }
  if (type === 'urlencoded') {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    const pairs = isPlainObject(body) ? Object.entries(body) : [];
    return {
      status,
      headers,
      body: new URLSearchParams(
        pairs.map(([k, v]): [string, string] => [k, toDisplayText(v)]),
      ).toString(),
    };
  }
  headers['content-type'] ??= 'text/plain; charset=utf-8';
  return { status, headers, body: body === undefined ? '' : toDisplayText(body) };
}

// `log.sanitize` (make-app-format §5): dot paths into the logged exchange, case-insensitive, with
// backticks around keys that contain dots or spaces, e.g. `request.headers.authorization`,
// `request.qs.client_secret`, `response.body.access_token`, ``request.body.`x.y` ``.
import { memoize } from '../shared';
import { REDACTED } from './redact';
import { setOwn } from './wire';

/** Splits `a.b.\`c.d\`` into `['a', 'b', 'c.d']`; keys are lower-cased for matching. */
export function parseSanitizePath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of path) {
    if (ch === '`') {
      quoted = !quoted;
      continue;
    }
    if (ch === '.' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
}

// Every request and response of a run is sanitized with the same few paths: each is parsed once.
const parsedPath = memoize(parseSanitizePath);

/**
 * A copy of `target` with the value at every path replaced by `[REDACTED]`. Keys match
 * case-insensitively (header names differ in case between definition and wire); an array met on
 * the way applies the rest of the path to each element (so `response.body.items.token` masks every
 * item's token). Paths that do not exist change nothing.
 */
export function applySanitize<T>(target: T, paths: readonly string[]): T {
  let out: unknown = target;
  for (const path of paths) out = mask(out, parsedPath(path), 0);
  return out as T;
}

/** `value` with `path` from its element `from` on masked; copied only where a key matches. */
function mask(value: unknown, path: readonly string[], from: number): unknown {
  if (from === path.length) return value === undefined ? value : REDACTED;
  if (Array.isArray(value)) return value.map((item) => mask(item, path, from));
  if (value === null || typeof value !== 'object') return value;
  const head = path[from];
  const keys = Object.keys(value);
  if (!keys.some((key) => key.toLowerCase() === head)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = source[key];
    setOwn(out, key, key.toLowerCase() === head ? mask(item, path, from + 1) : item);
  }
  return out;
}

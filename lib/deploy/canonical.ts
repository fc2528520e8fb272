// Deploy decides "changed or not" by comparing normalised JSON, never raw text: Make may return
// a section re-serialised (other key order, other whitespace, comments dropped).
import { parseJsonc } from '../compile';

/** JSON text with object keys sorted recursively, so equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/**
 * Normalises a section as Make returned it. The SDK hands back parsed JSON when Make answers
 * `application/json` and the raw text otherwise, so both shapes are accepted; text that is not
 * JSON(C) is compared as trimmed text.
 */
export function normaliseRemoteSection(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return canonicalJson(parseJsonc(value, 'remote section'));
    } catch {
      return JSON.stringify(value.trim());
    }
  }
  return canonicalJson(value === undefined ? null : value);
}

/** Normalises Markdown so line endings and trailing blank lines do not count as a change. */
export function normaliseText(value: unknown): string {
  const text = typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
  return text.replace(/\r\n/g, '\n').trim();
}

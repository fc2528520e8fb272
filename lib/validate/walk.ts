// Generic walks over the JSON values of the source model.
import { isPlainObject } from '../shared';
import type { SourcePath } from './constraint';

/** Calls `visit` for every string value (not keys) under `value`, with its path. */
export function walkStrings(
  value: unknown,
  path: SourcePath,
  visit: (text: string, path: SourcePath) => void,
): void {
  if (typeof value === 'string') {
    visit(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => walkStrings(item, [...path, i], visit));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...path, key], visit);
  }
}

/** A communication as its list of requests with their paths (an object is a list of one). */
export function requestsOf(communication: unknown, path: SourcePath): Array<[unknown, SourcePath]> {
  if (Array.isArray(communication)) return communication.map((r, i) => [r, [...path, i]]);
  return communication === undefined ? [] : [[communication, path]];
}

// Finds the `{{root.key...}}` references in a communication, with the location of the string
// that holds each one (the pointer an issue should name).
import { referencedPaths } from '../iml';
import type { SourcePath } from './constraint';
import { walkStrings } from './walk';

export interface Reference {
  /** First key after the root (`x` in `{{parameters.x.y}}`); undefined for the bare root. */
  key: string | undefined;
  /** Where the string holding the reference is, in the source model. */
  path: SourcePath;
}

/** Variable paths of one template string, or `[]` when it does not parse (iml-valid reports it). */
export function pathsIn(text: string): string[][] {
  if (!text.includes('{{')) return [];
  try {
    return referencedPaths(text);
  } catch {
    return [];
  }
}

/** Every reference to `root` in `value`, one per (string, key). */
export function referencesTo(value: unknown, path: SourcePath, root: string): Reference[] {
  const found: Reference[] = [];
  walkStrings(value, path, (text, at) => {
    const keys = new Set<string | undefined>();
    for (const refPath of pathsIn(text)) {
      if (refPath[0] === root) keys.add(refPath[1]);
    }
    for (const key of keys) found.push({ key, path: at });
  });
  return found;
}

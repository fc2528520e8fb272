// Turns the compiled file map into file text: JSON formatted as prettier formats it with the
// repository's own configuration (lib/shared/json-print.ts, prettier itself for the characters
// that printer declines), so `dist/` looks exactly like hand-formatted files.
import { formatJson, printJson } from '../shared';
import { CompileError } from './errors';
import { isJsonFile } from './layout';

/**
 * Renders every file: JSON paths (`.json`, `.imljson`, `.jsonc`) as prettier-formatted JSON (parser `json`), every other path
 * (the README) as its string with one trailing newline ensured. Deterministic: same map, same
 * bytes; the result is sorted by path.
 */
export async function renderFiles(
  files: ReadonlyMap<string, unknown>,
): Promise<Map<string, string>> {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rendered = new Map<string, string>();
  for (const path of paths) {
    rendered.set(path, await renderFile(path, files.get(path)));
  }
  return rendered;
}

export async function renderFile(path: string, value: unknown): Promise<string> {
  if (isJsonFile(path)) {
    // Indented input keeps objects expanded (prettier preserves a break after `{`), which reads
    // and diffs better than one long line; short arrays are still collapsed by prettier.
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text === undefined) {
      throw new CompileError('COMPILE_NOT_JSON', path, 'the value has no JSON form');
    }
    // The native printer gives prettier's bytes without loading prettier; for the characters
    // it cannot measure as prettier does, prettier itself (lib/shared/json-print.ts).
    return printJson(JSON.parse(text)) ?? formatJson(text);
  }
  if (typeof value !== 'string') {
    throw new CompileError('COMPILE_NOT_JSON', path, 'expected text for a non-JSON file');
  }
  return value.endsWith('\n') ? value : `${value}\n`;
}

// Turns the compiled file map into file text: JSON formatted by prettier with the repository's
// own configuration, so `dist/` looks exactly like hand-formatted project files.
//
// `prettier/standalone` (not the `prettier` entry point) because the latter loads its formatter
// with a dynamic `import()`, which a CommonJS host such as jest cannot run without flags. The JSON
// printer lives in the estree plugin, the JSON parser in the babel plugin.
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import type { Options } from 'prettier';
import { format } from 'prettier/standalone';
import prettierConfig from '../../.prettierrc.json';
import { CompileError } from './errors';

// The JSON import widens string unions (`trailingComma`) to string; prettier checks them at run time.
const config = prettierConfig as Options;

/**
 * Renders every file: `.json` paths as prettier-formatted JSON (parser `json`), every other path
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
  if (path.endsWith('.json')) {
    // Indented input keeps objects expanded (prettier preserves a break after `{`), which reads
    // and diffs better than one long line; short arrays are still collapsed by prettier.
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text === undefined) {
      throw new CompileError('COMPILE_NOT_JSON', path, 'the value has no JSON form');
    }
    return format(text, { ...config, parser: 'json', plugins: [babel, estree] });
  }
  if (typeof value !== 'string') {
    throw new CompileError('COMPILE_NOT_JSON', path, 'expected text for a non-JSON file');
  }
  return value.endsWith('\n') ? value : `${value}\n`;
}

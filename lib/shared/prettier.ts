// The one prettier wrapper: generated files (dist/, doc pages, recorded fixtures) are formatted
// with the repository's own settings, so they are exactly what `npm run format` would leave and
// `npm run format:check` passes on them.
//
// `prettier/standalone` (not the `prettier` entry point) because the latter loads its formatter
// with a dynamic `import()`, which a CommonJS host such as jest cannot run without flags. The JSON
// printer lives in the estree plugin, the JSON parser in the babel plugin.
import type { Options } from 'prettier';
import * as babel from 'prettier/plugins/babel';
import * as estree from 'prettier/plugins/estree';
import * as markdown from 'prettier/plugins/markdown';
import { format } from 'prettier/standalone';
import prettierConfig from '../../.prettierrc.json';

// The JSON import widens string unions (`trailingComma`) to string; prettier checks them at run time.
const config = prettierConfig as Options;

export function formatJson(source: string): Promise<string> {
  return format(source, { ...config, parser: 'json', plugins: [babel, estree] });
}

export function formatMarkdown(source: string): Promise<string> {
  return format(source, { ...config, parser: 'markdown', plugins: [markdown] });
}

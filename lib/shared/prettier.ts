// The one prettier wrapper: generated files (dist/, doc pages, recorded fixtures) are formatted
// with the repository's own settings, so they are exactly what `npm run format` would leave and
// `npm run format:check` passes on them.
//
// `prettier/standalone` (not the `prettier` entry point) because the latter loads its formatter
// with a dynamic `import()`, which a CommonJS host such as jest cannot run without flags. The JSON
// printer lives in the estree plugin, the JSON parser in the babel plugin.
//
// Prettier and its plugins are required on first use: they take a tenth of a second to load,
// which a CLI run or a runtime that never formats should not pay.
import type { Options } from 'prettier';
import prettierConfig from '../../.prettierrc.json';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
const standalone = (): typeof import('prettier/standalone') =>
  require('prettier/standalone') as typeof import('prettier/standalone');
const babel = (): typeof import('prettier/plugins/babel') =>
  require('prettier/plugins/babel') as typeof import('prettier/plugins/babel');
const estree = (): typeof import('prettier/plugins/estree') =>
  require('prettier/plugins/estree') as typeof import('prettier/plugins/estree');
const markdown = (): typeof import('prettier/plugins/markdown') =>
  require('prettier/plugins/markdown') as typeof import('prettier/plugins/markdown');
/* eslint-enable @typescript-eslint/no-require-imports */

// The JSON import widens string unions (`trailingComma`) to string; prettier checks them at run time.
const config = prettierConfig as Options;

export function formatJson(source: string): Promise<string> {
  return standalone().format(source, { ...config, parser: 'json', plugins: [babel(), estree()] });
}

/** Markdown, with its embedded JSON code blocks formatted too, as the prettier CLI does. */
export function formatMarkdown(source: string): Promise<string> {
  return standalone().format(source, {
    ...config,
    parser: 'markdown',
    plugins: [markdown(), babel(), estree()],
  });
}

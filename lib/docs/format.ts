// Generated files (doc pages, recorded fixtures) are run through prettier with the repository's
// settings, so what the CLI writes is exactly what `npm run format` would leave and
// `npm run format:check` passes on it. prettier's standalone build is used because its Node entry
// loads its core with a dynamic import() that jest cannot run without --experimental-vm-modules;
// the formatter is the same.
import fs from 'node:fs';
import path from 'node:path';
import * as babelPlugin from 'prettier/plugins/babel';
import * as estreePlugin from 'prettier/plugins/estree';
import * as markdownPlugin from 'prettier/plugins/markdown';
import { format } from 'prettier/standalone';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function repoConfig(): Record<string, unknown> {
  const file = path.join(REPO_ROOT, '.prettierrc.json');
  const config: unknown = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new Error(`${file} must contain a JSON object`);
  }
  return config as Record<string, unknown>;
}

export function formatMarkdown(source: string): Promise<string> {
  return format(source, { ...repoConfig(), parser: 'markdown', plugins: [markdownPlugin] });
}

export function formatJson(source: string): Promise<string> {
  return format(source, {
    ...repoConfig(),
    parser: 'json',
    plugins: [babelPlugin, estreePlugin],
  });
}

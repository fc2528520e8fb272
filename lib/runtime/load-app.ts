// loadApp(dir): a built app directory (Make's local-development layout, make-app-format §14) →
// the runtime's model. Reads `makecomapp.json`, every file it names and the project's
// `general/manifest.json`; `.json` files may be JSONC (comments are stripped, as Make's tooling
// accepts them, §14.1). Then `appFromFiles` rebuilds the definitions and `validateApp` checks
// them: the runtime only runs an app that would build and deploy.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appFromFiles, GENERAL_FILES, MAKECOMAPP_FILE } from '../compile';
import { stripJsonComments } from '../compile/jsonc';
import { formatIssue, validateApp } from '../validate';
import { AppLoadError } from './errors';
import { createRuntimeApp, type RuntimeApp } from './runtime-app';
import { isPlainObject } from './wire';

async function readText(dir: string, file: string, namedBy: string): Promise<string> {
  const full = path.resolve(dir, file);
  if (full !== path.resolve(dir) && !full.startsWith(path.resolve(dir) + path.sep)) {
    throw new AppLoadError(
      'APP_FILE_MISSING',
      `${file} (named by ${namedBy}) points outside ${dir}.`,
      { file },
    );
  }
  try {
    return await fs.readFile(full, 'utf8');
  } catch {
    throw new AppLoadError(
      'APP_FILE_MISSING',
      `${file} is missing in ${dir} (named by ${namedBy}).`,
      { file },
    );
  }
}

function parseFile(file: string, text: string): unknown {
  if (!file.endsWith('.json')) return text;
  try {
    return JSON.parse(stripJsonComments(text)) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppLoadError('APP_FILE_UNPARSABLE', `${file} is not valid JSON: ${reason}.`, {
      file,
    });
  }
}

/** Every file path named in the manifest, with the pointer that names it. */
function namedFiles(manifest: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const general = manifest.generalCodeFiles;
  if (isPlainObject(general)) {
    for (const [key, file] of Object.entries(general)) {
      if (typeof file === 'string') out.push([file, `${MAKECOMAPP_FILE}#/generalCodeFiles/${key}`]);
    }
  }
  const components = manifest.components;
  if (isPlainObject(components)) {
    for (const [kind, group] of Object.entries(components)) {
      if (!isPlainObject(group)) continue;
      for (const [name, entry] of Object.entries(group)) {
        if (!isPlainObject(entry) || !isPlainObject(entry.codeFiles)) continue;
        for (const [code, file] of Object.entries(entry.codeFiles)) {
          if (typeof file === 'string') {
            out.push([file, `${MAKECOMAPP_FILE}#/components/${kind}/${name}/codeFiles/${code}`]);
          }
        }
      }
    }
  }
  return out;
}

export interface LoadOptions {
  /**
   * Run `validateApp` (default true). Only tests that exercise the runtime's defences against
   * definitions the validator would reject turn it off.
   */
  validate?: boolean;
}

/**
 * Loads and validates a built app. Throws an AppLoadError naming the missing or unparsable file,
 * or listing every validation issue (one `formatIssue` line each).
 */
export async function loadApp(dir: string, options: LoadOptions = {}): Promise<RuntimeApp> {
  const root = path.resolve(dir);
  let stat;
  try {
    stat = await fs.stat(root);
  } catch {
    throw new AppLoadError(
      'APP_NOT_FOUND',
      `${dir} does not exist: build the app first (npm run build).`,
    );
  }
  if (!stat.isDirectory()) throw new AppLoadError('APP_NOT_FOUND', `${dir} is not a directory.`);

  const files = new Map<string, unknown>();
  const manifest = parseFile(MAKECOMAPP_FILE, await readText(root, MAKECOMAPP_FILE, 'the layout'));
  if (!isPlainObject(manifest)) {
    throw new AppLoadError('APP_FILE_UNPARSABLE', `${MAKECOMAPP_FILE} must hold a JSON object.`, {
      file: MAKECOMAPP_FILE,
    });
  }
  files.set(MAKECOMAPP_FILE, manifest);
  const toRead: Array<[string, string]> = [
    [GENERAL_FILES.manifest, 'the project layout'],
    ...namedFiles(manifest),
  ];
  for (const [file, namedBy] of toRead) {
    if (files.has(file)) continue;
    files.set(file, parseFile(file, await readText(root, file, namedBy)));
  }

  let definition;
  try {
    definition = appFromFiles(files);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const file = (error as { file?: unknown }).file;
    throw new AppLoadError(
      'APP_FILE_UNPARSABLE',
      `${dir}: ${reason}`,
      typeof file === 'string' ? { file } : {},
    );
  }
  const issues = options.validate === false ? [] : validateApp(definition);
  if (issues.length > 0) {
    const lines = issues.map(formatIssue);
    throw new AppLoadError(
      'APP_INVALID',
      `${dir} is not a valid app (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.map((line) => `  ${line}`).join('\n')}`,
      { issues: lines, ...(issues[0] ? { file: issues[0].file } : {}) },
    );
  }
  return createRuntimeApp(definition, root);
}

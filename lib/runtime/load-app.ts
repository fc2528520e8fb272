// loadApp(dir): a built app directory (Make's local-development layout, make-app-format §14) →
// the runtime's model. Reads `makecomapp.json`, every file it names and the project's
// `general/manifest.json` when present, through lib/compile's LayoutReader (JSONC allowed,
// nothing outside the folder). Then `appFromFiles` rebuilds the definitions and the validator
// checks them with the load profile (`make` by default: only what would stop a run refuses).
import path from 'node:path';
import {
  appFromFiles,
  LayoutReadError,
  MAKECOMAPP_FILE,
  readLayout,
  type LayoutSource,
} from '../compile';
import { checkApp, checkAppRemembered, formatIssue, type Profile } from '../validate';
import { AppLoadError } from './errors';
import { createRuntimeApp, type RuntimeApp } from './runtime-app';

const LOAD_CODES = {
  LAYOUT_NOT_FOUND: 'APP_NOT_FOUND',
  LAYOUT_FILE_MISSING: 'APP_FILE_MISSING',
  LAYOUT_FILE_UNPARSABLE: 'APP_FILE_UNPARSABLE',
} as const;

/** The layout's files (lib/compile's reader), its errors as AppLoadErrors. */
function readFiles(root: string): LayoutSource {
  try {
    return readLayout(root);
  } catch (error) {
    if (!(error instanceof LayoutReadError)) throw error;
    throw new AppLoadError(
      LOAD_CODES[error.code],
      error.message,
      error.file === undefined ? {} : { file: error.file },
    );
  }
}

export interface LoadOptions {
  /**
   * Run `validateApp` (default true). Only tests that exercise the runtime's defences against
   * definitions the validator would reject turn it off.
   */
  validate?: boolean;
  /**
   * `make` (default): only what would stop a run refuses the app (a template that does not
   * parse, a missing connection or RPC, a duplicate id); every other issue is a warning, kept in
   * `warnings`. `strict`: the project's own bar, every issue refuses (what `npm run build` checks).
   */
  profile?: Profile;
  /**
   * Remember an app that passed, by content, and skip validating it again (lib/validate's
   * checked-apps.ts). For the CLI, which loads the same built app command after command.
   */
  remember?: boolean;
}

/**
 * Loads and validates a built app. Throws an AppLoadError naming the missing or unparsable file,
 * or listing every validation issue (one `formatIssue` line each).
 */
export function loadApp(dir: string, options: LoadOptions = {}): Promise<RuntimeApp> {
  // Reading is synchronous (a handful of small files); the promise keeps the public signature,
  // and a throw inside the executor becomes a rejection.
  return new Promise((resolve) => resolve(readApp(dir, options)));
}

function check(definition: unknown, options: LoadOptions, source: LayoutSource) {
  const profile = options.profile ?? 'make';
  const layout = { manifest: source.values.get(MAKECOMAPP_FILE), kind: source.kind };
  return options.remember === true
    ? checkAppRemembered(definition, profile, layout, source)
    : checkApp(definition, profile, layout);
}

function readApp(dir: string, options: LoadOptions): RuntimeApp {
  const root = path.resolve(dir);
  const source = readFiles(root);

  let definition;
  try {
    definition = appFromFiles(source.values);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const file = (error as { file?: unknown }).file;
    throw new AppLoadError(
      'APP_FILE_UNPARSABLE',
      `${dir}: ${reason}`,
      typeof file === 'string' ? { file } : {},
    );
  }
  const { errors: issues, warnings } =
    options.validate === false ? { errors: [], warnings: [] } : check(definition, options, source);
  if (issues.length > 0) {
    const lines = issues.map(formatIssue);
    throw new AppLoadError(
      'APP_INVALID',
      `${dir} is not a valid app (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.map((line) => `  ${line}`).join('\n')}`,
      { issues: lines, ...(issues[0] ? { file: issues[0].file } : {}) },
    );
  }
  return createRuntimeApp(definition, root, warnings.map(formatIssue));
}

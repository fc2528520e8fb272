// Loading an app definition module (`app/index.ts`, a test fixture) by path.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ToolError } from '../shared';

/** The app module cannot be imported, or its default export is not an app definition. */
export class AppModuleError extends ToolError<'APP_MODULE_UNLOADABLE'> {}

/** Only these need Node's ESM loader; everything else is loaded with `require`. */
const ESM_ONLY = new Set(['.mjs', '.mts']);

/**
 * Loads `modulePath` and returns its default export. TypeScript loads when the process runs under
 * tsx (the CLI, the scripts) or jest. `require`, not `import()`, for CommonJS-loadable files: the
 * CLI registers only tsx's CommonJS hooks, because Node's ESM hooks run on a separate thread and
 * slow down every later `require` of the process (about 0.1 s per CLI run). An ES module
 * (`.mjs`, `.mts`) still goes through `import()`. Throws an AppModuleError saying which file and why.
 */
export async function loadAppModule(modulePath: string): Promise<unknown> {
  const absolute = path.resolve(modulePath);
  let loaded: unknown;
  try {
    loaded = ESM_ONLY.has(path.extname(absolute))
      ? await import(pathToFileURL(absolute).href)
      : // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
        require(absolute);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppModuleError(
      'APP_MODULE_UNLOADABLE',
      `cannot load the app module ${absolute}: ${reason}`,
      { cause: error },
    );
  }
  // CommonJS interop may wrap the default export once more.
  let value = (loaded as { default?: unknown }).default;
  if (isModuleWrapper(value)) value = value.default;
  if (value === undefined) {
    throw new AppModuleError(
      'APP_MODULE_UNLOADABLE',
      `the app module ${absolute} has no default export (export default defineApp({...}))`,
    );
  }
  return value;
}

function isModuleWrapper(value: unknown): value is { default: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'default' in value &&
    !('manifest' in value) &&
    (value as { __esModule?: unknown }).__esModule === true
  );
}

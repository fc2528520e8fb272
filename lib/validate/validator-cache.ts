// Compiling the app schema costs about 0.3 s of CPU, paid by every process that validates an app
// (each CLI run, each jest test file). Ajv can print a compiled validator as standalone
// JavaScript, which loads in about 20 ms, so the first process saves it under
// node_modules/.cache/hotmart-make and later ones require it. The file name is a hash of
// everything that shapes the code (ajv's version, its options, every schema file), so an edited
// schema or an upgraded ajv simply misses the cache. Any cache failure (read-only install, a
// half-written or corrupt file) falls back to compiling in memory: the cache can only save time.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { PROJECT_ROOT } from '../shared';
import { COMPILE_SETTINGS, getAjv, getValidator, schemaFiles } from './ajv';

/** Where the saved validators live: inside node_modules, so their `require('ajv/…')` resolves. */
const VALIDATOR_CACHE_DIR = path.join(
  PROJECT_ROOT,
  'node_modules',
  '.cache',
  'hotmart-make',
  'validators',
);

function ajvVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(require.resolve('ajv/package.json'), 'utf8')) as {
    version?: unknown;
  };
  return String(manifest.version);
}

// The schemas are read once per process (ajv.ts), so each reference's hash is computed once.
const hashes = new Map<string, string>();

/** The cache file for a schema reference under the current schemas and settings. */
function validatorCacheFile(schemaRef: string, dir: string): string {
  let digest = hashes.get(schemaRef);
  if (digest === undefined) {
    const hash = createHash('sha256');
    hash.update(`${ajvVersion()}\n${COMPILE_SETTINGS}\n${schemaRef}\n`);
    for (const file of schemaFiles) hash.update(`${file.id}\n${JSON.stringify(file.schema)}\n`);
    digest = hash.digest('hex').slice(0, 32);
    hashes.set(schemaRef, digest);
  }
  return path.join(dir, `${digest}.js`);
}

function loadSaved(file: string): ValidateFunction | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
    const loaded: unknown = require(file);
    return typeof loaded === 'function' ? (loaded as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
}

/** The standalone code of `compiled`; the generator loads here, where a process compiles. */
function generatedCode(compiled: ValidateFunction): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, only when compiling
  const generator = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
  return generator.default(getAjv(), compiled);
}

/** Writes beside the target, then renames: a concurrent reader sees the whole file or none. */
function save(file: string, code: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // The folder itself could not be made: there is nothing to clean up.
    }
  }
}

/**
 * The validator for `schemaRef`, from the cache when it holds one for the current schemas,
 * otherwise compiled (and saved for the next process). Errors are the same either way: the
 * saved code is what ajv compiled, with the same options.
 */
export function cachedValidator<T = unknown>(
  schemaRef: string,
  dir: string = VALIDATOR_CACHE_DIR,
): ValidateFunction<T> {
  const file = validatorCacheFile(schemaRef, dir);
  const saved = fs.existsSync(file) ? loadSaved(file) : undefined;
  if (saved !== undefined) return saved as ValidateFunction<T>;
  const compiled = getValidator<T>(schemaRef);
  save(file, generatedCode(compiled));
  return compiled;
}

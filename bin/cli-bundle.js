'use strict';
// The CLI's compiled form. Running lib/ through tsx costs about 0.2 s per command (a hook,
// a hash and a cache lookup for each of ~150 files), so the CLI runs from one JavaScript bundle of
// lib/cli/main.ts instead, built with esbuild (~0.2 s) the first time and kept under
// node_modules/.cache/hotmart-make/cli/. Its name is a hash of every source it was built from
// (path, size and modification time of each file under lib/, and .prettierrc.json, which is
// bundled), so an edit anywhere in lib/ rebuilds it on the next command: a bundle is never stale.
// Packages stay outside the bundle and resolve from node_modules as usual. `__dirname` is
// defined as lib/shared's path, which only lib/shared/project-root.ts reads.
//
// Any failure (esbuild missing, a read-only install, a build error) returns undefined and the
// caller runs the TypeScript through tsx as before; HOTMART_MAKE_NO_BUNDLE=1 asks for that.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'lib', 'cli', 'main.ts');
const DEFAULT_CACHE = path.join(ROOT, 'node_modules', '.cache', 'hotmart-make', 'cli');

/** Every file the bundle is built from, sorted: lib/**\/*.ts and the bundled prettier config. */
function sources(dir = path.join(ROOT, 'lib'), found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(full, found);
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) found.push(full);
  }
  return found;
}

/** The hash naming the bundle of the current sources. */
function sourcesHash() {
  const hash = crypto.createHash('sha256');
  const files = [...sources(), path.join(ROOT, '.prettierrc.json')].sort();
  for (const file of files) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  hash.update(`esbuild ${require('esbuild/package.json').version}\n`);
  return hash.digest('hex').slice(0, 24);
}

/** Builds the bundle into `file` through a temporary file, and removes older bundles. */
function build(file, cacheDir) {
  const esbuild = require('esbuild');
  fs.mkdirSync(cacheDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    esbuild.buildSync({
      entryPoints: [ENTRY],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      define: { __dirname: JSON.stringify(path.join(ROOT, 'lib', 'shared')) },
      logLevel: 'silent',
    });
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  for (const old of fs.readdirSync(cacheDir)) {
    if (old !== path.basename(file) && /^cli-[0-9a-f]+\.js$/.test(old)) {
      fs.rmSync(path.join(cacheDir, old), { force: true });
    }
  }
}

/**
 * The path of an up-to-date bundle of the CLI, building it when needed, or undefined when the
 * CLI should run through tsx instead.
 */
function bundledCli(options = {}) {
  const env = options.env ?? process.env;
  if (env.HOTMART_MAKE_NO_BUNDLE === '1') return undefined;
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE;
  try {
    const file = path.join(cacheDir, `cli-${sourcesHash()}.js`);
    if (!fs.existsSync(file)) build(file, cacheDir);
    return file;
  } catch {
    return undefined;
  }
}

module.exports = { bundledCli };

// The bench measures the engine as the CLI runs it: one esbuild bundle (bin/cli-bundle.js), not
// the TypeScript sources through tsx. tsx compiles each file on its own and keeps function names
// by wrapping every function it creates in a helper call, so a closure made per request or per
// item costs a property definition more than in the shipped bundle; through tsx the runtime read
// 1.35× the hand loop on 64-item pages where the bundle reads 1.18×. The bench is bundled with
// the CLI's settings (packages external) into the cache folder and loaded from there.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'hotmart-make', 'bench');

/** Bundles `scripts/bench/<name>.ts` with everything it imports; returns the bundle's path. */
export function bundleFile(name: string): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const outfile = path.join(OUT_DIR, `${name}.js`);
  buildSync({
    entryPoints: [path.join(__dirname, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // The bundled code finds its neighbours (page-server.js) and the project root from here.
    define: { __dirname: JSON.stringify(__dirname) },
    logLevel: 'silent',
  });
  return outfile;
}

/** Bundles `scripts/bench/<name>.ts` and returns its exports. */
export function loadBundled<T>(name: string): T {
  const outfile = bundleFile(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- built just above
  return require(outfile) as T;
}

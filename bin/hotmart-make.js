#!/usr/bin/env node
'use strict';
// The `hotmart-make` command. The CLI is TypeScript run through tsx, so a fresh clone needs no
// compile step: tsx's ESM hooks (for the dynamic import that loads app/index.ts) and its
// CommonJS hooks (for lib/) are registered, then lib/cli/main.ts takes over. The ESM API is
// imported, not required: its CommonJS build fails to register from a CommonJS file.

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function main() {
  const { register } = await import('tsx/esm/api');
  register();
  require('tsx/cjs/api').register();
  const { runCli } = require('../lib/cli/main.ts');
  return runCli(process.argv.slice(2));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

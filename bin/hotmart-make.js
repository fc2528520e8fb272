#!/usr/bin/env node
'use strict';
// The `hotmart-make` command. The CLI is TypeScript run through tsx, so a fresh clone needs no
// compile step: tsx's CommonJS hooks are registered, then lib/cli/main.ts takes over. Only the
// CommonJS hooks: Node's ESM hooks run on a worker thread and would slow every later require
// (lib/compile/app-module.ts loads app/index.ts with require for that reason).

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function main() {
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

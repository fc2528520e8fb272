#!/usr/bin/env node
'use strict';
// The `hotmart-make` command. A fresh clone needs no compile step: the CLI runs from a bundle of
// lib/ that bin/cli-bundle.js builds on first use and rebuilds whenever lib/ changes, or, when no
// bundle can be had, from the TypeScript sources through tsx. The commands that load the app's own
// TypeScript (`build`, `validate`, `docs`, `test-functions`, `new`) register tsx's CommonJS hooks for it;
// only those hooks: Node's ESM hooks run on a worker thread and would slow every later require
// (lib/compile/app-module.ts loads app/index.ts with require for that reason).
const { bundledCli } = require('./cli-bundle');

/** Commands that import TypeScript sources (the app definition) at run time. */
const LOADS_APP_SOURCES = new Set(['build', 'validate', 'docs', 'test-functions', 'new']);

// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function main() {
  const argv = process.argv.slice(2);
  const bundle = bundledCli();
  if (bundle === undefined || LOADS_APP_SOURCES.has(argv[0])) require('tsx/cjs/api').register();
  const { runCli } = require(bundle ?? '../lib/cli/main.ts');
  return runCli(argv);
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

// `tsx scripts/docs.ts [--check]`: the same as `hotmart-make docs`, for use without the bin.
// Writes docs/modules/<id>.md for every module (or, with --check, only compares).
import path from 'node:path';
import { processIo } from '../lib/cli';
import { runCli } from '../lib/cli';

const io = { ...processIo(), cwd: path.resolve(__dirname, '..') };

runCli(['docs', ...process.argv.slice(2)], io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);

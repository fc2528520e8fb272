// `npm start`: build + validate the app, then run every module against the embedded Hotmart
// simulator and print a summary. Exit 0 only when everything succeeded. No credentials needed.
import path from 'node:path';
import { processIo } from '../lib/cli';
import { runTour } from '../lib/cli';

runTour(processIo(), { root: path.resolve(__dirname, '..') }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);

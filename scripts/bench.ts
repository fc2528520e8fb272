// `npm run bench [iml|runtime|cli]`: prints the project's performance figures (figures are read,
// not tested). The parts live in scripts/bench/ and run as one esbuild bundle, the form in which
// the CLI runs the engine (scripts/bench/bundled.ts says why that matters).
import { loadBundled } from './bench/bundled';
import type { runBench } from './bench/main';

loadBundled<{ runBench: typeof runBench }>('main')
  .runBench(process.argv[2])
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });

// `npm run bench`: prints the project's performance figures. Each part lives in scripts/bench/
// and prints its own table; nothing here asserts timings (figures are read, not tested).
import { benchCli } from './bench/cli';
import { benchIml } from './bench/iml';
import { benchRuntime } from './bench/runtime';

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only === undefined || only === 'iml') await benchIml();
  if (only === undefined || only === 'runtime') await benchRuntime();
  if (only === undefined || only === 'cli') benchCli();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

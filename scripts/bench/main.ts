// The bench's parts in order (`npm run bench [iml|runtime|cli]`); scripts/bench.ts runs this file
// bundled. Each part prints its own table; nothing here asserts timings.
import { benchCli } from './cli';
import { benchIml } from './iml';
import { benchRuntime } from './runtime';

export async function runBench(only: string | undefined): Promise<void> {
  if (only === undefined || only === 'iml') await benchIml();
  if (only === undefined || only === 'runtime') await benchRuntime();
  if (only === undefined || only === 'cli') benchCli();
}

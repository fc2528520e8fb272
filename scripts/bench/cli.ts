// CLI benchmark: wall time of one `run` through the real binary (start-up, app load, a search
// against the embedded simulator), next to a bare `node -e ''` start (the floor any Node CLI
// pays). One warm-up first: it builds the CLI bundle and the caches a fresh clone's first
// command builds. Median and range over interleaved rounds; asserts nothing.
// Run alone: npx tsx scripts/bench/cli.ts   (or via `npm run bench cli`)
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'hotmart-make.js');
const ROUNDS = 9;
const TARGET_S = 0.6;

function seconds(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return (performance.now() - started) / 1000;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export function benchCli(): void {
  const run = [BIN, 'run', 'listSubscriptions', '--param', 'limit=2'];
  seconds(run);
  const cli: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    cli.push(seconds(run));
    bare.push(seconds(['-e', '']));
  }
  const range = (values: readonly number[]): string =>
    `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)} s`;
  console.log(`\nCLI (wall time, median of ${ROUNDS} interleaved rounds, after one warm-up)`);
  console.table([
    {
      command: 'node bin/hotmart-make.js run listSubscriptions --param limit=2',
      median: `${median(cli).toFixed(2)} s`,
      range: range(cli),
      'ratio to bare node': (median(cli) / median(bare)).toFixed(1),
      target: `< ${TARGET_S} s`,
    },
    {
      command: "node -e ''",
      median: `${median(bare).toFixed(2)} s`,
      range: range(bare),
      'ratio to bare node': '1.0',
      target: '-',
    },
  ]);
}

if (require.main === module) benchCli();

// `npm run checks` (the first half of `npm test`): every static gate, in two lanes at once, since
// CI has two cores and each gate uses one. A lane stops at its first failure; the other finishes,
// so one run reports as much as it can. Each gate's output is printed whole, in a fixed order,
// then the exit code is 1 when any gate failed.
import { spawn } from 'node:child_process';

const LANES: readonly (readonly string[])[] = [
  // The type check and the lint share one TypeScript program (scripts/types-and-lint.ts).
  ['types-and-lint'],
  ['format:check', 'knip', 'check:imports', 'check:generated'],
];

interface Outcome {
  readonly gate: string;
  readonly code: number;
  readonly output: string;
  readonly ms: number;
}

function runGate(gate: string): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', gate], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) =>
      resolve({ gate, code: 1, output: `${output}${error.message}\n`, ms: 0 }),
    );
    child.on('close', (code) =>
      resolve({ gate, code: code ?? 1, output, ms: performance.now() - started }),
    );
  });
}

async function runLane(gates: readonly string[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const gate of gates) {
    const outcome = await runGate(gate);
    outcomes.push(outcome);
    if (outcome.code !== 0) break;
  }
  return outcomes;
}

async function main(): Promise<number> {
  const outcomes = (await Promise.all(LANES.map(runLane))).flat();
  for (const { gate, code, output, ms } of outcomes) {
    const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`;
    process.stdout.write(`\n> ${gate}: ${verdict} in ${(ms / 1000).toFixed(1)} s\n${output}`);
  }
  const skipped = LANES.flat().filter((gate) => !outcomes.some((o) => o.gate === gate));
  if (skipped.length > 0)
    process.stdout.write(`\nnot run (an earlier gate failed): ${skipped.join(', ')}\n`);
  return outcomes.every((o) => o.code === 0) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

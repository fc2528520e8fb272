// `npm run checks`: every static gate, in two lanes at once, since CI has two cores and each gate
// uses one. A lane stops at its first failure; the other finishes, so one run reports as much as
// it can. Each gate's output is printed whole, then the exit code is 1 when any gate failed.
//
// `npm test` runs `checks --jest <jest args>`: jest starts as soon as the short lane has passed,
// beside the long one (the type check and lint), instead of after both. The short lane takes a
// fraction of the long one's time, and the core it leaves idle is what jest gets; jest's output
// comes live, the long lane's after it. A failed short lane skips jest.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

// Each gate is package.json's script of that name, run as `npm run` runs it (a shell, with
// node_modules/.bin first on PATH) but without npm itself, whose start-up cost about 0.25 s of
// CPU per gate.
const SCRIPTS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const GATE_ENV = {
  ...process.env,
  PATH: [path.join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
};

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
  const script = SCRIPTS[gate];
  if (script === undefined) {
    return Promise.resolve({
      gate,
      code: 1,
      output: `no script "${gate}" in package.json\n`,
      ms: 0,
    });
  }
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', script], {
      cwd: ROOT,
      env: GATE_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

function report(outcomes: readonly Outcome[]): void {
  for (const { gate, code, output, ms } of outcomes) {
    const verdict = code === 0 ? 'ok' : `FAILED (exit ${code})`;
    process.stdout.write(`\n> ${gate}: ${verdict} in ${(ms / 1000).toFixed(1)} s\n${output}`);
  }
}

function runJest(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...args], {
      stdio: 'inherit',
    });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const jestArgs = argv[0] === '--jest' ? argv.slice(1) : undefined;
  const [long, short] = LANES as [readonly string[], readonly string[]];
  const longLane = runLane(long);
  const shortOutcomes = await runLane(short);
  report(shortOutcomes);
  const shortPassed =
    shortOutcomes.length === short.length && shortOutcomes.every((o) => o.code === 0);
  let jestCode = 0;
  if (jestArgs !== undefined) {
    if (shortPassed) jestCode = await runJest(jestArgs);
    else process.stdout.write('\njest not run: a static gate failed.\n');
  }
  const longOutcomes = await longLane;
  report(longOutcomes);
  const outcomes = [...shortOutcomes, ...longOutcomes];
  const skipped = LANES.flat().filter((gate) => !outcomes.some((o) => o.gate === gate));
  if (skipped.length > 0)
    process.stdout.write(`\nnot run (an earlier gate failed): ${skipped.join(', ')}\n`);
  return outcomes.every((o) => o.code === 0) && jestCode === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

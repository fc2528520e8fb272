// One side of a runtime timing (the runtime, or the hand-written loop), alone in its own process.
// runtime.ts starts one child per side and asks each for rounds in turn; it says why (timeBoth).
// Protocol (IPC): the parent sends one SideSetup, then 'round' as often as it likes, then
// 'close'. The child answers the setup with 'ready' and each round with a RoundResult.
import { benchApp, byHand, byRuntime, type Mapping } from './searches';

export interface SideSetup {
  readonly side: 'hand' | 'runtime';
  readonly mapping: Mapping;
  readonly total: number;
  readonly pageSize: number;
  /** The page server's origin. */
  readonly origin: string;
}

export interface RoundResult {
  /** Wall-clock milliseconds. */
  readonly wall: number;
  /** CPU milliseconds of this process (user + system) during the round. */
  readonly cpu: number;
  /** Set when the round failed (lost items, a thrown error). */
  readonly error?: string;
}

function runnerFor(setup: SideSetup): () => Promise<number> {
  let sink = 0;
  const consume = (bundle: Record<string, unknown>): void => {
    sink += (bundle.subscription_id as number) & 1;
  };
  const app = setup.side === 'runtime' ? benchApp(setup.mapping, setup.pageSize) : undefined;
  return async () => {
    const count =
      app === undefined
        ? await byHand(setup.origin, setup.mapping, setup.pageSize, consume)
        : await byRuntime(app, setup.origin, consume);
    // Reads `sink`, so the JIT cannot drop the consumer's work.
    return sink < 0 ? -1 : count;
  };
}

/** Rounds shorter than this are preceded by the same work, untimed. */
const SHORT_ROUND_MS = 250;
let lastWall = 0;

async function round(run: () => Promise<number>, total: number): Promise<RoundResult> {
  // A process woken from idle runs its first few tens of milliseconds slower (runtime.ts gives
  // the figures). In a short round that would add the same cost to both sides and pull their
  // ratio towards 1, so a short round runs its work once untimed first.
  if (lastWall < SHORT_ROUND_MS) await run();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const count = await run();
  const wall = performance.now() - started;
  lastWall = wall;
  const cpu = process.cpuUsage(cpuBefore);
  const result = { wall, cpu: (cpu.user + cpu.system) / 1000 };
  return count === total ? result : { ...result, error: `${count} items, expected ${total}` };
}

function serve(): void {
  const send = (message: unknown): void => {
    process.send?.(message);
  };
  let run: (() => Promise<number>) | undefined;
  let total = 0;
  process.on('message', (message: unknown) => {
    if (message === 'close') {
      process.disconnect();
      return;
    }
    if (message === 'round' && run !== undefined) {
      round(run, total).then(send, (error: unknown) => {
        send({ wall: 0, cpu: 0, error: String(error) } satisfies RoundResult);
      });
      return;
    }
    const setup = message as SideSetup;
    run = runnerFor(setup);
    total = setup.total;
    send('ready');
  });
}

if (process.send !== undefined) serve();

// `hotmart-make simulator --port 8787`: the embedded Hotmart on a loopback port until SIGINT or
// SIGTERM, for other tools (or `run --target http://127.0.0.1:8787`).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { LoopbackHost } from '../../simulator';
import type { CliIo } from '../io';

function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}

function loopback(value: string): LoopbackHost {
  if (value === '127.0.0.1' || value === '::1' || value === 'localhost') return value;
  throw new InvalidArgumentError(
    'the simulator listens on loopback only: 127.0.0.1, ::1 or localhost',
  );
}

/** Resolves when the process is asked to stop. Tests pass their own. */
export type StopSignal = () => Promise<string>;

export const waitForSignal: StopSignal = () =>
  new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

export function registerSimulator(program: Command, io: CliIo, untilStopped: StopSignal): void {
  program
    .command('simulator')
    .description('Serve the embedded Hotmart simulator on a loopback port until Ctrl-C')
    .option('--port <port>', 'port to listen on (0 = any free port)', integer(0, 65535), 8787)
    .option('--host <host>', 'loopback address to bind', loopback, '127.0.0.1' as LoopbackHost)
    .option(
      '--seed <n>',
      "seed of the generated data set (default: the simulator's, 20240601)",
      integer(-(2 ** 31), 2 ** 32 - 1),
    )
    .option('--size <n>', 'number of subscriptions (default 1000)', integer(0, 100_000))
    .action(async (options: { port: number; host: LoopbackHost; seed?: number; size?: number }) => {
      const {
        createSimulator,
        DEFAULT_SEED,
        DEFAULT_SIZE,
        SIMULATOR_CREDENTIALS,
        startSimulatorServer,
      } = await import('../../simulator');
      const seed = options.seed ?? DEFAULT_SEED;
      const size = options.size ?? DEFAULT_SIZE;
      const simulator = createSimulator({ seed, size });
      const server = await startSimulatorServer(simulator, {
        port: options.port,
        host: options.host,
      });
      io.stdout(
        [
          `Hotmart simulator listening on ${server.url} (${size} subscriptions, seed ${seed})`,
          `It answers for api-sec-vlc.hotmart.com, developers.hotmart.com and sandbox.hotmart.com.`,
          `Client ID: ${SIMULATOR_CREDENTIALS.clientId} (the simulator's built-in fake credentials)`,
          `Try: hotmart-make run listSubscriptions --target ${server.url}`,
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      const signal = await untilStopped();
      await server.close();
      io.stdout(`Stopped (${signal}) after ${simulator.requestCount()} request(s).\n`);
    });
}

// `hotmart-make simulator --port 8787`: the embedded Hotmart on a loopback port until SIGINT,
// SIGTERM or SIGHUP, or until whatever started it goes away (npx does not pass its signals on to
// the node child, so `kill` of an `npx hotmart-make simulator &` job reaches only npx).
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { LoopbackHost } from '../../simulator';
import { ReportedFailure } from '../errors';
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

interface SimulatorCommandOptions {
  port: number;
  host: LoopbackHost;
  seed?: number;
  size?: number;
  webhookUrl?: string;
  hottok?: string;
}

function webhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('expected an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('expected an http(s) URL');
  }
  return url.toString();
}

/** Resolves when the process is asked to stop. Tests pass their own. */
export type StopSignal = () => Promise<string>;

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How often the server checks that the process that started it is still there. */
const PARENT_CHECK_MS = 500;

/**
 * Resolves with the signal's name on SIGINT, SIGTERM or SIGHUP, or with "parent exited" when
 * this process is re-parented (the npx, shell or test runner that started it has gone).
 */
export const waitForSignal: StopSignal = () =>
  new Promise((resolve) => {
    const parent = process.ppid;
    const finish = (reason: string): void => {
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      clearInterval(watchdog);
      resolve(reason);
    };
    const onSignal = (signal: NodeJS.Signals): void => finish(signal);
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    const watchdog = setInterval(() => {
      if (process.ppid !== parent) finish('parent exited');
    }, PARENT_CHECK_MS);
  });

function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

export function registerSimulator(program: Command, io: CliIo, untilStopped: StopSignal): void {
  program
    .command('simulator')
    .description('Serve the embedded Hotmart simulator on a loopback port until stopped')
    .option('--port <port>', 'port to listen on (0 = any free port)', integer(0, 65535), 8787)
    .option('--host <host>', 'loopback address to bind', loopback, '127.0.0.1' as LoopbackHost)
    .option(
      '--seed <n>',
      "seed of the generated data set (default: the simulator's, 20240601)",
      integer(-(2 ** 31), 2 ** 32 - 1),
    )
    .option('--size <n>', 'number of subscriptions (default 1000)', integer(0, 100_000))
    .option(
      '--webhook-url <url>',
      "post Hotmart's webhook v2 events there on every change (e.g. npx hotmart-make webhook watchEvents)",
      webhookUrl,
    )
    .option('--hottok <hottok>', 'the hottok sent with each event (default: sim-hottok)')
    .action(async (options: SimulatorCommandOptions) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const {
        createSimulator,
        DEFAULT_SEED,
        DEFAULT_SIZE,
        deliverEvent,
        SIMULATOR_CREDENTIALS,
        SIMULATOR_HOTTOK,
        startSimulatorServer,
      } = require('../../simulator') as typeof import('../../simulator');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const seed = options.seed ?? DEFAULT_SEED;
      const size = options.size ?? DEFAULT_SIZE;
      const simulator = createSimulator({ seed, size });
      const deliveries: Array<Promise<void>> = [];
      const { webhookUrl: target } = options;
      if (target !== undefined) {
        const hottok = options.hottok ?? SIMULATOR_HOTTOK;
        simulator.onEvent((envelope) => {
          deliveries.push(
            deliverEvent(envelope, { url: target, hottok }).then(({ status }) => {
              io.stderr(`Event ${envelope.event} ${envelope.id} → ${target}: HTTP ${status}\n`);
            }),
          );
        });
      }
      let server;
      try {
        server = await startSimulatorServer(simulator, { port: options.port, host: options.host });
      } catch (error) {
        if (!isAddressInUse(error)) throw error;
        io.stderr(
          `Port ${options.port} on ${options.host} is already in use: a simulator is probably ` +
            'running already (stop it, or choose another --port; --port 0 takes any free port).\n',
        );
        throw new ReportedFailure();
      }
      io.stdout(
        [
          `Hotmart simulator listening on ${server.url} (${size} subscriptions, seed ${seed})`,
          `It answers for api-sec-vlc.hotmart.com, developers.hotmart.com and sandbox.hotmart.com.`,
          `Client ID: ${SIMULATOR_CREDENTIALS.clientId} (the simulator's built-in fake credentials)`,
          `Try: npx hotmart-make run listSubscriptions --target ${server.url}`,
          target === undefined
            ? 'Webhook events: start with --webhook-url <url> to receive them.'
            : `Webhook events go to ${target}; fire one with: npx hotmart-make event PURCHASE_APPROVED --simulator ${server.url}`,
          'Press Ctrl-C (or send SIGTERM/SIGHUP) to stop.',
          '',
        ].join('\n'),
      );
      const signal = await untilStopped();
      await server.close();
      await Promise.all(deliveries);
      io.stdout(`Stopped (${signal}) after ${simulator.requestCount()} request(s).\n`);
    });
}

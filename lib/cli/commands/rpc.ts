// `hotmart-make rpc <rpcName>`: one RPC of the built app (or any Make app) through the runtime,
// the items a module's dynamic options or fields would show.
import type { Command } from 'commander';
import type { CliIo } from '../io';
import { addComponentOptions, rpcParameters } from '../module-input';
import { runOnTarget, type ComponentOptions } from '../other-app';
import { renderBundles } from '../table';

type RpcCommandOptions = ComponentOptions;

export function registerRpc(program: Command, io: CliIo): void {
  const command = program
    .command('rpc')
    .description("Run an RPC of the built app and print its items (a module's dynamic options)")
    .argument('<rpcName>', 'the RPC id');
  addComponentOptions(command, "the RPC's", 'items')
    .addHelpText(
      'after',
      `
Examples:
  $ npx hotmart-make rpc listProducts
  $ npx hotmart-make rpc listQueues --app ./my-app --target http://127.0.0.1:4010 --connection-file c.json

Exit codes: 0 ok, 1 the RPC failed (Make error type and message on stderr), 2 bad usage.`,
    )
    .action(async (rpcName: string, options: RpcCommandOptions) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const { executeRpc } = require('../../harness') as typeof import('../../harness');
      /* eslint-enable @typescript-eslint/no-require-imports */
      await runOnTarget(
        io,
        options,
        'rpc',
        (loaded) => rpcParameters(loaded, rpcName, options, 'rpc'),
        async ({ app, prepared: parameters, target }) => {
          const result = await executeRpc({ app, rpcName, parameters, target });
          if (options.json) io.stdout(`${JSON.stringify(result.items, null, 2)}\n`);
          else
            io.stdout(
              renderBundles(result.items as Array<Record<string, unknown>>, io.columns ?? 100),
            );
          if (io.stderrIsTty) {
            io.stderr(
              `${rpcName} on ${target.label}: ${result.items.length} item(s), ` +
                `${result.requests} request(s), ${result.durationMs} ms\n`,
            );
          }
        },
      );
    });
}

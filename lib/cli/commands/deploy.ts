// `hotmart-make deploy [--dry-run]`: the built app to a Make account (lib/deploy).
import path from 'node:path';
import type { Command } from 'commander';
import type { MakeTarget } from '../../deploy';
import { ReportedFailure, UsageError } from '../errors';
import type { CliIo } from '../io';
import { builtAppDir } from '../other-app';

export function registerDeploy(program: Command, io: CliIo): void {
  program
    .command('deploy')
    .description('Deploy the built app to Make: create what is missing, upload what changed')
    .option('--dry-run', 'print the plan (create / update / unchanged) and change nothing')
    .option('--dist <dir>', 'the built app', 'dist')
    .option('--state <file>', "where Make's generated names are remembered", '.deploy-state.json')
    .addHelpText(
      'after',
      `
Environment:
  MAKE_API_TOKEN  a Make API token with the sdk-apps:read and sdk-apps:write scopes (required)
  MAKE_ZONE       the Make zone, e.g. eu1.make.com or us1 (default eu1.make.com)

The app's name and version come from the manifest (dist/general/manifest.json). A failure part-way
lists what was done and what was not; running deploy again finishes the job.`,
    )
    .action(async (options: { dryRun?: boolean; dist: string; state: string }) => {
      /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
      const {
        createMakeSdk,
        deploy,
        DeployConfigError,
        DeployConflictError,
        DeployFailedError,
        DeployRemoteError,
        formatFailure,
        formatPlan,
        makeTargetFromEnv,
      } = require('../../deploy') as typeof import('../../deploy');
      /* eslint-enable @typescript-eslint/no-require-imports */
      let target: MakeTarget;
      try {
        target = makeTargetFromEnv(io.env);
      } catch (error) {
        if (error instanceof DeployConfigError) throw new UsageError(error.message, 'deploy');
        throw error;
      }
      try {
        const result = await deploy({
          distDir: builtAppDir(io.cwd, { dist: options.dist }, 'deploy'),
          sdk: createMakeSdk(target),
          zone: target.zone,
          statePath: path.resolve(io.cwd, options.state),
          dryRun: options.dryRun === true,
        });
        io.stdout(`${formatPlan(result.plan)}\n`);
        io.stdout(
          result.dryRun
            ? 'Dry run: nothing was changed on Make.\n'
            : `Deployed to ${target.zone}: ${result.written.length} write(s).\n`,
        );
      } catch (error) {
        if (error instanceof DeployConflictError) {
          io.stdout(`${formatPlan(error.plan)}\n`);
          io.stderr(`${error.message}\n`);
        } else if (error instanceof DeployFailedError) {
          io.stderr(`${formatFailure(error)}\n`);
        } else {
          // Every answer (or its absence) from Make arrives as a DeployRemoteError (token
          // redacted); other errors are local (a missing or unreadable dist/).
          const prefix =
            error instanceof DeployRemoteError
              ? error.code === 'MAKE_UNREACHABLE'
                ? `Could not reach https://${target.zone}: `
                : error.statusCode !== undefined
                  ? `Make API error [${error.statusCode}]: `
                  : ''
              : '';
          io.stderr(`${prefix}${error instanceof Error ? error.message : String(error)}\n`);
        }
        throw new ReportedFailure();
      }
    });
}

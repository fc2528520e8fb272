// `hotmart-make deploy [--dry-run]`: the built app to a Make account (lib/deploy).
import path from 'node:path';
import type { Command } from 'commander';
import type { MakeTarget } from '../../deploy';
import { ReportedFailure, UsageError } from '../errors';
import type { CliIo } from '../io';

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
      const {
        createMakeSdk,
        deploy,
        DeployConfigError,
        DeployConflictError,
        DeployFailedError,
        formatFailure,
        formatPlan,
        makeTargetFromEnv,
      } = await import('../../deploy');
      let target: MakeTarget;
      try {
        target = makeTargetFromEnv(io.env);
      } catch (error) {
        if (error instanceof DeployConfigError) throw new UsageError(error.message, 'deploy');
        throw error;
      }
      try {
        const result = await deploy({
          distDir: path.resolve(io.cwd, options.dist),
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
          const status = (error as { statusCode?: unknown }).statusCode;
          // Without a status Make never answered (DNS, refused, offline): fetch's own text is a
          // bare "fetch failed", so say where we were going.
          const prefix =
            typeof status === 'number'
              ? `Make API error [${status}]: `
              : isNetworkFailure(error)
                ? `Could not reach https://${target.zone}: `
                : '';
          io.stderr(`${prefix}${describe(error)}\n`);
        }
        throw new ReportedFailure();
      }
    });
}

/** An error's message, with its cause (fetch puts the network reason there). Duck-typed: errors
 * from fetch may come from another realm, where `instanceof Error` is false. */
function describe(error: unknown): string {
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | null)?.cause);
  return cause !== undefined && cause !== message ? `${message} (${cause})` : message;
}

function messageOf(value: unknown): string | undefined {
  const message = (value as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * No answer from Make at all: fetch's "fetch failed" (the reason in its cause), or a socket error
 * with a system code such as ECONNREFUSED or ENOTFOUND.
 */
function isNetworkFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    messageOf(error) === 'fetch failed' || (typeof code === 'string' && /^E[A-Z]+$/.test(code))
  );
}

// `run --app <dir>`: running an app other than the Hotmart one (one pulled from Make, say). Its
// hosts are whatever it names, so a URL --target receives every host written literally in the
// app (base URL, connection and module URLs); --target production leaves them as they are. The
// connection's parameters come from --connection-file, since only the Hotmart app's are known.
import fs from 'node:fs';
import path from 'node:path';
import { assertFreshBuild, distDir } from './built-app';
import type { ResolvedTarget, TargetSpec } from '../harness';
import type { RuntimeApp } from '../runtime';
import { isPlainObject } from '../shared';
import { ReportedFailure, UsageError } from './errors';
import type { CliIo } from './io';
import { describeFailure } from './report-error';

/** The connection parameters in `file`: a JSON object, or a usage error saying what is wrong. */
function readConnectionFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--connection-file: cannot read ${file}`, 'run');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--connection-file: ${file} is not valid JSON (${(error as Error).message})`,
      'run',
    );
  }
  if (!isPlainObject(value)) {
    throw new UsageError(`--connection-file: ${file} must hold a JSON object of parameters`, 'run');
  }
  return value;
}

/**
 * Where another app's requests go: with a URL target, every host the app writes literally goes to
 * that origin; with `production`, nowhere else. Its connection gets `connection` (or nothing).
 */
function otherAppTarget(
  spec: TargetSpec,
  app: RuntimeApp,
  connection: Record<string, unknown> | undefined,
): ResolvedTarget {
  const origin = spec.kind === 'url' ? spec.origin : undefined;
  return {
    spec,
    label: origin ?? "the app's own hosts",
    connectionParameters: connection ?? {},
    hostMap:
      origin === undefined
        ? {}
        : Object.fromEntries([...app.literalHosts].map((host) => [host, origin])),
    close: () => Promise.resolve(),
  };
}

/** The options every command that runs a component against a target shares. */
export interface TargetedOptions {
  target: string;
  dist: string;
  app?: string;
  connectionFile?: string;
  envCredentials?: boolean;
}

/** What `addComponentOptions` (module-input.ts) declares: the target options, parameters, --json. */
export interface ComponentOptions extends TargetedOptions {
  param?: string[];
  paramsJson?: string;
  json?: boolean;
}

/**
 * The app a command runs (the built app, or `--app`), what `prepare` makes of it (its parameters:
 * a usage error there must come before a target is started, or the simulator would be left
 * running), and where its requests go (`targetFor`). The caller closes the target.
 */
/** `--app` as given, or the checked `--dist` (see built-app.ts). */
export function builtAppDir(
  cwd: string,
  options: { app?: string; dist: string },
  command: string,
): string {
  if (options.app !== undefined) return path.resolve(cwd, options.app);
  const dir = distDir(cwd, options.dist);
  assertFreshBuild(dir, command);
  return dir;
}

export async function appAndTarget<T>(
  io: { cwd: string; env: NodeJS.ProcessEnv },
  options: TargetedOptions,
  command: string,
  prepare: (app: RuntimeApp) => T,
): Promise<{ app: RuntimeApp; prepared: T; target: ResolvedTarget }> {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
  const { parseTarget } = require('./target-spec') as typeof import('./target-spec');
  const { loadApp } = require('../runtime') as typeof import('../runtime');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The target is checked before the app is read, so a bad --target is reported first.
  checkAppTarget(parseTarget(options.target, command), options, command);
  const app = await loadApp(builtAppDir(io.cwd, options, command), { remember: true });
  const prepared = prepare(app);
  return { app, prepared, target: await targetFor(io, options, command, app) };
}

/**
 * `appAndTarget`, then `run` with what it loaded: a failure is printed as Make reports it (exit 1)
 * and the target is closed whatever happens. What `rpc` and `trigger` share.
 */
export async function runOnTarget<T>(
  io: CliIo,
  options: TargetedOptions,
  command: string,
  prepare: (app: RuntimeApp) => T,
  run: (loaded: { app: RuntimeApp; prepared: T; target: ResolvedTarget }) => Promise<void>,
): Promise<void> {
  const loaded = await appAndTarget(io, options, command, prepare);
  try {
    await run(loaded);
  } catch (error) {
    io.stderr(`${describeFailure(error)}\n`);
    throw new ReportedFailure();
  } finally {
    await loaded.target.close();
  }
}

function checkAppTarget(spec: TargetSpec, options: TargetedOptions, command: string): void {
  if (options.app !== undefined && spec.kind !== 'url' && spec.kind !== 'production') {
    throw new UsageError(
      `--app runs another app: give --target <http(s) URL> (every host of the app goes there) or --target production (the app's own hosts)`,
      command,
    );
  }
}

/**
 * Where a loaded app's requests go: `--app` needs a URL or production target (every host the app
 * names goes to the URL); the built app uses any target; `--connection-file` gives the
 * connection's parameters. The caller closes the target.
 */
export async function targetFor(
  io: { cwd: string; env: NodeJS.ProcessEnv },
  options: TargetedOptions,
  command: string,
  app: RuntimeApp,
): Promise<ResolvedTarget> {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
  const { parseTarget } = require('./target-spec') as typeof import('./target-spec');
  const { resolveTarget } = require('./targets') as typeof import('./targets');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const spec = parseTarget(options.target, command);
  checkAppTarget(spec, options, command);
  const connection =
    options.connectionFile === undefined
      ? undefined
      : readConnectionFile(path.resolve(io.cwd, options.connectionFile));
  if (options.app !== undefined) return otherAppTarget(spec, app, connection);
  const resolved = await resolveTarget(spec, io.env, command, {
    envCredentials: options.envCredentials === true,
  });
  return connection === undefined ? resolved : { ...resolved, connectionParameters: connection };
}

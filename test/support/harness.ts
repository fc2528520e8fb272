// Module replay harness: builds the real app once per test run (validated, compiled to Make's
// layout in a temp dir, loaded back by the runtime), creates connections against nock, and runs
// modules with two checks on every run: no fake secret in the log or the error, and every bundle
// matches the module's own interface.
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import app from '../../app';
import { buildApp } from '../../lib/cli/build-app';
import {
  createConnection,
  loadApp,
  MakeError,
  runModule,
  type Connection,
  type RunResult,
  type RuntimeApp,
} from '../../lib/runtime';
import type { Parameter } from '../../lib/types';
import { CREDENTIALS, infoRequest, tokenRequest, type Environment, type Seen } from './hotmart';
import { checkAgainstInterface } from './interface-check';
import { errorSurface, leakedSecrets } from './secrets';

/** The fixed clock of the tests: tokens issued "now" expire in ≈ 48 h. */
export const NOW = new Date('2024-05-06T12:00:00.000Z');

export interface BuiltApp {
  runtime: RuntimeApp;
  dir: string;
  dispose(): Promise<void>;
}

/**
 * `npm run build` of `app/index.ts` (validation first), then `loadApp`. Under `npm test` the first
 * file to build leaves its build in the run's shared folder (test/global-setup.js) and every other
 * file loads that one: the app is the same for the whole run, and no test writes into a build
 * (copying it cost about 0.15 s per file). Outside jest's global setup each call builds into a
 * temp dir of its own.
 */
export async function buildHotmartApp(): Promise<BuiltApp> {
  const shared = process.env.HOTMART_TEST_BUILDS;
  if (shared !== undefined) {
    const dir = path.join(shared, 'dist');
    if (!existsSync(path.join(dir, 'makecomapp.json'))) await buildShared(dir);
    // Validated by the build (strict) and remembered by content (lib/validate/checked-apps.ts).
    const runtime = await loadApp(dir, { remember: true });
    // The run's teardown removes the shared folder.
    return { runtime, dir, dispose: () => Promise.resolve() };
  }
  const root = await mkdtemp(path.join(tmpdir(), 'hotmart-app-'));
  const dir = path.join(root, 'dist');
  await buildInto(dir);
  const runtime = await loadApp(dir, { remember: true });
  return { runtime, dir, dispose: () => rm(root, { recursive: true, force: true }) };
}

async function buildInto(dir: string): Promise<void> {
  const result = await buildApp({ app, outDir: dir });
  if (!result.ok) {
    throw new Error(
      `the app does not validate:\n${result.issues.map((issue) => JSON.stringify(issue)).join('\n')}`,
    );
  }
}

/** Builds beside `target`, then renames: readers see all of the build or none. */
async function buildShared(target: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await buildInto(temporary);
  try {
    await rename(temporary, target);
  } catch {
    // Another file shared the same build first.
    await rm(temporary, { recursive: true, force: true });
  }
}

export interface ConnectOptions {
  environment?: Environment;
  basicToken?: string;
  now?: Date;
}

/**
 * Creates the `hotmart` connection as Make does when the user saves it (token, then the info
 * call), with both requests mocked and consumed.
 */
export async function connect(
  runtime: RuntimeApp,
  options: ConnectOptions = {},
): Promise<Connection> {
  const seen: Seen = [];
  const environment = options.environment ?? 'production';
  const token = tokenRequest(seen);
  const info = infoRequest(seen, environment);
  const connection = await createConnection(
    runtime,
    'hotmart',
    { ...CREDENTIALS, basicToken: options.basicToken ?? CREDENTIALS.basicToken, environment },
    { now: () => options.now ?? NOW },
  );
  token.done();
  info.done();
  expect(leakedSecrets(connection.log)).toEqual([]);
  return connection;
}

function interfaceOf(runtime: RuntimeApp, moduleName: string): Parameter[] {
  const module = runtime.definition.modules.find((candidate) => candidate.name === moduleName);
  if (module === undefined) throw new Error(`the app has no module ${moduleName}`);
  return module.interface;
}

export interface RunArgs {
  parameters?: Record<string, unknown>;
  connection: Connection;
  now?: Date;
  /** The scenario's time zone (Make runs IML in the user's zone); default UTC. */
  timezone?: string;
  /** Load rpc:// options to check select values, as Make's form does. */
  checkRpcOptions?: boolean;
}

function runOptions(args: RunArgs) {
  return {
    parameters: args.parameters ?? {},
    connection: args.connection,
    now: args.now ?? NOW,
    ...(args.timezone === undefined ? {} : { timezone: args.timezone }),
    ...(args.checkRpcOptions === true ? { checkRpcOptions: true } : {}),
  };
}

/** Runs a module that must succeed; checks secrets and the interface of every bundle. */
export async function run(
  runtime: RuntimeApp,
  moduleName: string,
  args: RunArgs,
): Promise<RunResult> {
  let result: RunResult;
  try {
    result = await runModule(runtime, moduleName, runOptions(args));
  } catch (error) {
    expect(leakedSecrets(...errorSurface(error))).toEqual([]);
    throw error;
  }
  expect(leakedSecrets(result.log, args.connection.log)).toEqual([]);
  const spec = interfaceOf(runtime, moduleName);
  for (const bundle of result.bundles) expect(checkAgainstInterface(bundle, spec)).toEqual([]);
  return result;
}

/** Runs a module that must fail with a Make error; checks that the error leaks no secret. */
export async function runFailing(
  runtime: RuntimeApp,
  moduleName: string,
  args: RunArgs,
): Promise<MakeError> {
  try {
    await runModule(runtime, moduleName, runOptions(args));
  } catch (error) {
    expect(leakedSecrets(...errorSurface(error))).toEqual([]);
    if (error instanceof MakeError) return error;
    throw error;
  }
  throw new Error(`${moduleName} succeeded, but the test expected an error`);
}

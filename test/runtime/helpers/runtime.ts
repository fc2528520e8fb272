// Wrappers around the public runtime API that record everything a run produced (bundles, logs,
// errors, connections, written app directories) for the secret-leak check in leak-check.ts.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileApp } from '../../../lib/compile';
import {
  createConnection,
  loadApp,
  runModule,
  streamModule,
  type Connection,
  type ConnectionOptions,
  type RunOptions,
  type RunResult,
  type RuntimeApp,
} from '../../../lib/runtime';
import type { App } from '../../../lib/types';

export const observed: unknown[] = [];
export const writtenDirs: string[] = [];

function observe<T>(value: T): T {
  observed.push(value);
  return value;
}

/** Writes the compiled app as Make's layout into a fresh temp dir; returns the dir. */
export async function writeApp(app: App): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runtime-app-'));
  writtenDirs.push(dir);
  for (const [file, value] of compileApp(app)) {
    const full = path.join(dir, file);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(
      full,
      file.endsWith('.json') ? JSON.stringify(value, null, 2) : String(value),
    );
  }
  return dir;
}

/** compileApp → files → loadApp (validated unless `validate: false`). */
export async function load(app: App, options: { validate?: boolean } = {}): Promise<RuntimeApp> {
  return loadApp(await writeApp(app), options);
}

export async function connect(
  app: RuntimeApp,
  name: string,
  parameters: Record<string, unknown>,
  options: ConnectionOptions = {},
): Promise<Connection> {
  try {
    return observe(await createConnection(app, name, parameters, options));
  } catch (error) {
    throw observe(error);
  }
}

export async function run(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): Promise<RunResult> {
  try {
    return observe(await runModule(app, moduleName, options));
  } catch (error) {
    throw observe(error);
  }
}

export function stream(app: RuntimeApp, moduleName: string, options: RunOptions = {}) {
  return observe(streamModule(app, moduleName, options));
}

/** The rejection of `promise`, which must reject. */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

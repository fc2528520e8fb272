// Helpers for the CLI tests: an in-process runner with captured output, the real binary as a
// child process, and one built copy of the app per test file.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import app from '../../app';
import { buildApp } from '../../lib/cli/build-app';
import type { StopSignal } from '../../lib/cli/commands/simulator';
import type { CliIo } from '../../lib/cli/io';
import { runCli } from '../../lib/cli/main';

export const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'hotmart-make.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  tty?: boolean;
  untilStopped?: StopSignal;
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
}

/** Runs `hotmart-make <args>` in this process (nock applies), capturing both streams. */
export async function cli(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
      options.onStdout?.(text);
    },
    stderr: (text) => {
      stderr += text;
      options.onStderr?.(text);
    },
    stderrIsTty: options.tty ?? false,
    columns: undefined,
    env: options.env ?? {},
    cwd: options.cwd ?? REPO,
  };
  const code = await runCli(args, io, options.untilStopped);
  return { code, stdout, stderr };
}

/** A `webhook` receiver running in this process: its address, and how to stop it. */
export interface Receiver {
  address: string;
  /** Stops the receiver and resolves to the command's run. */
  stop(): Promise<CliRun>;
}

/**
 * Starts `hotmart-make webhook <args>` in this process and resolves once it listens; a receiver
 * that ends before listening rejects with its stderr.
 */
export async function startReceiver(
  args: string[],
  options: Omit<InProcessOptions, 'untilStopped' | 'onStderr'> = {},
): Promise<Receiver> {
  let stop: (reason: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const running = cli(['webhook', ...args], {
    ...options,
    untilStopped: () => stopped,
    onStderr: (text) => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match?.[1] !== undefined) announce(match[1]);
    },
  });
  const address = await Promise.race([
    listening,
    running.then((early) => Promise.reject(new Error(`ended early: ${early.stderr}`))),
  ]);
  return {
    address,
    stop: () => {
      stop('test');
      return running;
    },
  };
}

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each stdout chunk (e.g. to learn the simulator's URL). */
  onStdout?: (text: string) => void;
  /** Called with each stderr chunk (the webhook receiver announces its URL there). */
  onStderr?: (text: string) => void;
}

export interface Child {
  done: Promise<CliRun>;
  kill(signal: NodeJS.Signals): void;
}

/** The real binary as a child process, with a scrubbed environment (no inherited credentials). */
export function spawnBin(args: string[], options: ChildOptions = {}): Child {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    ...options.env,
  };
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.onStdout?.(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    options.onStderr?.(chunk);
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr }),
    );
  });
  return { done, kill: (signal) => child.kill(signal) };
}

export function bin(args: string[], options: ChildOptions = {}): Promise<CliRun> {
  return spawnBin(args, options).done;
}

export interface BuiltDist {
  dir: string;
  dispose(): Promise<void>;
}

/** The real app built into a temp dir (what `hotmart-make build` writes). */
export async function buildDist(): Promise<BuiltDist> {
  const root = await mkdtemp(path.join(tmpdir(), 'cli-dist-'));
  const dir = path.join(root, 'dist');
  const result = await buildApp({ app, outDir: dir });
  if (!result.ok) throw new Error(`the app does not build: ${JSON.stringify(result.issues)}`);
  return { dir, dispose: () => rm(root, { recursive: true, force: true }) };
}

// Where the CLI writes and what it knows about its surroundings. Commands never touch `process`
// directly, so tests can run them in-process with captured output.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress is drawn only on a terminal; piped stderr gets none. */
  stderrIsTty: boolean;
  /** Terminal width for tables (undefined when stdout is not a terminal). */
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: process.stderr.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    env: process.env,
    cwd: process.cwd(),
  };
}

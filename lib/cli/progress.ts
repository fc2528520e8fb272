// One self-rewriting status line on stderr, drawn only when stderr is a terminal: piped output
// and CI logs stay clean.
import type { CliIo } from './io';
import type { Progress } from '../harness';

export interface ProgressLine {
  /** A phase before there is progress to count (the connection's token request, ~1–4 s). */
  status(text: string): void;
  update(progress: Progress): void;
  clear(): void;
}

export function formatProgress(moduleName: string, progress: Progress): string {
  const parts = [
    `${progress.pages} page${progress.pages === 1 ? '' : 's'} fetched`,
    `${progress.bundles} bundle${progress.bundles === 1 ? '' : 's'}`,
  ];
  if (progress.rateLimit) {
    parts.push(`${progress.rateLimit.used}/${progress.rateLimit.limit} requests of the rate limit`);
  }
  return `${moduleName}: ${parts.join(' · ')}`;
}

export function progressLine(io: CliIo, moduleName: string): ProgressLine {
  if (!io.stderrIsTty) {
    return { status: () => undefined, update: () => undefined, clear: () => undefined };
  }
  let drawn = false;
  return {
    status(text) {
      io.stderr(`\r\x1b[2K${moduleName}: ${text}`);
      drawn = true;
    },
    update(progress) {
      io.stderr(`\r\x1b[2K${formatProgress(moduleName, progress)}`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr('\r\x1b[2K');
      drawn = false;
    },
  };
}

// Parsing `--target`; kept apart from targets.ts so that validating arguments does not load the
// simulator.
import type { TargetSpec } from '../harness';
import { UsageError } from './errors';

export type { TargetSpec } from '../harness';

export function parseTarget(text: string, command: string): TargetSpec {
  if (text === 'simulator' || text === 'sandbox' || text === 'production') return { kind: text };
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new UsageError(`--target ${text} is not a valid URL`, command);
    }
    return { kind: 'url', origin: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
  }
  throw new UsageError(
    `--target must be simulator, sandbox, production or an http(s) URL, got "${text}"`,
    command,
  );
}

// `run --app <dir>`: running an app other than the Hotmart one (one pulled from Make, say). Its
// hosts are whatever it names, so a URL --target receives every host written literally in the
// app (base URL, connection and module URLs); --target production leaves them as they are. The
// connection's parameters come from --connection-file, since only the Hotmart app's are known.
import fs from 'node:fs';
import type { ResolvedTarget, TargetSpec } from '../harness';
import type { RuntimeApp } from '../runtime';
import { isPlainObject } from '../shared';
import { UsageError } from './errors';

/** The connection parameters in `file`: a JSON object, or a usage error saying what is wrong. */
export function readConnectionFile(file: string): Record<string, unknown> {
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
export function otherAppTarget(
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

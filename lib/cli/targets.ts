// Where `run` and `record` send Hotmart's requests:
// - `simulator` (default): the embedded simulator, served on a free loopback port for this run,
//   with the simulator's own (obviously fake) credentials;
// - `sandbox` / `production`: the real Hotmart API, credentials from HOTMART_CLIENT_ID,
//   HOTMART_CLIENT_SECRET and HOTMART_BASIC_TOKEN;
// - an http(s) URL: every Hotmart host is sent to that origin through the runtime's hostMap (a
//   `hotmart-make simulator` in another terminal, a proxy). The simulator's credentials unless
//   `--env-credentials` asks for HOTMART_*: real secrets never go to an origin by accident.
import {
  createSimulator,
  HOTMART_ORIGINS,
  SIMULATOR_CREDENTIALS,
  startSimulatorServer,
} from '../simulator';
import { UsageError } from './errors';
import type { ResolvedTarget, TargetSpec } from '../harness';

export { parseTarget } from './target-spec';
export type { ResolvedTarget, TargetSpec } from '../harness';

const CREDENTIAL_VARIABLES = [
  'HOTMART_CLIENT_ID',
  'HOTMART_CLIENT_SECRET',
  'HOTMART_BASIC_TOKEN',
] as const;

/** Every Hotmart host (token, production data, sandbox data) → `origin`. */
export function hostMapTo(origin: string): Record<string, string> {
  return Object.fromEntries(HOTMART_ORIGINS.map((hotmart) => [new URL(hotmart).host, origin]));
}

function credentialsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> | undefined {
  const values = CREDENTIAL_VARIABLES.map((name) => env[name]?.trim() ?? '');
  if (values.every((value) => value === '')) return undefined;
  const missing = CREDENTIAL_VARIABLES.filter((_, i) => values[i] === '');
  if (missing.length > 0) {
    throw new UsageError(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: export all three of ` +
        `${CREDENTIAL_VARIABLES.join(', ')} (from Hotmart: Tools → Developer Credentials)`,
    );
  }
  const [clientId, clientSecret, basicToken] = values as [string, string, string];
  return { clientId, clientSecret, basicToken };
}

export interface TargetOptions {
  /** With a URL target: send HOTMART_* (all three required) instead of the simulator's values. */
  envCredentials?: boolean;
}

export async function resolveTarget(
  spec: TargetSpec,
  env: NodeJS.ProcessEnv,
  command: string,
  options: TargetOptions = {},
): Promise<ResolvedTarget> {
  if (spec.kind === 'simulator') {
    const simulator = createSimulator();
    const server = await startSimulatorServer(simulator, { host: '127.0.0.1', port: 0 });
    return {
      spec,
      label: `embedded simulator at ${server.url}`,
      connectionParameters: { ...SIMULATOR_CREDENTIALS, environment: 'production' },
      hostMap: hostMapTo(server.url),
      simulator,
      close: () => server.close(),
    };
  }
  if (spec.kind === 'url') {
    let credentials: Record<string, string> = { ...SIMULATOR_CREDENTIALS };
    if (options.envCredentials === true) {
      let fromEnv: Record<string, string> | undefined;
      try {
        fromEnv = credentialsFromEnv(env);
      } catch (error) {
        throw new UsageError(`--env-credentials: ${(error as Error).message}`, command);
      }
      if (fromEnv === undefined) {
        throw new UsageError(
          `--env-credentials needs ${CREDENTIAL_VARIABLES.join(', ')} to be set`,
          command,
        );
      }
      credentials = fromEnv;
    }
    return {
      spec,
      label: spec.origin,
      connectionParameters: { ...credentials, environment: 'production' },
      hostMap: hostMapTo(spec.origin),
      close: () => Promise.resolve(),
    };
  }
  let credentials: Record<string, string> | undefined;
  try {
    credentials = credentialsFromEnv(env);
  } catch (error) {
    throw new UsageError(`--target ${spec.kind}: ${(error as Error).message}`, command);
  }
  if (credentials === undefined) {
    throw new UsageError(
      `--target ${spec.kind} needs Hotmart credentials: set ${CREDENTIAL_VARIABLES.join(', ')} ` +
        `(a ${spec.kind === 'sandbox' ? 'Sandbox' : 'Production'} credential from Hotmart: Tools → ` +
        'Developer Credentials), or use --target simulator',
      command,
    );
  }
  return {
    spec,
    label: `Hotmart ${spec.kind}`,
    connectionParameters: { ...credentials, environment: spec.kind },
    hostMap: {},
    close: () => Promise.resolve(),
  };
}

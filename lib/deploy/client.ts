// Where and as whom to deploy: MAKE_API_TOKEN and MAKE_ZONE from the environment. The token is
// never echoed in messages.
import { Make } from '@makehq/sdk';
import type { MakeSdk } from './remote';
import { guardSdk } from './remote-error';

export interface MakeTarget {
  token: string;
  /** Host name of the Make zone, e.g. `eu1.make.com`. */
  zone: string;
}

const DEFAULT_ZONE = 'eu1.make.com';

export class DeployConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployConfigError';
  }
}

/** Accepts `eu1`, `eu1.make.com` or `https://eu1.make.com[/api…]`; returns the host name. */
export function normaliseZone(raw: string): string {
  let zone = raw.trim().replace(/^https?:\/\//i, '');
  zone = zone.split('/')[0] ?? '';
  if (/^[a-z]{2}\d+$/i.test(zone)) zone = `${zone}.make.com`;
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(zone)) {
    throw new DeployConfigError(
      `MAKE_ZONE "${raw}" is not a Make zone; expected a host such as eu1.make.com or us1.make.com`,
    );
  }
  return zone.toLowerCase();
}

export function makeTargetFromEnv(env: NodeJS.ProcessEnv): MakeTarget {
  const token = env.MAKE_API_TOKEN?.trim();
  if (!token) {
    throw new DeployConfigError(
      'MAKE_API_TOKEN is not set: create an API token with the sdk-apps:read and sdk-apps:write ' +
        'scopes in your Make profile and export it (MAKE_ZONE selects the zone, default ' +
        `${DEFAULT_ZONE})`,
    );
  }
  return { token, zone: normaliseZone(env.MAKE_ZONE ?? DEFAULT_ZONE) };
}

/** The SDK for `target`; its errors are typed and never carry the token (remote-error.ts). */
export function createMakeSdk(target: MakeTarget): MakeSdk {
  return guardSdk(new Make(target.token, target.zone, { version: 2 }).sdk, target.token);
}

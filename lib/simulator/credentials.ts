// Obviously fake credentials: the simulator accepts nothing that could be a real Hotmart secret.
import type { SimulatorCredentials } from './types';

/** Hotmart's Basic token is base64 of `client_id:client_secret` (reference §1.1). */
export function basicTokenFor(clientId: string, clientSecret: string): string {
  return Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
}

export const SIMULATOR_CREDENTIALS: Readonly<SimulatorCredentials> = Object.freeze({
  clientId: 'sim-client-id',
  clientSecret: 'sim-client-secret',
  basicToken: basicTokenFor('sim-client-id', 'sim-client-secret'),
});

/** The hottok the simulator sends with its webhook events unless told another. */
export const SIMULATOR_HOTTOK = 'sim-hottok';

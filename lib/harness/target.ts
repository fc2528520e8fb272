// Where a run sends Hotmart's requests, once resolved (the CLI's `--target`, `npm start`, the docs
// examples): the connection parameters and host map to use, and how to release it.
import type { Simulator } from '../simulator';

export type TargetSpec =
  | { kind: 'simulator' }
  | { kind: 'sandbox' }
  | { kind: 'production' }
  | { kind: 'url'; origin: string };

export interface ResolvedTarget {
  spec: TargetSpec;
  /** Human label for messages: `embedded simulator at http://127.0.0.1:41234`. */
  label: string;
  /** Parameters for the app's `hotmart` connection. */
  connectionParameters: Record<string, unknown>;
  /** Hotmart host → origin; empty for the real API. */
  hostMap: Record<string, string>;
  /** Set for the embedded simulator (npm start picks parameters from its data). */
  simulator?: Simulator;
  close(): Promise<void>;
}

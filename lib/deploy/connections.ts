// Pairs every local connection (or webhook) with its remote counterpart. Make names connections
// and webhooks itself (e.g. `hotmart-app-1`), so the pairing comes from the state file first and,
// failing that, from a remote component with the same label and a compatible type.

/** What pairing needs of a local connection or webhook. */
interface LocalNamed {
  name: string;
  label: string;
  type: string;
}

export interface RemoteConnection {
  name: string;
  label: string;
  type: string;
}

export type ConnectionMatch =
  | { local: string; remote: RemoteConnection; via: 'state' | 'label' }
  | { local: string; remote: null }
  | { local: string; conflict: string };

/** Make stores OAuth connections as `oauth`; an SDK example creates them as `oauth2`. */
function sameConnectionType(local: string, remote: string): boolean {
  const norm = (type: string): string => (type === 'oauth2' ? 'oauth' : type);
  return norm(local) === norm(remote);
}

export function matchConnections(
  locals: readonly LocalNamed[],
  remotes: RemoteConnection[],
  known: Record<string, string>,
  noun: 'connection' | 'webhook' = 'connection',
): ConnectionMatch[] {
  const taken = new Set<string>();
  const byName = new Map(remotes.map((remote) => [remote.name, remote]));
  const matches: ConnectionMatch[] = [];
  // First pass: the state file, which is authoritative while the remote still exists.
  const pending: LocalNamed[] = [];
  for (const local of locals) {
    const remembered = known[local.name];
    const remote = remembered === undefined ? undefined : byName.get(remembered);
    if (remote) {
      taken.add(remote.name);
      matches.push({ local: local.name, remote, via: 'state' });
    } else {
      pending.push(local);
    }
  }
  for (const local of pending) {
    const candidates = remotes.filter(
      (remote) =>
        !taken.has(remote.name) &&
        remote.label === local.label &&
        sameConnectionType(local.type, remote.type),
    );
    const only = candidates[0];
    if (candidates.length > 1) {
      matches.push({
        local: local.name,
        conflict:
          `${candidates.length} ${noun}s on Make are labelled "${local.label}" ` +
          `(${candidates.map((c) => c.name).join(', ')}); record the right one in ` +
          `.deploy-state.json or delete the extras on Make`,
      });
    } else if (only) {
      taken.add(only.name);
      matches.push({ local: local.name, remote: only, via: 'label' });
    } else {
      matches.push({ local: local.name, remote: null });
    }
  }
  // Keep the local order so the plan reads like makecomapp.json.
  return locals.map((local) => matches.find((m) => m.local === local.name) as ConnectionMatch);
}

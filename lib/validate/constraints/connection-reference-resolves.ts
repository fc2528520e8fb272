// `{{connection.x}}` must be a connection parameter or a value the connection stores with
// `response.data`; anything else is undefined at run time (often an unnoticed empty token).
import type { App } from '../../types';
import {
  communicationSites,
  componentOf,
  connectionIndex,
  connectionKeys,
  unionKeySets,
  type CommunicationSite,
  type KeySet,
} from '../communications';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import { didYouMean } from '../../shared';
import type { Issue } from '../issue';
import { referencesTo } from '../references';

/**
 * What `connection` holds at a site (make-app-format.md §3.6: parameters and stored data merged):
 * - connection code (OAuth `refresh` reads it): that connection;
 * - a module, RPC or webhook: its connection and altConnection (either may be the one in use);
 * - the base: any connection. `undefined` = the component has no connection at all.
 */
function scopeOf(app: App, site: CommunicationSite): { keys: KeySet; owner: string } | undefined {
  if (site.kind === 'base') {
    return {
      keys: unionKeySets(app.connections.map((_, i) => connectionKeys(app, i))),
      owner: 'any connection',
    };
  }
  if (site.kind === 'connection') {
    return { keys: connectionKeys(app, site.index), owner: 'the connection' };
  }
  const component = componentOf(app, site);
  const ids = [component?.connection, component?.altConnection].filter(
    (id): id is string => typeof id === 'string',
  );
  if (ids.length === 0) return undefined;
  const indexes = ids.map((id) => connectionIndex(app, id));
  // An unknown connection id is reported by connection-exists; nothing to check against here.
  if (indexes.includes(-1)) return { keys: { keys: new Set(), open: true }, owner: '' };
  return {
    keys: unionKeySets(indexes.map((i) => connectionKeys(app, i))),
    owner: `connection "${ids.join('" or "')}"`,
  };
}

export const connectionReferenceResolves: Constraint = {
  id: 'connection-reference-resolves',
  description:
    'Every {{connection.x}} names a parameter of the connection or a key it stores in response.data.',
  check(app) {
    const issues: Issue[] = [];
    for (const site of communicationSites(app)) {
      const refs = referencesTo(site.value, site.path, 'connection');
      if (refs.length === 0) continue;
      const scope = scopeOf(app, site);
      for (const ref of refs) {
        if (scope === undefined) {
          issues.push(
            issueAt(
              app,
              ref.path,
              this.id,
              `{{connection${ref.key === undefined ? '' : `.${ref.key}`}}} is used but the ${site.kind} has no connection`,
            ),
          );
          continue;
        }
        if (scope.keys.open || ref.key === undefined || scope.keys.keys.has(ref.key)) continue;
        const suggestion = didYouMean(ref.key, scope.keys.keys);
        issues.push(
          issueAt(
            app,
            ref.path,
            this.id,
            `{{connection.${ref.key}}} is neither a parameter of ${scope.owner} nor a key it stores in response.data${hint(suggestion)}`,
            suggestion,
          ),
        );
      }
    }
    return issues;
  },
};

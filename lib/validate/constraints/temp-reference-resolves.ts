// `{{temp.x}}` must be set by a `temp` directive of the same communication (request-level or
// `response.temp`); the base's temp reaches every module and RPC.
import type { App } from '../../types';
import {
  communicationSites,
  tempKeys,
  unionKeySets,
  type CommunicationSite,
} from '../communications';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import { didYouMean } from '../../shared';
import type { Issue } from '../issue';
import { referencesTo } from '../references';

/** The sites whose temp values one site can read: its own, a trigger's epoch with its communication, the base. */
function visibleSites(all: CommunicationSite[], site: CommunicationSite): CommunicationSite[] {
  if (site.kind === 'base' || site.kind === 'connection') return [site];
  const own = all.filter((s) => s.kind === site.kind && s.index === site.index);
  return site.inheritsBase ? [...own, ...all.filter((s) => s.kind === 'base')] : own;
}

export const tempReferenceResolves: Constraint = {
  id: 'temp-reference-resolves',
  description: 'Every {{temp.x}} is set by a temp directive in the same communication.',
  check(app: App) {
    const issues: Issue[] = [];
    const sites = communicationSites(app);
    for (const site of sites) {
      const keys = unionKeySets([tempKeys(app, visibleSites(sites, site))]);
      if (keys.open) continue;
      for (const ref of referencesTo(site.value, site.path, 'temp')) {
        if (ref.key === undefined || keys.keys.has(ref.key)) continue;
        const suggestion = didYouMean(ref.key, keys.keys);
        issues.push(
          issueAt(
            app,
            ref.path,
            this.id,
            `{{temp.${ref.key}}} is never set by a temp directive in this communication${hint(suggestion)}`,
            suggestion,
          ),
        );
      }
    }
    return issues;
  },
};

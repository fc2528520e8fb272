// Ids are unique per component kind: two components with one id cannot both exist in Make, and a
// run could not tell them apart. (Different ids that compile to one folder: id-folder-unique.)
import { ID_KINDS } from '../component-kinds';
import type { Constraint } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';

export const idUnique: Constraint = {
  id: 'id-unique',
  description: 'Connection, module and RPC ids are unique per kind.',
  check(app) {
    const issues: Issue[] = [];
    for (const [section, kind] of ID_KINDS) {
      const seen = new Set<string>();
      app[section].forEach((component, i) => {
        const name: unknown = component.name;
        if (typeof name !== 'string') return;
        if (seen.has(name)) {
          issues.push(
            issueAt(app, [section, i, 'name'], this.id, `duplicate ${kind} id "${name}"`),
          );
        }
        seen.add(name);
      });
    }
    return issues;
  },
};

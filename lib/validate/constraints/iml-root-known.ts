// Make reads an unknown root variable as empty, and so does the runtime: `{{paramters.x}}` would
// silently send nothing. In the project's own app such a name can only be a typo, so the build
// reports every root that is not one of Make's (lib/iml/roots.ts).
import { MAKE_ROOTS } from '../../iml';
import { communicationSites } from '../communications';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import { didYouMean } from '../../shared';
import type { Issue } from '../issue';
import { pathsIn } from '../references';
import { walkStrings } from '../walk';

const KNOWN: ReadonlySet<string> = new Set(MAKE_ROOTS);

export const imlRootKnown: Constraint = {
  id: 'iml-root-known',
  description:
    "Every variable an IML template reads starts with one of Make's roots (parameters, connection, temp, body, item, …).",
  check(app) {
    const issues: Issue[] = [];
    for (const site of communicationSites(app)) {
      walkStrings(site.value, site.path, (text, path) => {
        const unknown = new Set(
          pathsIn(text)
            .map((refPath) => refPath[0])
            .filter((root): root is string => root !== undefined && !KNOWN.has(root)),
        );
        for (const root of unknown) {
          const suggestion = didYouMean(root, MAKE_ROOTS);
          issues.push(
            issueAt(
              app,
              path,
              this.id,
              `{{${root}}} is not one of Make's variables; Make reads it as empty${hint(suggestion)}`,
              suggestion,
            ),
          );
        }
      });
    }
    return issues;
  },
};

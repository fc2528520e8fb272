// Make refuses to save groups that leave a module out ("Not categorized module(s): ...") and a
// module listed twice shows up twice in the UI. The project requires groups even when Make would
// accept none, so the module list a user sees is always a deliberate choice.
import type { Constraint } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';

export const moduleInOneGroup: Constraint = {
  id: 'module-in-one-group',
  description: 'Every module is listed in exactly one group, once.',
  check(app) {
    const issues: Issue[] = [];
    const seen = new Map<string, string>();
    app.groups.forEach((group, g) => {
      group.modules.forEach((name, m) => {
        const first = seen.get(name);
        if (first !== undefined) {
          issues.push(
            issueAt(
              app,
              ['groups', g, 'modules', m],
              this.id,
              `module "${name}" is already in group "${first}"; a module belongs to exactly one group`,
            ),
          );
        } else {
          seen.set(name, group.label);
        }
      });
    });
    app.modules.forEach((module, i) => {
      if (typeof module.name === 'string' && !seen.has(module.name)) {
        issues.push(
          issueAt(
            app,
            ['modules', i, 'name'],
            this.id,
            `module "${module.name}" is not in any group; add it to one in groups`,
          ),
        );
      }
    });
    return issues;
  },
};

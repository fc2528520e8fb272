// A group naming a module that does not exist is a typo or a leftover from a removed module.
import { didYouMean } from '../../shared';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import type { Issue } from '../issue';

export const groupModuleExists: Constraint = {
  id: 'group-module-exists',
  description: 'Groups name only modules that exist.',
  check(app) {
    const issues: Issue[] = [];
    const names = app.modules.map((m) => m.name).filter((n) => typeof n === 'string');
    const known = new Set(names);
    app.groups.forEach((group, g) => {
      group.modules.forEach((name, m) => {
        if (known.has(name)) return;
        const suggestion = didYouMean(name, names);
        issues.push(
          issueAt(
            app,
            ['groups', g, 'modules', m],
            this.id,
            `group "${group.label}" names unknown module "${name}"${hint(suggestion)}`,
            suggestion,
          ),
        );
      });
    });
    return issues;
  },
};

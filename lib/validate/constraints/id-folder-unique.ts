// `getURL` and `getUrl` are different ids, and Make accepts both, but both compile to
// `modules/get-url/` (its own tool writes the second to `get-url2/`). Our compiler refuses the
// collision, so our own app must not have one; in the `make` profile it is only a warning.
import { kebabCase } from '../../compile';
import { ID_KINDS } from '../component-kinds';
import type { Constraint } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';

export const idFolderUnique: Constraint = {
  id: 'id-folder-unique',
  description:
    'Connection, module and RPC ids of one kind compile to different kebab-case folders.',
  check(app) {
    const issues: Issue[] = [];
    for (const [section, kind] of ID_KINDS) {
      const firstByFolder = new Map<string, string>();
      app[section].forEach((component, i) => {
        const name: unknown = component.name;
        if (typeof name !== 'string') return;
        const folder = kebabCase(name);
        const first = firstByFolder.get(folder);
        if (first === undefined) firstByFolder.set(folder, name);
        else if (first !== name) {
          issues.push(
            issueAt(
              app,
              [section, i, 'name'],
              this.id,
              `${kind} ids "${first}" and "${name}" both compile to the folder "${folder}"`,
            ),
          );
        }
      });
    }
    return issues;
  },
};

// `getURL` and `getUrl` are different ids, and Make accepts both, but both want the folder
// `modules/get-url/`; the compiler numbers the second (`get-url2/`), as Make's own tool does.
// In our own app two ids that differ only in spelling of case are a mistake waiting to happen
// (and a folder name that no longer matches its id); in the `make` profile it is only a warning.
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
              `${kind} ids "${first}" and "${name}" share the folder name "${folder}" (the second is written to "${folder}2")`,
            ),
          );
        }
      });
    }
    return issues;
  },
};

// Ids are unique per component kind, and so are their kebab-case folder names: `getURL` and
// `getUrl` are different ids but would both compile to `modules/get-url/`.
import { kebabCase } from '../../compile';
import type { Constraint } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';

const KINDS = [
  ['connections', 'connection'],
  ['modules', 'module'],
  ['rpcs', 'rpc'],
] as const;

export const idUnique: Constraint = {
  id: 'id-unique',
  description:
    'Connection, module and RPC ids (and their kebab-case file names) are unique per kind.',
  check(app) {
    const issues: Issue[] = [];
    for (const [section, kind] of KINDS) {
      const firstByFolder = new Map<string, string>();
      app[section].forEach((component, i) => {
        const name: unknown = component.name;
        if (typeof name !== 'string') return;
        const folder = kebabCase(name);
        const first = firstByFolder.get(folder);
        if (first === undefined) {
          firstByFolder.set(folder, name);
        } else if (first === name) {
          issues.push(
            issueAt(app, [section, i, 'name'], this.id, `duplicate ${kind} id "${name}"`),
          );
        } else {
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

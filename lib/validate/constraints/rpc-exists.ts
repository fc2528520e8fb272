// `rpc://name` (dynamic options, nested fields, search buttons) must name an RPC of this app:
// Make resolves it at run time, so a typo would only show up as an empty drop-down.
import { didYouMean } from '../../shared';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import type { Issue } from '../issue';
import { walkStrings } from '../walk';

const RPC_REFERENCE = /rpc:\/\/([^\s"'/?#]*)/g;

export const rpcExists: Constraint = {
  id: 'rpc-exists',
  description: 'Every rpc:// reference names an existing RPC.',
  check(app) {
    const issues: Issue[] = [];
    const names = app.rpcs.map((r) => r.name).filter((n) => typeof n === 'string');
    const known = new Set(names);
    const sections = [
      ['connections', app.connections],
      ['modules', app.modules],
      ['rpcs', app.rpcs],
    ] as const;
    for (const [section, components] of sections) {
      components.forEach((component, i) => {
        walkStrings(component, [section, i], (text, path) => {
          for (const match of text.matchAll(RPC_REFERENCE)) {
            const name = match[1] ?? '';
            if (known.has(name)) continue;
            const closest = didYouMean(name, names);
            const suggestion = closest === undefined ? undefined : `rpc://${closest}`;
            issues.push(
              issueAt(
                app,
                path,
                this.id,
                `rpc://${name} does not name an RPC of this app${hint(suggestion)}`,
                suggestion,
              ),
            );
          }
        });
      });
    }
    return issues;
  },
};

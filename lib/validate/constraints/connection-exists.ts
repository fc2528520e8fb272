// A module or RPC bound to a connection id that no connection has cannot be deployed: Make links
// components to connections by id.
import { didYouMean } from '../../shared';
import type { Constraint, SourcePath } from '../constraint';
import { hint, issueAt } from '../constraint';
import type { Issue } from '../issue';

export const connectionExists: Constraint = {
  id: 'connection-exists',
  description: "Every module's and RPC's connection and altConnection name an existing connection.",
  check(app) {
    const issues: Issue[] = [];
    const names = app.connections.map((c) => c.name).filter((n) => typeof n === 'string');
    const known = new Set(names);
    const test = (value: unknown, path: SourcePath, what: string): void => {
      if (typeof value !== 'string' || known.has(value)) return;
      const suggestion = didYouMean(value, names);
      issues.push(
        issueAt(
          app,
          path,
          this.id,
          `${what} "${value}" does not exist${hint(suggestion)}`,
          suggestion,
        ),
      );
    };
    app.modules.forEach((m, i) => {
      test(m.connection, ['modules', i, 'connection'], 'connection');
      test(m.altConnection, ['modules', i, 'altConnection'], 'altConnection');
    });
    app.rpcs.forEach((r, i) => {
      test(r.connection, ['rpcs', i, 'connection'], 'connection');
      test(
        (r as { altConnection?: unknown }).altConnection,
        ['rpcs', i, 'altConnection'],
        'altConnection',
      );
    });
    return issues;
  },
};

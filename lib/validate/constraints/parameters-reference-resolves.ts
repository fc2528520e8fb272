// `{{parameters.x}}` must name a declared parameter: a typo silently evaluates to undefined and the
// request goes out without the value.
import type { App } from '../../types';
import { communicationSites, referencesRpc, type CommunicationSite } from '../communications';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import { didYouMean } from '../../shared';
import type { Issue } from '../issue';
import { declaredNames, type DeclaredNames } from '../parameters';
import { referencesTo } from '../references';

function merge(lists: DeclaredNames[]): DeclaredNames {
  const out: DeclaredNames = { names: new Set(), open: false };
  for (const list of lists) {
    for (const name of list.names) out.names.add(name);
    out.open ||= list.open;
  }
  return out;
}

function moduleParams(app: App, index: number): DeclaredNames {
  const module = app.modules[index];
  return merge([
    declaredNames(module?.staticParameters),
    declaredNames(module?.mappableParameters),
  ]);
}

/**
 * What `parameters` holds at a site:
 * - connection code: the connection's parameters;
 * - a module: its static and mappable parameters;
 * - an RPC: its own parameters plus those of every component whose parameters call it (Make
 *   passes the calling module's parameters to the RPC);
 * - a webhook (its communication, attach, detach, update): its own parameters;
 * - the base (shared by all modules, RPCs and webhook requests): any of their parameters.
 */
function scopeOf(app: App, site: CommunicationSite): { names: DeclaredNames; owner: string } {
  switch (site.kind) {
    case 'connection':
      return {
        names: declaredNames(app.connections[site.index]?.parameters),
        owner: 'the connection',
      };
    case 'module':
      return { names: moduleParams(app, site.index), owner: 'the module' };
    case 'rpc': {
      const rpc = app.rpcs[site.index];
      const name = typeof rpc?.name === 'string' ? rpc.name : '';
      const callers: DeclaredNames[] = [];
      app.modules.forEach((m, i) => {
        if (referencesRpc([m.staticParameters, m.mappableParameters], name))
          callers.push(moduleParams(app, i));
      });
      for (const other of [...app.rpcs, ...app.connections]) {
        if (referencesRpc(other.parameters, name)) callers.push(declaredNames(other.parameters));
      }
      return {
        names: merge([declaredNames(rpc?.parameters), ...callers]),
        owner: 'the RPC (or a module calling it)',
      };
    }
    case 'webhook': {
      // The webhook's own parameters (set when it is created); `data` is their alias.
      const webhook = app.webhooks?.[site.index];
      return { names: declaredNames(webhook?.parameters), owner: 'the webhook' };
    }
    case 'base':
      return {
        names: merge([
          ...app.modules.map((_, i) => moduleParams(app, i)),
          ...app.rpcs.map((r) => declaredNames(r.parameters)),
        ]),
        owner: 'any module or RPC',
      };
  }
}

export const parametersReferenceResolves: Constraint = {
  id: 'parameters-reference-resolves',
  description: 'Every {{parameters.x}} in a communication names a declared parameter.',
  reads: ['parameters'],
  check(app) {
    const issues: Issue[] = [];
    for (const site of communicationSites(app)) {
      const { names, owner } = scopeOf(app, site);
      if (names.open) continue;
      for (const ref of referencesTo(site.value, site.path, 'parameters')) {
        if (ref.key === undefined || names.names.has(ref.key)) continue;
        const suggestion = didYouMean(ref.key, names.names);
        issues.push(
          issueAt(
            app,
            ref.path,
            this.id,
            `{{parameters.${ref.key}}} refers to a parameter that ${owner} does not declare${hint(suggestion)}`,
            suggestion,
          ),
        );
      }
    }
    return issues;
  },
};

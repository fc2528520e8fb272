// Ids must follow Make's id rules (VSX `validate-id.ts`, make-app-format.md §14.3): Make rejects
// other ids on deploy, and the module/RPC rule forbids dashes because ids appear in IML.
import type { Constraint, SourcePath } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';

const RULES = {
  app: {
    pattern: /^[a-z][0-9a-z-]{1,28}[0-9a-z]$/,
    text: '3–30 characters: lower-case letters, digits and dashes, starting with a letter, not ending with a dash',
  },
  connection: {
    pattern: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
    text: '3–35 characters: letters, digits and dashes, starting with a letter, not ending with a dash',
  },
  module: {
    pattern: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
    text: '3–64 characters: letters and digits only (camelCase), starting with a letter',
  },
  rpc: {
    pattern: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
    text: '3–64 characters: letters and digits only (camelCase), starting with a letter',
  },
} as const;

export const idFormat: Constraint = {
  id: 'id-format',
  description: "App, connection, module and RPC ids follow Make's id rules.",
  // The schemas carry the same patterns; this rule says the rule in words instead of a regex.
  replacesSchemaRules: ['schema/pattern'],
  check(app) {
    const issues: Issue[] = [];
    const test = (kind: keyof typeof RULES, name: unknown, path: SourcePath): void => {
      if (typeof name !== 'string') return; // the schema reports a missing or non-string name
      const rule = RULES[kind];
      if (!rule.pattern.test(name)) {
        issues.push(issueAt(app, path, this.id, `${kind} id "${name}" is invalid: ${rule.text}`));
      }
    };
    test('app', app.manifest.name, ['manifest', 'name']);
    app.connections.forEach((c, i) => test('connection', c.name, ['connections', i, 'name']));
    app.modules.forEach((m, i) => test('module', m.name, ['modules', i, 'name']));
    app.rpcs.forEach((r, i) => test('rpc', r.name, ['rpcs', i, 'name']));
    return issues;
  },
};

// validateApp: the project's JSON Schemas first, then the functional constraints, one report.
import type { App } from '../types';
import { CONSTRAINTS } from './constraints';
import { FailedSections } from './failed-sections';
import { compareIssues, type Issue } from './issue';
import { SchemaIssueMapper } from './schema-issues';
import { cachedValidator } from './validator-cache';

/** `$id` of the project schema for a whole app. */
export const APP_SCHEMA_ID = 'app.schema.json';

let mapper: SchemaIssueMapper | undefined;

/**
 * Every problem of an app definition, sorted by file and pointer; `[]` means valid.
 * Accepts any value (a module's default export is not trusted to be an App).
 *
 * Constraints also run when the schema failed, so one run reports as much as possible; a
 * constraint that cannot cope with a malformed part is skipped in that case (the schema issues
 * already say what to fix). With a schema-valid app, a constraint failure is a bug and throws.
 */
export function validateApp(app: unknown): Issue[] {
  const validate = cachedValidator(APP_SCHEMA_ID);
  mapper ??= new SchemaIssueMapper(APP_SCHEMA_ID);
  const schema = validate(app)
    ? { issues: [], failedPaths: [] }
    : mapper.mapLocated(app, validate.errors ?? []);
  let issues = schema.issues.map((l) => l.issue);
  const schemaFailed = issues.length > 0;
  const failed = new FailedSections(app, schema.failedPaths);
  for (const constraint of CONSTRAINTS) {
    let found: Issue[];
    try {
      found = constraint.check(app as App);
    } catch (error) {
      if (schemaFailed) continue;
      throw error;
    }
    const reads = constraint.reads ?? [];
    if (reads.length > 0)
      found = found.filter((i) => !reads.some((section) => failed.affects(section, i.component)));
    const replaced = new Set(constraint.replacesSchemaRules ?? []);
    if (replaced.size > 0) {
      // Keyed by component too: two components may share a default file path (getContact and
      // GetContact both locate to modules/get-contact/, see layoutFileMap).
      const at = new Set(found.map((i) => `${i.component}|${i.file}#${i.pointer}`));
      issues = issues.filter(
        (i) => !(replaced.has(i.rule) && at.has(`${i.component}|${i.file}#${i.pointer}`)),
      );
    }
    issues.push(...found);
  }
  const seen = new Set<string>();
  return issues
    .filter((issue) => {
      const key = `${issue.component}|${issue.file}|${issue.pointer}|${issue.rule}|${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareIssues);
}

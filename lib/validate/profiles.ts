// Two validation profiles. `strict` is the project's own authoring bar: every schema issue and
// every functional rule is an error (`npm run build` fails on them). `make` is for apps written
// elsewhere, which Make accepts although they break rules of ours: only what would stop a run
// is an error there (a template that does not parse, a module naming a connection or RPC that
// does not exist, two components with one id); every other issue is a warning, with the same
// file, pointer and rule.
//
// Schema issues follow Make's editor schemas where they would stop a run: a module, connection or
// parameter `type` Make does not have (Make's schemas enumerate them too), and a request directive
// of a type the runtime cannot build a request from (`url` or `method` that is not text, `headers`,
// `qs` or `temp` that is not an object). Every other schema issue (our stricter rules: unknown
// keys, blank labels, id patterns, …) is a warning.
import { layoutLocator, type LayoutPlacement } from '../compile';
import type { Issue } from './issue';
import { validateApp } from './validate-app';

export type Profile = 'strict' | 'make';

/** Rules whose failure stops a run: errors in every profile. */
const RUN_STOPPING: ReadonlySet<string> = new Set([
  'iml-valid',
  'connection-exists',
  'rpc-exists',
  'id-unique',
]);

/** Request directives whose JSON type must be right for any request to be built. */
const REQUEST_SHAPE: ReadonlySet<string> = new Set(['url', 'method', 'headers', 'qs', 'temp']);

function stopsRun(issue: Issue): boolean {
  if (RUN_STOPPING.has(issue.rule)) return true;
  // An unknown type, unless it is an IML template (Make's editor schema allows a parameter type
  // computed by IML; the message quotes the value first).
  if (issue.rule === 'schema/discriminator') return !issue.message.startsWith('"{{');
  if (issue.rule !== 'schema/type') return false;
  const last = issue.pointer.slice(issue.pointer.lastIndexOf('/') + 1);
  return REQUEST_SHAPE.has(last);
}

export interface ProfiledIssues {
  /** Problems the profile refuses. */
  errors: Issue[];
  /** Problems the profile reports without refusing (always empty for `strict`). */
  warnings: Issue[];
}

/**
 * Validates `app` with `profile`. `layout` says where the app was read from, when it was: issues
 * then name the files as that layout has them (`.imljson`, numbered folders, the older layout's
 * `metadata.json`, …) rather than the paths our compiler would write.
 */
export function checkApp(app: unknown, profile: Profile, layout?: LayoutPlacement): ProfiledIssues {
  const locate = layout === undefined ? undefined : layoutLocator(app, layout);
  const issues =
    locate === undefined
      ? validateApp(app)
      : validateApp(app).map((issue) => ({
          ...issue,
          ...locate(issue.component, issue.file, issue.pointer),
        }));
  if (profile === 'strict') return { errors: issues, warnings: [] };
  return {
    errors: issues.filter(stopsRun),
    warnings: issues.filter((issue) => !stopsRun(issue)),
  };
}

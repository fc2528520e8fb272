// Two validation profiles. `strict` is the project's own authoring bar: every schema issue and
// every functional rule is an error (`npm run build` fails on them). `make` is for apps written
// elsewhere, which Make accepts although they break rules of ours: only what would stop a run
// is an error there (a template that does not parse, a module naming a connection or RPC that
// does not exist, two components with one id); every other issue is a warning, with the same
// file, pointer and rule.
//
// This first `make` profile is an approximation: its errors are the rules above, and it does not
// yet apply Make's own editor-schema semantics to decide which schema issues Make would refuse.
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
    errors: issues.filter((issue) => RUN_STOPPING.has(issue.rule)),
    warnings: issues.filter((issue) => !RUN_STOPPING.has(issue.rule)),
  };
}

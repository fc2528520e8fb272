// Which sections of which components failed the schema, so constraints that read them can stand
// down there: a misspelt `interfce` otherwise flags every sample key as undeclared, and a broken
// parameter list every `{{parameters.x}}` that names one of its parameters.
import { locateSourcePath } from '../compile';
import type { SourcePath } from './source-path';

/** The sections a constraint may declare it reads (`Constraint.reads`). */
export type Section = 'interface' | 'parameters';

/** The section a source path is in, if it is one of those. */
function sectionOf(path: SourcePath): Section | undefined {
  const [head, index, key] = path;
  if (typeof index !== 'number') return undefined;
  if (head === 'modules') {
    if (key === 'interface') return 'interface';
    if (key === 'staticParameters' || key === 'mappableParameters') return 'parameters';
    return undefined;
  }
  if ((head === 'rpcs' || head === 'connections') && key === 'parameters') return 'parameters';
  return undefined;
}

export class FailedSections {
  private readonly failed = new Map<Section, Set<string>>();
  /** Whether a module or RPC parameter list failed: the base's and RPCs' scopes include them. */
  private readonly sharedParametersFailed: boolean;

  /** `paths`: where the schema found problems, as source-model paths. */
  constructor(app: unknown, paths: readonly SourcePath[]) {
    let shared = false;
    for (const path of paths) {
      const section = sectionOf(path);
      if (section === undefined) continue;
      const { component } = locateSourcePath(app, path.slice(0, 2));
      this.failed.set(section, (this.failed.get(section) ?? new Set()).add(component));
      if (section === 'parameters' && path[0] !== 'connections') shared = true;
    }
    this.sharedParametersFailed = shared;
  }

  /**
   * True when an issue of `component` may come from a failed `section`: the component's own
   * section failed, or, for parameters, the component is the base (`app`) or an RPC and a module
   * or RPC parameter list failed (Make hands those parameters to the base and to called RPCs).
   */
  affects(section: Section, component: string): boolean {
    if (this.failed.get(section)?.has(component) === true) return true;
    return (
      section === 'parameters' &&
      this.sharedParametersFailed &&
      (component === 'app' || component.startsWith('rpc '))
    );
  }
}

// Turns ajv's errors into Issues people can act on: located in the generated file, one issue per
// real problem (not one per anyOf branch), with "did you mean" for misspelt keys and values.
import type { ErrorObject } from 'ajv';
import { isPlainObject } from '../shared';
import type { App } from '../types';
import { hint, issueAt, type SourcePath } from './constraint';
import { didYouMean } from '../shared';
import type { Issue } from './issue';
import { getValidator } from './ajv';
import { isAlive, SchemaNavigator, valueAt } from './schema-navigator';

type Path = Array<string | number>;

/** An issue with the source-model path it was found at. */
export interface LocatedIssue {
  path: SourcePath;
  issue: Issue;
}

const pathKey = (path: SourcePath): string => JSON.stringify(path);

/** Module sections holding requests: where the module type decides what is allowed. */
const COMMUNICATION = new Set(['communication', 'epoch']);

/** Where parameter lists live in the source model. */
function isParameterLocation(path: SourcePath): boolean {
  const [head, index, section] = path;
  if (typeof index !== 'number') return false;
  if (head === 'modules')
    return ['staticParameters', 'mappableParameters', 'interface'].includes(String(section));
  return (head === 'rpcs' || head === 'connections') && section === 'parameters';
}

/** Combinators whose own error only says "some branch failed"; the branch errors say what. */
const SUMMARY = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else']);

/** Errors about the value itself (rather than keys inside it): what a non-matching branch reports. */
const MISMATCH = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'not',
  'false schema',
]);

/** RFC 6901 pointer → path; tokens that index an array in `data` become numbers. */
export function pointerToPath(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const path: Path = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(token)) {
      path.push(Number(token));
      node = node[Number(token)];
    } else {
      path.push(token);
      node = isPlainObject(node) ? node[token] : undefined;
    }
  }
  return path;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'nothing';
  const type = typeof value;
  const shown =
    type === 'string' || type === 'number' || type === 'boolean' ? ` (${show(value)})` : '';
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}${shown}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function withArticle(type: string): string {
  return type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

const isUnder = (path: string, parent: string): boolean =>
  path === parent || path.startsWith(`${parent}/`);

/** Which mismatch explains a value best: for strings the value-specific ones, otherwise the type. */
function mismatchRank(e: ErrorObject, value: unknown): number {
  const order =
    typeof value === 'string'
      ? ['enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'type']
      : ['type', 'enum', 'const', 'minimum', 'maximum'];
  const i = order.indexOf(e.keyword);
  return i === -1 ? order.length : i;
}

/**
 * ajv with `allErrors` reports every failing branch of an anyOf/oneOf plus the combinator itself
 * (the project's `discriminator` already narrows a oneOf over `type` to one branch). Keep what
 * helps:
 * 1. identical errors (the same schema reached through two branches) once;
 * 2. combinator summaries only when nothing more precise was reported at or under their location;
 * 3. a value mismatch (type, enum, pattern, ...) where another branch reported something deeper
 *    or about the object's keys: that branch got further, this one did not apply;
 * 4. of several mismatches left at one location, the one that explains the value best (type
 *    errors merged into one).
 */
export function collapseErrors(errors: readonly ErrorObject[], data: unknown): ErrorObject[] {
  const unique = new Map<string, ErrorObject>();
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (!unique.has(key)) unique.set(key, e);
  }
  let list = [...unique.values()];
  const concrete = list.filter((e) => !SUMMARY.has(e.keyword));
  list = list.filter(
    (e) =>
      !SUMMARY.has(e.keyword) || !concrete.some((c) => isUnder(c.instancePath, e.instancePath)),
  );

  list = list.filter((e) => {
    if (!MISMATCH.has(e.keyword)) return true;
    return !list.some(
      (o) =>
        !SUMMARY.has(o.keyword) &&
        ((o.instancePath !== e.instancePath && isUnder(o.instancePath, e.instancePath)) ||
          (o.instancePath === e.instancePath && !MISMATCH.has(o.keyword))),
    );
  });

  const byPath = new Map<string, ErrorObject[]>();
  for (const e of list)
    if (MISMATCH.has(e.keyword))
      byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  for (const [pointer, group] of byPath) {
    if (group.length < 2) continue;
    const value = valueAt(data, pointerToPath(pointer, data));
    const best = [...group].sort(
      (a, b) => mismatchRank(a, value) - mismatchRank(b, value),
    )[0] as ErrorObject;
    const keep =
      best.keyword === 'type'
        ? [
            {
              ...best,
              params: {
                type: [
                  ...new Set(
                    group
                      .filter((e) => e.keyword === 'type')
                      .flatMap((e) => String(e.params.type).split(',')),
                  ),
                ].join(','),
              },
            },
          ]
        : best.keyword === 'const'
          ? group.filter((e) => e.keyword === 'const')
          : [best];
    list = list.filter((e) => !group.includes(e)).concat(keep);
  }
  return list;
}

const errorKey = (e: ErrorObject): string =>
  `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;

/**
 * Which failing branch of an anyOf/oneOf the value most likely meant: not one that rejects the
 * value's type outright, then the fewest errors, then the most telling error (an enum with its
 * allowed values before an IML-pattern mismatch), then the first listed.
 */
function pickBranch(sets: ReadonlyArray<readonly ErrorObject[]>, value: unknown): number {
  const score = (errors: readonly ErrorObject[]): number[] => [
    errors.some((e) => e.instancePath === '' && e.keyword === 'type') ? 1 : 0,
    errors.filter((e) => !SUMMARY.has(e.keyword)).length,
    Math.min(...errors.map((e) => mismatchRank(e, value))),
  ];
  let best = 0;
  let bestScore = score(sets[0] ?? []);
  sets.forEach((errors, i) => {
    const candidate = score(errors);
    const better = candidate.findIndex((x, k) => x !== bestScore[k]);
    if (better !== -1 && (candidate[better] as number) < (bestScore[better] as number)) {
      best = i;
      bestScore = candidate;
    }
  });
  return best;
}

export class SchemaIssueMapper {
  private readonly allProperties: Set<string>;

  constructor(
    private readonly rootId: string,
    private readonly navigator: SchemaNavigator = new SchemaNavigator(),
  ) {
    this.allProperties = navigator.allPropertyNames();
  }

  /**
   * Replaces the errors of every failing anyOf/oneOf by those of the branch the value most likely
   * meant: each branch is validated on its own (through the shared Ajv instance) and scored.
   * Returns the remaining errors and the branch chosen per combinator.
   */
  private resolveBranches(
    errors: readonly ErrorObject[],
    data: unknown,
  ): { errors: ErrorObject[]; chosen: Map<string, number> } {
    let list = [...errors];
    const chosen = new Map<string, number>();
    const handled = new Set<string>();
    for (;;) {
      const summary = list
        .filter(
          (e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !handled.has(e.instancePath),
        )
        .sort((a, b) => a.instancePath.split('/').length - b.instancePath.split('/').length)[0];
      if (summary === undefined) break;
      const at = summary.instancePath;
      handled.add(at);
      const path = pointerToPath(at, data);
      const value = valueAt(data, path);
      for (const combo of this.navigator.combinatorsAt(this.rootId, data, path)) {
        if (!isAlive(combo.via, chosen)) continue;
        const sets: ErrorObject[][] = [];
        for (let i = 0; i < combo.count; i++) {
          const validate = getValidator(combo.branchRef(i));
          if (validate(value)) break;
          sets.push(
            (validate.errors ?? []).map((e) => ({ ...e, instancePath: `${at}${e.instancePath}` })),
          );
        }
        if (sets.length < combo.count) continue; // a branch accepts the value: not this combinator
        const relative = sets.map((set) =>
          set.map((e) => ({ ...e, instancePath: e.instancePath.slice(at.length) })),
        );
        const best = combo.discriminated ?? pickBranch(relative, value);
        chosen.set(combo.key, best);
        const drop = new Set(sets.flat().map(errorKey));
        list = list.filter(
          (e) => !drop.has(errorKey(e)) && !(e.instancePath === at && SUMMARY.has(e.keyword)),
        );
        list.push(...(sets[best] ?? []));
      }
    }
    return { errors: list, chosen };
  }

  /** Maps ajv errors for `app` (validated against `rootId`) to Issues. */
  map(app: unknown, errors: readonly ErrorObject[]): Issue[] {
    return this.mapLocated(app, errors).issues.map((l) => l.issue);
  }

  /**
   * Like `map`, with the source-model path of each issue, plus the paths of every problem found
   * (also those whose issue was dropped as redundant): what `validateApp` needs to know which
   * sections of a component failed the schema.
   */
  mapLocated(
    app: unknown,
    errors: readonly ErrorObject[],
  ): { issues: LocatedIssue[]; failedPaths: SourcePath[] } {
    const { errors: resolved, chosen } = this.resolveBranches(errors, app);
    const located: LocatedIssue[] = [];
    const consts = new Map<string, ErrorObject[]>();
    for (const e of collapseErrors(resolved, app)) {
      if (e.keyword === 'const') {
        consts.set(e.instancePath, [...(consts.get(e.instancePath) ?? []), e]);
      } else {
        located.push(this.toIssue(app, e, chosen));
      }
    }
    for (const [pointer, group] of consts) {
      const path = pointerToPath(pointer, app);
      const allowed = group.map((e) => (e.params as { allowedValue?: unknown }).allowedValue);
      located.push(this.oneOf(app, path, allowed, allowed.length === 1 ? 'const' : 'enum'));
    }
    // `condtion` for `condition` also makes `condition` missing: the typo says it all. Compared
    // by source path: a misspelt section (`interfce`) is located in makecomapp.json while the
    // missing `interface` is located in its own file, `<id>.interface.iml.json`.
    const misspelt = new Set(
      located
        .filter(
          (l) => l.issue.rule === 'schema/additionalProperties' && l.issue.suggestion !== undefined,
        )
        .map((l) => pathKey([...l.path.slice(0, -1), l.issue.suggestion ?? ''])),
    );
    return {
      issues: located.filter(
        (l) => !(l.issue.rule === 'schema/required' && misspelt.has(pathKey(l.path))),
      ),
      failedPaths: located.map((l) => l.path),
    };
  }

  private at(
    app: unknown,
    path: Path,
    keyword: string,
    message: string,
    suggestion?: string,
  ): LocatedIssue {
    return { path, issue: issueAt(app as App, path, `schema/${keyword}`, message, suggestion) };
  }

  private oneOf(app: unknown, path: Path, allowed: unknown[], keyword: string): LocatedIssue {
    const value = valueAt(app, path);
    if (allowed.length === 1)
      return this.at(app, path, keyword, `must be ${show(allowed[0])}, found ${show(value)}`);
    const strings = allowed.filter((v): v is string => typeof v === 'string');
    const suggestion = typeof value === 'string' ? didYouMean(value, strings) : undefined;
    return this.at(
      app,
      path,
      keyword,
      `${show(value)} is not one of ${allowed.map(show).join(', ')}${hint(suggestion)}`,
      suggestion,
    );
  }

  /**
   * Where a key was refused, for "not allowed" messages: ` in a search module` for a module's
   * communication (what a module may do depends on its type), ` on a boolean parameter` for a
   * parameter (what a parameter accepts depends on its type), else nothing. `container` is the
   * path of the object holding the key.
   */
  private context(app: unknown, container: Path): string {
    const [head, index, section] = container;
    if (head === 'modules' && typeof index === 'number' && COMMUNICATION.has(String(section))) {
      const type = valueAt(app, ['modules', index, 'type']);
      return typeof type === 'string' ? ` in ${withArticle(type)} module` : '';
    }
    const holder = valueAt(app, container);
    if (isParameterLocation(container) && isPlainObject(holder) && typeof holder.type === 'string')
      return ` on ${withArticle(holder.type)} parameter`;
    return '';
  }

  private toIssue(app: unknown, e: ErrorObject, chosen: ReadonlyMap<string, number>): LocatedIssue {
    const path = pointerToPath(e.instancePath, app);
    const value = valueAt(app, path);
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const allowed = this.navigator.propertiesAt(this.rootId, app, path, chosen);
        const suggestion = didYouMean(key, allowed);
        if (suggestion !== undefined)
          return this.at(
            app,
            [...path, key],
            e.keyword,
            `unknown key "${key}"${hint(suggestion)}`,
            suggestion,
          );
        // A directive that exists elsewhere (`iterate` in an action) is misplaced, not misspelt.
        const where = this.context(app, path);
        if (this.allProperties.has(key))
          return this.at(
            app,
            [...path, key],
            e.keyword,
            `key "${key}" is not allowed here${where}`,
          );
        // A typo of a directive that exists elsewhere (`paginaton` in an action): name both
        // mistakes. No `suggestion`: applying it would not fix the definition.
        const elsewhere = didYouMean(key, this.allProperties);
        const message =
          elsewhere === undefined
            ? `unknown key "${key}"`
            : `unknown key "${key}" (did you mean "${elsewhere}"? it is not allowed ${where === '' ? 'here' : where.slice(1)})`;
        return this.at(app, [...path, key], e.keyword, message);
      }
      case 'required':
        return this.at(
          app,
          [...path, String(params.missingProperty)],
          e.keyword,
          `missing required key "${String(params.missingProperty)}"`,
        );
      case 'type':
        return this.at(
          app,
          path,
          e.keyword,
          `must be ${String(params.type).split(',').map(withArticle).join(' or ')}, found ${kindOf(value)}`,
        );
      case 'enum':
        return this.oneOf(
          app,
          path,
          Array.isArray(params.allowedValues) ? params.allowedValues : [],
          'enum',
        );
      case 'discriminator': {
        const tag = String(params.tag);
        if (params.error === 'mapping') {
          const allowed = this.navigator.discriminatorValuesAt(this.rootId, app, path, tag);
          return this.oneOf(app, [...path, tag], allowed, 'discriminator');
        }
        return this.at(
          app,
          [...path, tag],
          'discriminator',
          `"${tag}" must be present and a string`,
        );
      }
      case 'false schema':
        return this.at(
          app,
          path,
          'forbidden',
          `key "${String(path[path.length - 1])}" is not allowed here${this.context(app, path.slice(0, -1))}`,
        );
      case 'pattern': {
        const why = this.navigator.descriptionAt(this.rootId, app, path);
        return this.at(
          app,
          path,
          e.keyword,
          `${show(value)} does not match ${String(params.pattern)}${why === undefined ? '' : ` (${why})`}`,
        );
      }
      default:
        return this.at(app, path, e.keyword, e.message ?? `fails "${e.keyword}"`);
    }
  }
}

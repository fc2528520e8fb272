// What a functional constraint is: one rule JSON Schema cannot express, in its own file.
import type { App } from '../types';
import { locateSourcePath } from '../compile';
import type { Section } from './failed-sections';
import type { SourcePath } from './source-path';
import type { Issue } from './issue';

export interface Constraint {
  /** Stable id, used as `Issue.rule`. */
  readonly id: string;
  /** One sentence: what the rule guarantees. */
  readonly description: string;
  /**
   * Schema rules (`schema/pattern`, ...) this constraint words better: where both report the same
   * file and pointer, only the constraint's issue is kept.
   */
  readonly replacesSchemaRules?: readonly string[];
  /**
   * Sections this constraint reads beside communications: where the schema already failed for
   * one of them, the constraint's issues for that component are dropped (they would only repeat
   * the schema issue, once per sample key or reference).
   */
  readonly reads?: readonly Section[];
  check(app: App): Issue[];
}

export type { SourcePath } from './source-path';

/** An issue at a source-model path, located in the generated file it compiles to. */
export function issueAt(
  app: App,
  path: SourcePath,
  rule: string,
  message: string,
  suggestion?: string,
): Issue {
  const location = locateSourcePath(app, path);
  return { ...location, rule, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** ` (did you mean "x"?)`, or nothing. */
export function hint(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}

// The one shape every validation problem takes, whether ajv or a functional constraint found it.

export interface Issue {
  /** `app`, or `<kind> <id>`: `connection hotmart`, `module listSubscriptions`, `rpc listProducts`. */
  component: string;
  /** The generated file the problem is in, relative to the output root (`dist/`). */
  file: string;
  /** RFC 6901 JSON pointer inside `file` (`''` = the whole file). */
  pointer: string;
  /** `schema/<ajv keyword>` for format errors, `<constraint id>` for functional constraints. */
  rule: string;
  /** What is wrong, in words, without the location (formatIssue adds it). */
  message: string;
  /** The likely intended value, e.g. the correct spelling of a misspelt key. */
  suggestion?: string;
}

/**
 * One line per issue:
 * `module listSubscriptions: modules/list-subscriptions/list-subscriptions.communication.iml.json#/response/iterat: unknown key "iterat" (did you mean "iterate"?) [schema/additionalProperties]`
 */
export function formatIssue(issue: Issue): string {
  const where = issue.pointer === '' ? issue.file : `${issue.file}#${issue.pointer}`;
  return `${issue.component}: ${where}: ${issue.message} [${issue.rule}]`;
}

/** Stable report order: by file, then pointer, then rule, then message. */
export function compareIssues(a: Issue, b: Issue): number {
  for (const key of ['file', 'pointer', 'rule', 'message'] as const) {
    if (a[key] < b[key]) return -1;
    if (a[key] > b[key]) return 1;
  }
  return 0;
}

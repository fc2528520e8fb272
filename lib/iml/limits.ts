// Guards against runaway input. Templates come from app definitions, but values reach functions
// from HTTP responses; a bounded engine fails with IML_LIMIT instead of exhausting the stack or
// the heap. The figures are far above anything a real Make app needs.

export const IML_LIMITS = {
  /** Longest template string accepted, in characters (Make's own code fields are far shorter). */
  maxTemplateLength: 100_000,
  /** Deepest expression tree (operators, calls, parentheses, paths nested inside each other). */
  maxExpressionDepth: 100,
  /** Deepest JSON value resolved by evaluateTemplate (objects/arrays nested inside each other). */
  maxValueDepth: 100,
  /** Longest string a function or operator may produce, in characters. */
  maxStringLength: 10_000_000,
  /** Most compiled template strings kept in the cache before it is emptied. */
  maxCachedTemplates: 5_000,
} as const;

// Expression depth: runaway nesting of every recursive shape is IML_LIMIT, raised by the parser
// before the JavaScript stack runs out, and the deepest tree the limit allows still compiles and
// evaluates. The 5,000-deep templates are built here rather than written into a JSON case file
// (each would be a single line of tens of kilobytes).

import {
  compileTemplate,
  evaluateTemplate,
  IML_LIMITS,
  ImlError,
  parseTemplate,
  referencedPaths,
} from '../../lib/iml';

/** Nesting shapes: each wraps `n` levels around a leaf; `value(n)` is what it evaluates to. */
const SHAPES: Record<string, { build: (n: number) => string; value: (n: number) => unknown }> = {
  parentheses: { build: (n) => `${'('.repeat(n)}1${')'.repeat(n)}`, value: () => 1 },
  'call arguments': { build: (n) => `${'lower('.repeat(n)}"A"${')'.repeat(n)}`, value: () => 'a' },
  'multi-argument calls': {
    build: (n) => `${'if(true, '.repeat(n)}1${', 0)'.repeat(n)}`,
    value: () => 1,
  },
  '[index] expressions': { build: (n) => `${'x['.repeat(n)}1${']'.repeat(n)}`, value: () => 1 },
  'unary !': { build: (n) => `${'!'.repeat(n)}true`, value: (n) => n % 2 === 0 },
  'unary -': { build: (n) => `${'-'.repeat(n)}1`, value: (n) => (n % 2 === 0 ? 1 : -1) },
};

const CONTEXT = { x: [1] };

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ImlError) return error.code;
    throw error;
  }
  return 'no error';
}

/** The largest `n` the parser accepts for a shape (the limit is exact, so probe near it). */
function deepestAccepted(build: (n: number) => string): number {
  let n = 0;
  while (codeOf(() => parseTemplate(`{{${build(n + 1)}}}`)) === 'no error') n += 1;
  return n;
}

describe.each(Object.entries(SHAPES))('nesting %s', (_name, shape) => {
  test.each([5_000, 50_000])(
    '%d levels is IML_LIMIT from the parser, not a stack overflow',
    (n) => {
      const template = `{{${shape.build(n)}}}`;
      expect(codeOf(() => parseTemplate(template))).toBe('IML_LIMIT');
      expect(codeOf(() => evaluateTemplate(template, CONTEXT))).toBe('IML_LIMIT');
    },
  );

  test('the limit is exact: one level more than the deepest accepted tree fails', () => {
    const deepest = deepestAccepted(shape.build);
    // Each level adds one node around the leaf, so the tree is one deeper than the nesting.
    expect(deepest).toBe(IML_LIMITS.maxExpressionDepth - 1);
    expect(codeOf(() => parseTemplate(`{{${shape.build(deepest + 1)}}}`))).toBe('IML_LIMIT');
  });

  test('the deepest accepted tree compiles, evaluates and is analysed', () => {
    const n = IML_LIMITS.maxExpressionDepth - 1;
    const template = `{{${shape.build(n)}}}`;
    expect(evaluateTemplate(template, CONTEXT)).toEqual(shape.value(n));
    expect(compileTemplate(template).evaluate(CONTEXT)).toEqual(shape.value(n));
    expect(Array.isArray(referencedPaths(template))).toBe(true);
  });
});

test('the error points at the opening token of the level past the limit', () => {
  const n = 5_000;
  const template = `{{${'('.repeat(n)}1${')'.repeat(n)}}}`;
  let thrown: unknown;
  try {
    parseTemplate(template);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ImlError);
  // `{{` then maxExpressionDepth parentheses that fit; the next one is the culprit.
  expect((thrown as ImlError).column).toBe(2 + IML_LIMITS.maxExpressionDepth + 1);
});

test('mixed shapes share one depth budget', () => {
  const level = ['(', 'lower(', 'x[', '!'];
  const close = [')', ')', ']', ''];
  const build = (n: number): string => {
    let open = '';
    let shut = '';
    for (let i = 0; i < n; i += 1) {
      open += level[i % 4];
      shut = close[i % 4] + shut;
    }
    return `${open}"1"${shut}`;
  };
  expect(codeOf(() => parseTemplate(`{{${build(5_000)}}}`))).toBe('IML_LIMIT');
  expect(codeOf(() => parseTemplate(`{{${build(IML_LIMITS.maxExpressionDepth + 1)}}}`))).toBe(
    'IML_LIMIT',
  );
  expect(codeOf(() => evaluateTemplate(`{{${build(40)}}}`, CONTEXT))).toBe('no error');
});

test('runaway nesting that is also unclosed is IML_LIMIT (the depth is checked first)', () => {
  expect(codeOf(() => parseTemplate(`{{${'('.repeat(5_000)}}}`))).toBe('IML_LIMIT');
  // Below the limit the same shape is the syntax error it is.
  expect(codeOf(() => parseTemplate(`{{${'('.repeat(50)}}}`))).toBe('IML_SYNTAX');
});

test('the deepest tree evaluates inside the deepest JSON value the engine accepts', () => {
  const n = IML_LIMITS.maxExpressionDepth - 1;
  let value: unknown = `{{${'lower('.repeat(n)}"A"${')'.repeat(n)}}}`;
  for (let i = 0; i < IML_LIMITS.maxValueDepth - 1; i += 1) value = [value];
  let result = evaluateTemplate(value, CONTEXT);
  for (let i = 0; i < IML_LIMITS.maxValueDepth - 1; i += 1) {
    expect(Array.isArray(result)).toBe(true);
    result = (result as unknown[])[0];
  }
  expect(result).toBe('a');
});

test('createJSON of a value that cannot be serialised (a cycle) is IML_INVALID_ARGUMENT', () => {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  expect(codeOf(() => evaluateTemplate('{{createJSON(body)}}', { body: cycle }))).toBe(
    'IML_INVALID_ARGUMENT',
  );
});

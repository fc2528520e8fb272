// Property-based tests: whatever the input, the engine returns a value or throws an ImlError
// (never a raw TypeError/RangeError), and no evaluation reads through the prototype chain.
import fc from 'fast-check';
import { evaluateTemplate, FUNCTION_NAMES, ImlError } from '../../lib/iml';
import { findFunction } from '../../lib/iml/functions/registry';

const NOW = new Date('2024-03-10T15:04:05.123Z');

/** Runs the engine; returns 'value' or 'iml-error', rethrows anything else. */
function outcome(template: unknown, context: Record<string, unknown>): 'value' | 'iml-error' {
  try {
    evaluateTemplate(template, context, { now: NOW });
    return 'value';
  } catch (error) {
    if (error instanceof ImlError) return 'iml-error';
    throw error;
  }
}

// Fragments that make random strings look like IML often enough to reach the parser's corners.
const FRAGMENTS = [
  '{{',
  '}}',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '...',
  "'",
  '"',
  '`',
  '\\',
  ' ',
  '\n',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '==',
  '===',
  '!',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  '&&',
  '||',
  '&',
  '|',
  ';',
  '#',
  '1',
  '0',
  '-1',
  '2.5',
  '1e3',
  'a',
  'body',
  'items',
  'x',
  'true',
  'null',
  'undefined',
  'now',
  'timestamp',
  'emptyarray',
  'uuid',
  '__proto__',
  'constructor',
  'if',
  'ifempty',
  'get',
  'lower',
  'parseDate',
  'formatDate',
  'toCollection',
  'é',
  '😀',
];

const imlish = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 })
  .map((parts) => parts.join(''));

const CONTEXT: Record<string, unknown> = {
  body: { a: 1, items: [{ a: 'x' }, { a: 2 }], s: 'text', n: null, d: '2024-01-01T00:00:00Z' },
  a: 'A',
  x: [1, 2, 3],
  items: [],
};

describe('random input never escapes as a non-IML error', () => {
  test('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        outcome(text, CONTEXT);
      }),
      { numRuns: 300 },
    );
  });

  test('IML-looking strings', () => {
    fc.assert(
      fc.property(imlish, (text) => {
        outcome(text, CONTEXT);
      }),
      { numRuns: 1000 },
    );
  });

  test('arbitrary JSON templates and contexts', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 })),
        (template, context) => {
          outcome(template, context);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// Valid expressions: every operator and every built-in with an argument count it accepts,
// over literals and paths into a random JSON context.
const literal = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
    .map((n) => String(Math.abs(n))),
  fc.string({ maxLength: 8 }).map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`),
  fc.constantFrom('true', 'false', 'null', 'undefined', 'emptyarray', 'now', 'timestamp'),
  fc.constantFrom("'2024-01-01T00:00:00Z'", "'x'", "','", "'YYYY-MM-DD'", "'asc'", "'hex'"),
);
const path = fc.oneof(
  fc.constantFrom('body', 'body.a', 'body.items', 'body.items[1]', 'body.items[-1].a', 'body.s'),
  fc.constantFrom('body.n', 'body.d', 'x[]', 'x[2]', 'a', 'body.`we ird`', 'body.items[]'),
);
const BINARY = [
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  '&&',
  '||',
];

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    path,
    fc.tuple(fc.constantFrom('!', '-', '+'), tie('expression')).map(([op, e]) => `${op}(${e})`),
    fc
      .tuple(tie('expression'), fc.constantFrom(...BINARY), tie('expression'))
      .map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc
      .tuple(fc.constantFrom(...FUNCTION_NAMES), fc.array(tie('expression'), { maxLength: 4 }))
      .map(([name, args]) => {
        const fn = findFunction(name);
        const min = fn?.minArgs ?? 0;
        const max = Math.min(fn?.maxArgs ?? 4, 4);
        const count = Math.max(min, Math.min(args.length, max));
        const padded = [...args];
        while (padded.length < count) padded.push("'a'");
        return `${name}(${padded.slice(0, count).join(', ')})`;
      }),
  ),
}));

describe('random valid expressions', () => {
  test('evaluate to a value or an ImlError, alone and inside text', () => {
    fc.assert(
      fc.property(expression, (expr) => {
        outcome(`{{${expr}}}`, CONTEXT);
        outcome(`text {{${expr}}} more`, CONTEXT);
        outcome({ key: `{{${expr}}}`, '{{...}}': `{{${expr}}}` }, CONTEXT);
      }),
      { numRuns: 500 },
    );
  });

  test('never add keys to Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(expression, (expr) => {
        outcome(`{{${expr}}}`, { ...CONTEXT, body: JSON.parse('{"__proto__":{"p":1},"a":1}') });
      }),
      { numRuns: 200 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});

// Deep nesting: runs of every recursive shape (and shapes mixed), far past the depth limit as
// well as under it. Recursive parsing once overflowed the stack here with a raw RangeError.
const WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  ['(', ')'],
  ['lower(', ')'],
  ['if(true, ', ', 0)'],
  ['ifempty(', ", 'x')"],
  ['x[', ']'],
  ['body.items[', '].a'],
  ['!', ''],
  ['-', ''],
  ['+', ''],
  ['(1 + ', ')'],
  ['(a && ', ' || 2)'],
];
const deepExpression = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: WRAPPERS.length - 1 }),
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 3_000 })),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.oneof(literal, path),
  )
  .map(([runs, leaf]) => {
    let open = '';
    let close = '';
    for (const [shape, count] of runs) {
      const [before, after] = WRAPPERS[shape] as readonly [string, string];
      open += before.repeat(count);
      close = after.repeat(count) + close;
    }
    return `${open}${leaf}${close}`;
  });

describe('deeply nested expressions', () => {
  test('give a value or an ImlError (IML_LIMIT past the depth limit), never a stack overflow', () => {
    fc.assert(
      fc.property(deepExpression, (expr) => {
        outcome(`{{${expr}}}`, CONTEXT);
        outcome({ deep: [`a {{${expr}}} b`] }, CONTEXT);
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluation never reads through the prototype chain', () => {
  const KEY = fc.oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      'hasOwnProperty',
      '__defineGetter__',
      'isPrototypeOf',
      'length',
    ),
    fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
  );

  test('a path reads own keys only, whatever the prototype holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(KEY, fc.integer()),
        fc.dictionary(KEY, fc.integer()),
        KEY,
        (inherited, own, key) => {
          const proto: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(inherited)) {
            Object.defineProperty(proto, k, { value: v, enumerable: true });
          }
          const target = Object.create(proto) as Record<string, unknown>;
          for (const [k, v] of Object.entries(own)) {
            Object.defineProperty(target, k, { value: v, enumerable: true });
          }
          // A root with a non-plain prototype is opaque: nothing it holds is returned.
          expect(evaluateTemplate(`{{root.\`${key}\`}}`, { root: target })).toBeUndefined();
          expect(evaluateTemplate(`{{get(root, '${key}')}}`, { root: target })).toBeUndefined();
          // A plain object exposes its own data keys, except the blocked ones.
          const plain = JSON.parse(JSON.stringify(own)) as Record<string, unknown>;
          const blocked = ['__proto__', 'constructor', 'prototype'].includes(key);
          const expected = !blocked && Object.hasOwn(plain, key) ? plain[key] : undefined;
          expect(evaluateTemplate(`{{root.\`${key}\`}}`, { root: plain })).toBe(expected);
          expect(evaluateTemplate(`{{root['${key}']}}`, { root: plain })).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('roots inherited by the context are unknown', () => {
    fc.assert(
      fc.property(KEY, (key) => {
        const context = Object.create({ [key]: { secret: 1 } }) as Record<string, unknown>;
        expect(() =>
          evaluateTemplate(`{{\`${key}\`.secret}}`, context, { strictVariables: true }),
        ).toThrow(ImlError);
        expect(evaluateTemplate(`{{\`${key}\`.secret}}`, context)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

// The native JSON printer against prettier itself: for any JSON value, `printJson` gives the
// bytes prettier gives for `JSON.stringify(value, null, 2)`, or declines (a character prettier
// measures differently) so the caller asks prettier.
import fc from 'fast-check';
import { compileApp } from '../../lib/compile';
import { formatJson } from '../../lib/shared';
import { printJson } from '../../lib/shared';
import { FIXTURE_APPS } from '../compile/support/fixtures';
import app from '../../app';

const prettier = (value: unknown): Promise<string> => formatJson(JSON.stringify(value, null, 2));

// Shapes near prettier's decisions: lengths around the 100-column line, numbers to fill, arrays
// of arrays, empty containers, long keys and strings, nesting that moves the start column.
const word = fc.stringMatching(/^[a-z]{0,12}$/);
const narrowText = fc.oneof(
  word,
  fc.string({ maxLength: 40 }),
  fc.nat({ max: 110 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('ação', 'São Paulo', 'a"b\\c\n\t', '{{body.items}}', 'ÿ', '\u00a0'),
  // One column each for prettier, as for this printer.
  fc.string({
    unit: fc.constantFrom(
      'á',
      'ç',
      '’',
      '…',
      '—',
      '→',
      '“',
      '€',
      '©',
      '™',
      'ℹ',
      '\u200b',
      'Ω',
      'ж',
      'ש',
      'ا',
      'x',
    ),
    maxLength: 60,
  }),
);
const number = fc.oneof(
  fc.integer({ min: -100_000, max: 10_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e21, 1.5e300, 1e-7, -0, 0.5),
);
const scalar = fc.oneof(narrowText, number, fc.boolean(), fc.constant(null));
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(number, { maxLength: 80 }),
    fc.array(tie('json'), { maxLength: 6 }),
    fc.array(fc.array(number, { maxLength: 4 }), { maxLength: 5 }),
    fc.dictionary(fc.oneof(word, narrowText), tie('json'), { maxKeys: 5 }),
  ),
}));

test('any JSON value of measurable characters prints as prettier prints it', async () => {
  await fc.assert(
    fc.asyncProperty(json, async (value) => {
      const native = printJson(value);
      expect(native).toBe(await prettier(value));
    }),
    { numRuns: 400 },
  );
});

test('wide, zero-width and control characters are left to prettier', async () => {
  for (const text of ['漢字', '😀', 'e\u0301', '\u0085', '\u2028', '\u20e3', '\u007f']) {
    expect(printJson({ a: [text] })).toBeUndefined();
    expect(printJson({ [text]: 1 })).toBeUndefined();
  }
  // What prettier makes of them still reaches the build, through the fallback.
  expect(await prettier({ a: ['😀'] })).toBe('{\n  "a": ["😀"]\n}\n');
});

test.each([['the Hotmart app', app] as const, ...FIXTURE_APPS])(
  '%s: every file of its build prints as prettier prints it',
  async (_name, definition) => {
    let checked = 0;
    for (const [path, value] of compileApp(definition)) {
      if (typeof value === 'string') continue;
      expect([path, printJson(value)]).toEqual([path, await prettier(value)]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
  },
);

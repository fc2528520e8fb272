// The IML engine stays fast and typed on hostile data (issue 9): regular expressions run in
// linear time, stripHTML is one pass, every function's text result obeys the output limit, the
// week and weekday tokens format, and no built-in ends in IML_FUNCTION_FAILED. The sizes below
// would take minutes with a backtracking engine or a quadratic scan (the test would time out).
import { evaluateTemplate, IML_LIMITS } from '../../lib/iml';

function evaluate(template: string, context: Record<string, unknown> = {}): unknown {
  return evaluateTemplate(template, context as never);
}

function errorCode(template: string, context: Record<string, unknown> = {}): string | undefined {
  try {
    evaluate(template, context);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('regular expressions run in linear time', () => {
  test.each([
    ['/(a+)+$/', `${'a'.repeat(5_000)}b`],
    ['/(a|aa)+$/', `${'a'.repeat(5_000)}!`],
    ['/(x+x+)+y/', 'x'.repeat(5_000)],
    ['/^(\\w+\\s?)*$/', `${'word '.repeat(2_000)}!`],
  ])('replace(text, %s, "") on a catastrophic input returns', (pattern, text) => {
    expect(evaluate(`{{replace(text, "${pattern.replace(/\\/g, '\\\\')}", "")}}`, { text })).toBe(
      text,
    );
  });

  test('a pattern that comes from data is linear too', () => {
    const text = `${'a'.repeat(10_000)}b`;
    expect(evaluate('{{replace(text, pattern, "")}}', { text, pattern: '/(a+)+$/' })).toBe(text);
  });

  test.each([
    ['John Smith', '/(\\w+)\\s(\\w+)/', '$2, $1', 'Smith, John'],
    ['John Smith', '/(?P<first>\\w+) (?P<last>\\w+)/', '$<last> $<first>', 'Smith John'],
    ['a-b-c', '/-/g', '+', 'a+b+c'],
    ['a-b-c', '/-/', '+', 'a+b-c'],
    ['abc', '/B/gi', '[$&]', 'a[b]c'],
    ['price 10', '/\\d+/', '$$$&', 'price $10'],
    ['ab', '/x*/g', '-', '-a-b-'],
    ['line1\nline2', '/^l/gm', 'L', 'Line1\nLine2'],
    ['a\nb', '/a.b/s', 'X', 'X'],
    ['axb', '/x/', "$`|$'", 'aa|bb'],
  ])('replace(%j, %s, %j) keeps JavaScript replacement patterns', (text, pattern, by, out) => {
    expect(evaluate('{{replace(text, pattern, by)}}', { text, pattern, by })).toBe(out);
  });

  test.each(['/(?=b)/', '/(a)\\1/', '/a/y'])(
    '%s (not linear-time) is a typed argument error, not a crash',
    (pattern) => {
      expect(errorCode('{{replace("abc", pattern, "")}}', { pattern })).toBe(
        'IML_INVALID_ARGUMENT',
      );
    },
  );
});

test('stripHTML of 300,000 unclosed "<" is one pass, and strips tags as before', () => {
  const text = `${'<'.repeat(300_000)}x`;
  expect(evaluate('{{stripHTML(text)}}', { text })).toBe(text);
  expect(evaluate('{{stripHTML("<p>a <b>b</b></p> c < d")}}')).toBe('a b c < d');
});

describe('every function result obeys the output limit', () => {
  // Inputs within the limit whose results are not: 4× (&lt;), 3× (%20), 2× (\*), 4/3 (base64).
  const max = IML_LIMITS.maxStringLength;
  test.each([
    ['escapeHTML', '<'.repeat(max / 4 + 1)],
    ['encodeURL', ' '.repeat(max / 3 + 1)],
    ['escapeMarkdown', '*'.repeat(max / 2 + 1)],
    ['base64', 'a'.repeat((max / 4) * 3 + 3)],
  ])('%s', (name, text) => {
    expect(errorCode(`{{${name}(text)}}`, { text })).toBe('IML_LIMIT');
  });
});

describe('dates: every documented moment-style token formats', () => {
  const d = new Date('2024-12-30T12:00:00Z'); // a Monday, ISO week 1 of 2025
  test.each([
    ['W', '1'],
    ['WW', '01'],
    ['w', '1'],
    ['ww', '01'],
    ['gggg', '2025'],
    ['GGGG', '2025'],
    ['E', '1'],
    ['e', '1'],
    ['DDD', '365'],
    ['DDDD', '365'],
    ['[E] E', 'E 1'],
  ])('formatDate(d, %j) = %j', (format, out) => {
    expect(evaluate('{{formatDate(d, format)}}', { d, format })).toBe(out);
  });

  test.each([
    ['2025-W01-1', 'GGGG-[W]WW-E', '2024-12-30T00:00:00.000Z'],
    ['2025-W01', 'GGGG-[W]WW', '2024-12-30T00:00:00.000Z'],
    ['2020 53 7', 'GGGG W E', '2021-01-03T00:00:00.000Z'],
    ['1 2025 0', 'w gggg e', '2024-12-29T00:00:00.000Z'],
    ['365 2024', 'DDD YYYY', '2024-12-30T00:00:00.000Z'],
    ['2024-001 08:30', 'YYYY-DDDD HH:mm', '2024-01-01T08:30:00.000Z'],
    ['Mon 2024-12-30', '[Mon] YYYY-MM-DD', '2024-12-30T00:00:00.000Z'],
    ['1 2024-12-30', 'E YYYY-MM-DD', '2024-12-30T00:00:00.000Z'],
  ])('parseDate(%j, %j) reads week and day-of-year tokens', (text, format, iso) => {
    expect((evaluate('{{parseDate(text, format)}}', { text, format }) as Date).toISOString()).toBe(
      iso,
    );
  });

  test('parseDate with week tokens reads wall time in the time zone', () => {
    const out = evaluate(
      '{{parseDate("2025-W01-1 09:00", "GGGG-[W]WW-E HH:mm", "America/Sao_Paulo")}}',
    );
    expect((out as Date).toISOString()).toBe('2024-12-30T12:00:00.000Z');
  });

  test.each([
    ['2025-W01', 'GGGG-WW-E'],
    ['2025-W54', 'GGGG-[W]WW'],
    ['W01', '[W]WW'],
    ['2025 01 Jan', 'GGGG WW MMM'],
  ])('parseDate(%j, %j) is a typed error, never a silently wrong date', (text, format) => {
    expect(errorCode('{{parseDate(text, format)}}', { text, format })).toBe('IML_INVALID_ARGUMENT');
  });

  test('every week token round-trips: formatDate then parseDate gives the same day', () => {
    const formats = ['GGGG-[W]WW-E', 'gggg-ww-e', 'YYYY-DDDD'];
    for (let day = 0; day < 3 * 366; day += 1) {
      const d = new Date(Date.UTC(2023, 11, 20) + day * 86_400_000);
      for (const format of formats) {
        const text = evaluate('{{formatDate(d, format)}}', { d, format });
        const back = evaluate('{{parseDate(text, format)}}', { text, format }) as Date;
        expect(`${format} ${String(text)} ${back.toISOString()}`).toBe(
          `${format} ${String(text)} ${d.toISOString()}`,
        );
      }
    }
  });

  test('E and DDD follow the time zone', () => {
    expect(
      evaluate('{{formatDate(d, "E DDD", "Pacific/Kiritimati")}}', {
        d: new Date('2024-12-31T12:00:00Z'),
      }),
    ).toBe('3 1');
  });
});

test('encodeURL of a lone surrogate writes U+FFFD, never a raw URIError', () => {
  expect(evaluate('{{encodeURL(text)}}', { text: 'a\uD800b\uDC00' })).toBe('a%EF%BF%BDb%EF%BF%BD');
  expect(evaluate('{{encodeURL(text)}}', { text: '😀' })).toBe('%F0%9F%98%80');
});

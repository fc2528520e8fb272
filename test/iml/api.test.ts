// The public API beyond the case suite: compile/evaluate separation, the cache, options,
// referencedPaths, and the limits a JSON case file cannot express.
import { generateKeyPairSync, verify } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import {
  compileTemplate,
  evaluateTemplate,
  FUNCTION_NAMES,
  hasTemplate,
  IML_LIMITS,
  ImlError,
  isSpreadKey,
  parseTemplate,
  referencedPaths,
} from '../../lib/iml';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ImlError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseTemplate', () => {
  test('returns the AST with positions and marks a lone expression', () => {
    const ast = parseTemplate(' {{ a.b }} ');
    expect(ast.lone).toEqual({
      kind: 'member',
      key: 'b',
      object: { kind: 'variable', name: 'a', start: 4, end: 5 },
      start: 4,
      end: 7,
    });
    const mixed = parseTemplate('x {{1}} y');
    expect(mixed.lone).toBeNull();
    expect(mixed.parts.map((part) => part.kind)).toEqual(['text', 'expression', 'text']);
  });

  test('returns the same AST object for the same text (compiled once)', () => {
    expect(parseTemplate('{{a + 1}}')).toBe(parseTemplate('{{a + 1}}'));
  });

  test('checks functions statically', () => {
    expect(codeOf(() => parseTemplate('{{nope()}}'))).toBe('IML_UNKNOWN_FUNCTION');
    expect(codeOf(() => parseTemplate('{{lower()}}'))).toBe('IML_ARGUMENT_COUNT');
  });

  test('refuses templates longer than the limit', () => {
    const long = `{{1}}${'x'.repeat(IML_LIMITS.maxTemplateLength)}`;
    expect(codeOf(() => parseTemplate(long))).toBe('IML_LIMIT');
  });

  test('a long string without expressions is not parsed, so no limit applies', () => {
    const long = 'x'.repeat(IML_LIMITS.maxTemplateLength + 1);
    expect(evaluateTemplate(long, {})).toBe(long);
  });
});

describe('compileTemplate', () => {
  test('evaluates many times against different contexts', () => {
    const compiled = compileTemplate({ id: '{{parameters.id}}', n: '{{parameters.n + 1}}' });
    expect(compiled.evaluate({ parameters: { id: 'a', n: 1 } })).toEqual({ id: 'a', n: 2 });
    expect(compiled.evaluate({ parameters: { id: 'b', n: 5 } })).toEqual({ id: 'b', n: 6 });
  });

  test('returns fresh objects each time (no shared output)', () => {
    const compiled = compileTemplate({ a: { b: [1] } });
    const first = compiled.evaluate({}) as { a: { b: number[] } };
    first.a.b.push(2);
    expect(compiled.evaluate({})).toEqual({ a: { b: [1] } });
  });

  test('objects drop undefined keys whatever the pattern, keeping key order', () => {
    const template: Record<string, string> = {};
    for (let i = 0; i < 35; i += 1) template[`k${i}`] = `{{parameters.f${i}}}`;
    const compiled = compileTemplate(template);
    // More patterns than the per-object shape cache holds, and keys past the 30-key bit mask.
    for (let missing = 0; missing < 35; missing += 1) {
      const parameters: Record<string, unknown> = {};
      for (let i = 0; i < 35; i += 1) if (i !== missing) parameters[`f${i}`] = i;
      const result = compiled.evaluate({ parameters }) as Record<string, unknown>;
      const expected = Object.keys(template).filter((key) => key !== `k${missing}`);
      expect(Object.keys(result)).toEqual(expected);
      expect(result[`k${(missing + 1) % 35}`]).toBe((missing + 1) % 35);
    }
    expect(compiled.evaluate({ parameters: {} })).toEqual({});
  });

  test('compile errors are raised at compile time', () => {
    expect(codeOf(() => compileTemplate({ a: ['{{1 +}}'] }))).toBe('IML_SYNTAX');
  });
});

describe('options', () => {
  test('now defaults to the clock, read once per evaluation', () => {
    const before = Date.now();
    const value = evaluateTemplate('{{now}}', {}) as Date;
    expect(value).toBeInstanceOf(Date);
    expect(value.getTime()).toBeGreaterThanOrEqual(before);
    expect(value.getTime()).toBeLessThanOrEqual(Date.now());
    expect(evaluateTemplate('{{now = now}}', {})).toBe(true);
  });

  test('now values are copies: mutating one does not change the next', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const result = evaluateTemplate(['{{now}}', '{{now}}'], {}, { now }) as Date[];
    result[0]?.setFullYear(1999);
    expect(result[1]?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(now.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  test('an invalid now, timezone or context is IML_INVALID_ARGUMENT', () => {
    expect(codeOf(() => evaluateTemplate('{{1}}', {}, { now: new Date('x') }))).toBe(
      'IML_INVALID_ARGUMENT',
    );
    expect(codeOf(() => evaluateTemplate('{{1}}', {}, { timezone: 'Not/AZone' }))).toBe(
      'IML_INVALID_ARGUMENT',
    );
    expect(
      codeOf(() => evaluateTemplate('{{1}}', null as unknown as Record<string, unknown>)),
    ).toBe('IML_INVALID_ARGUMENT');
    expect(codeOf(() => evaluateTemplate('{{1}}', [] as unknown as Record<string, unknown>))).toBe(
      'IML_INVALID_ARGUMENT',
    );
  });

  test('unknown roots read as undefined by default, as in Make; strictVariables makes them errors', () => {
    expect(evaluateTemplate('{{a.b}}', {})).toBeUndefined();
    expect(evaluateTemplate('{{a.b}}', {}, { strictVariables: false })).toBeUndefined();
    expect(codeOf(() => evaluateTemplate('{{a.b}}', {}, { strictVariables: true }))).toBe(
      'IML_UNKNOWN_VARIABLE',
    );
  });

  test('the context is never modified', () => {
    const context = { body: { items: [3, 1, 2] }, parameters: { a: 1 } };
    const copy = structuredClone(context);
    evaluateTemplate(
      { s: '{{sort(body.items)}}', r: '{{reverse(body.items)}}', o: '{{omit(parameters, "a")}}' },
      context,
    );
    expect(context).toEqual(copy);
  });
});

describe('values made in another realm', () => {
  // jest runs tests in vm contexts, so objects from structuredClone or JSON.parse there carry that
  // realm's Object.prototype: they are still plain data and must be read and resolved as such.
  test('a plain object from another realm is read and resolved like a local one', () => {
    const foreign = runInNewContext('({ a: { b: 2 }, list: [1, 2] })') as Record<string, unknown>;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(evaluateTemplate('{{x.a.b}}', { x: foreign })).toBe(2);
    expect(evaluateTemplate(runInNewContext('({ out: "{{x.list[2]}}" })'), { x: foreign })).toEqual(
      { out: 2 },
    );
  });

  test('an array or Date from another realm is still not a plain object', () => {
    const foreign = runInNewContext('({ list: [1], when: new Date(0) })') as Record<
      string,
      unknown
    >;
    expect(evaluateTemplate('{{x.list.length}}', { x: foreign })).toBeUndefined();
    expect(evaluateTemplate('{{x.when.getTime}}', { x: foreign })).toBeUndefined();
  });
});

describe('values that JSON cannot carry', () => {
  test('a Date and a Buffer in a template pass through', () => {
    const date = new Date(0);
    const result = evaluateTemplate({ d: date }, {}) as { d: Date };
    expect(result.d).toBe(date);
  });

  test('template values nested past maxValueDepth are IML_LIMIT; below it they resolve', () => {
    const nest = (depth: number, leaf: unknown): unknown => {
      let value = leaf;
      for (let i = 0; i < depth; i += 1) value = [value];
      return value;
    };
    expect(codeOf(() => evaluateTemplate(nest(IML_LIMITS.maxValueDepth + 1, '{{1}}'), {}))).toBe(
      'IML_LIMIT',
    );
    expect(evaluateTemplate(nest(50, '{{1}}'), {})).toEqual(nest(50, 1));
  });

  test('a template value nested in itself hits the depth limit, not the stack', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(codeOf(() => evaluateTemplate(loop, {}))).toBe('IML_LIMIT');
  });

  test('a __proto__ key in a template becomes data, never a prototype', () => {
    const template = JSON.parse('{"__proto__": {"polluted": "{{1}}"}, "a": 1}') as object;
    const result = evaluateTemplate(template, {}) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a spread value’s own __proto__ key stays data, in the first spread and in later ones', () => {
    const body = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1, "gone": null}') as object;
    (body as Record<string, unknown>).gone = undefined;
    const more = JSON.parse('{"__proto__": {"polluted": 2}, "b": 2}') as object;
    for (const template of [
      { '{{...}}': '{{body}}' },
      { '{{...}}': '{{body}}', '{{ ...}}': '{{more}}' },
    ]) {
      const result = evaluateTemplate(template, { body, more }) as Record<string, unknown>;
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(result, '__proto__')?.enumerable).toBe(true);
      expect(Object.keys(result).filter((key) => key !== 'b')).toEqual(['__proto__', 'a']);
      expect(result.polluted).toBeUndefined();
    }
    // The source is copied, never changed.
    expect(Object.keys(body)).toEqual(['__proto__', 'a', 'gone']);
  });

  test('a function that throws something unexpected is wrapped', () => {
    // BigInt cannot be serialised: createJSON reports it as an invalid argument.
    expect(codeOf(() => evaluateTemplate('{{createJSON(body)}}', { body: { n: BigInt(1) } }))).toBe(
      'IML_INVALID_ARGUMENT',
    );
  });

  test('text concatenation past the string limit is IML_LIMIT', () => {
    const big = 'x'.repeat(IML_LIMITS.maxStringLength / 2 + 1);
    expect(codeOf(() => evaluateTemplate('{{body + body}}', { body: big }))).toBe('IML_LIMIT');
  });
});

describe('jwt', () => {
  test('RS256 signs with a PEM private key and verifies with the public key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const token = evaluateTemplate("{{jwt(temp.payload, temp.key, 'RS256')}}", {
      temp: { payload: { sub: 'test-user' }, key: pem },
    }) as string;
    const [header = '', payload = '', signature = ''] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'RS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({ sub: 'test-user' });
    const signed = Buffer.from(`${header}.${payload}`);
    expect(verify('RSA-SHA256', signed, publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
  });
});

describe('referencedPaths', () => {
  test('the issue example stops at the first index', () => {
    expect(referencedPaths("{{get(body.items[1], 'a')}}")).toEqual([['body', 'items']]);
  });

  test('walks deep values, dedupes, and keeps first-seen order', () => {
    const template = {
      url: '/s/{{parameters.id}}',
      qs: { a: '{{parameters.limit}}', b: ['{{parameters.id}}', 'x {{temp.a.b}}'] },
      '{{...}}': '{{body}}',
    };
    expect(referencedPaths(template)).toEqual([
      ['parameters', 'id'],
      ['parameters', 'limit'],
      ['temp', 'a', 'b'],
      ['body'],
    ]);
  });

  test('paths inside indices, operators and calls count; keywords do not', () => {
    expect(
      referencedPaths('{{!a.b && x[y.z].w || -n + f.`g h`[] + now + ifempty(p.q, undefined)}}'),
    ).toEqual([['a', 'b'], ['x'], ['y', 'z'], ['n'], ['f', 'g h'], ['p', 'q']]);
  });

  test('a member of a computed value is not a variable path', () => {
    expect(referencedPaths('{{parseJSON(body.raw).a.b}}')).toEqual([['body', 'raw']]);
  });

  test('strings that do not parse are skipped; unknown functions still give paths', () => {
    expect(referencedPaths(['{{a +}}', '{{nope(b.c)}}', 'plain', 5, null])).toEqual([['b', 'c']]);
  });
});

describe('helpers', () => {
  test('hasTemplate and isSpreadKey', () => {
    expect(hasTemplate('a {{b}}')).toBe(true);
    expect(hasTemplate('a')).toBe(false);
    expect(hasTemplate(1)).toBe(false);
    expect(isSpreadKey('{{...}}')).toBe(true);
    expect(isSpreadKey('{{ ... }}')).toBe(true);
    expect(isSpreadKey('{{..}}')).toBe(false);
  });

  test('FUNCTION_NAMES lists every documented built-in', () => {
    const documented =
      'get if ifempty switch omit pick ascii base64 capitalize contains decodeURL encodeURL ' +
      'escapeHTML escapeMarkdown indexOf length lower md5 mime replace replaceEmojiCharacters sha1 ' +
      'sha256 sha512 split startcase stripHTML substring toBinary toString trim upper add ' +
      'deduplicate distinct first flatten join keys last map merge remove reverse shuffle slice ' +
      'sort toArray toCollection formatDate parseDate addDays addHours addMinutes addMonths ' +
      'addSeconds addYears setSecond setMinute setHour setDay setDate setMonth setYear abs average ' +
      'ceil floor formatNumber max median min parseNumber round stdevP sum trunc createJSON ' +
      'parseJSON jwt base64url isArray';
    expect([...FUNCTION_NAMES].sort()).toEqual(documented.split(' ').sort());
  });
});

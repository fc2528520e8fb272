// Fixed-key objects and path readers are compiled to generated functions (lib/iml/template.ts,
// lib/iml/compile.ts). Keys reach that source only as JSON string literals: hostile keys stay
// data, and every result is the one the general code gives.
import vm from 'node:vm';
import { compileTemplate, evaluateTemplate } from '../../lib/iml';

const HOSTILE_KEYS = [
  '"]; globalThis.pwned = 1; //',
  "'); globalThis.pwned = 1; ('",
  '\\',
  'line\nbreak',
  '\u2028\u2029',
  '${globalThis.pwned = 1}',
  '*/ globalThis.pwned = 1; /*',
  '',
  '0',
  'constructor ',
];

afterEach(() => {
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
});

test('hostile object keys are kept as keys, never run', () => {
  const template = Object.fromEntries(HOSTILE_KEYS.map((key, i) => [key, `{{parameters.v${i}}}`]));
  const parameters = Object.fromEntries(HOSTILE_KEYS.map((_key, i) => [`v${i}`, i]));
  const result = evaluateTemplate(template, { parameters }) as Record<string, unknown>;
  expect(Object.keys(result).sort()).toEqual([...HOSTILE_KEYS].sort());
  HOSTILE_KEYS.forEach((key, i) => expect(result[key]).toBe(i));
});

test('an object of 65 keys (beyond the generated literal) gives the same result', () => {
  const template = Object.fromEntries(
    Array.from({ length: 65 }, (_v, i) => [`k${i}`, i % 2 === 0 ? `{{parameters.p${i}}}` : 'x']),
  );
  const parameters = Object.fromEntries(Array.from({ length: 65 }, (_v, i) => [`p${i}`, i]));
  const result = evaluateTemplate(template, { parameters }) as Record<string, unknown>;
  expect(Object.keys(result)).toHaveLength(65);
  expect(result.k64).toBe(64);
  expect(result.k1).toBe('x');
});

test('undefined values drop their keys, in the generated and the general object alike', () => {
  const small = compileTemplate({ a: '{{parameters.a}}', b: '{{parameters.b}}', c: 1 });
  expect(small.evaluate({ parameters: { a: 1 } })).toEqual({ a: 1, c: 1 });
  expect(small.evaluate({ parameters: { a: 1, b: 2 } })).toEqual({ a: 1, b: 2, c: 1 });
  expect(small.evaluate({ parameters: {} })).toEqual({ c: 1 });
});

test('an error inside a generated object is located at its key', () => {
  const failing = compileTemplate({ ok: '{{parameters.a}}', bad: '{{unknownRoot.x}}' });
  let caught: unknown;
  try {
    failing.evaluate({ parameters: { a: 1 } }, { strictVariables: true });
  } catch (error) {
    caught = error;
  }
  expect(caught).toMatchObject({ code: 'IML_UNKNOWN_VARIABLE' });
  expect(String((caught as Error).message)).toContain('bad');
});

test('a path of 17 steps (beyond the generated reader) reads the same as a short one', () => {
  const keys = Array.from({ length: 17 }, (_v, i) => `s${i}`);
  let nested: unknown = 'deep';
  for (const key of [...keys].reverse()) nested = { [key]: nested };
  const context = { body: nested };
  expect(evaluateTemplate(`{{body.${keys.join('.')}}}`, context)).toBe('deep');
  expect(evaluateTemplate(`{{body.${keys.slice(0, 16).join('.')}.nope}}`, context)).toBeUndefined();
  expect(evaluateTemplate(`{{body.${keys.slice(0, 3).join('.')}}}`, context)).toEqual(
    (context.body as Record<string, Record<string, Record<string, unknown>>>).s0?.s1?.s2,
  );
});

test('generated path readers skip inherited keys and non-plain objects', () => {
  const inherited = Object.create({ secret: 'inherited' }) as Record<string, unknown>;
  expect(evaluateTemplate('{{body.x.secret}}', { body: { x: inherited } })).toBeUndefined();
  expect(evaluateTemplate('{{body.x.length}}', { body: { x: [1, 2] } })).toBeUndefined();
  expect(evaluateTemplate('{{body.x.toString}}', { body: { x: {} } })).toBeUndefined();
  const bare = Object.create(null) as Record<string, unknown>;
  bare.y = 'own';
  expect(evaluateTemplate('{{body.x.y}}', { body: { x: bare } })).toBe('own');
});

test('generated readers: a key Object.prototype also has is read only when own', () => {
  expect(evaluateTemplate('{{body.x.toString}}', { body: { x: { toString: 'own' } } })).toBe('own');
  const polluted = 'pollutedForThisTest';
  Object.defineProperty(Object.prototype, polluted, {
    value: 'from the prototype',
    configurable: true,
    writable: true,
  });
  try {
    expect(evaluateTemplate(`{{body.x.${polluted}}}`, { body: { x: {} } })).toBeUndefined();
    expect(evaluateTemplate(`{{body.x.${polluted}}}`, { body: { x: { [polluted]: 'own' } } })).toBe(
      'own',
    );
  } finally {
    delete (Object.prototype as Record<string, unknown>)[polluted];
  }
});

// Keys are read before the prototype check (lib/iml/README.md): what a non-plain object holds
// must still never come out, whatever mode V8 keeps the object in.
test('generated readers: objects built key by key (dictionary mode) read as any other', () => {
  const many: Record<string, unknown> = {};
  for (let i = 0; i < 40; i += 1) many[`k${i}`] = i;
  delete many.k3;
  const template = { seven: '{{body.x.k7}}', three: '{{body.x.k3}}', text: '{{body.x.toString}}' };
  expect(compileTemplate(template).evaluate({ body: { x: many } })).toEqual({ seven: 7 });
  expect(evaluateTemplate('{{body.x.k7}}', { body: { x: many } })).toBe(7);
  class Holder {
    k7 = 'own field of a class instance';
  }
  expect(compileTemplate(template).evaluate({ body: { x: new Holder() } })).toEqual({});
  expect(evaluateTemplate('{{body.x.k7}}', { body: { x: new Holder() } })).toBeUndefined();
  Object.setPrototypeOf(many, Holder.prototype);
  expect(compileTemplate(template).evaluate({ body: { x: many } })).toEqual({});
  expect(evaluateTemplate('{{body.x.k7}}', { body: { x: many } })).toBeUndefined();
});

test("generated readers: another realm's plain objects are read, own keys only", () => {
  const foreign = vm.runInNewContext('({ x: { y: "own" } })') as Record<string, unknown>;
  expect(evaluateTemplate('{{body.x.y}}', { body: foreign })).toBe('own');
  expect(evaluateTemplate('{{body.x.toString}}', { body: foreign })).toBeUndefined();
});

// Object templates read their lone paths in place, each shared prefix once: every such read
// must give what the same template gives alone (which the general reader decides).
describe('object templates reading shared prefixes', () => {
  const plain = { a: 1, nested: { b: 'two', deeper: { c: 3 } } };
  const containers: Record<string, unknown> = {
    plain,
    'null prototype': Object.assign(Object.create(null) as object, plain),
    'plain prototype': Object.assign(Object.create({ a: 'inherited' }) as object, plain),
    array: [1, 2],
    date: new Date(0),
    'JSON own __proto__ key': JSON.parse('{"__proto__": {"a": "proto"}, "a": 1}') as unknown,
    'another realm': vm.runInNewContext('({ a: 1, nested: { b: "two", deeper: { c: 3 } } })'),
    text: 'abc',
    nothing: null,
  };
  const template = {
    a: '{{root.a}}',
    b: '{{root.nested.b}}',
    c: '{{root.nested.deeper.c}}',
    whole: '{{root.nested}}',
    toString: '{{root.toString}}',
    length: '{{root.length}}',
    other: '{{other.a}}',
  };
  // The rule, written out independently: own keys of objects whose prototype is a root.
  const reference = (value: unknown, keys: readonly string[]): unknown => {
    let current = value;
    for (const key of keys) {
      if (typeof current !== 'object' || current === null) return undefined;
      const proto = Object.getPrototypeOf(current) as object | null;
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return undefined;
      if (!Object.hasOwn(current, key)) return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };

  test.each(Object.entries(containers))('%s: each key reads as the lone template', (_n, root) => {
    const context = { root, other: plain };
    const result = compileTemplate(template).evaluate(context) as Record<string, unknown>;
    for (const [key, source] of Object.entries(template)) {
      const value = Object.hasOwn(result, key) ? result[key] : undefined;
      expect([key, value]).toEqual([key, evaluateTemplate(source, context)]);
      const [name = '', ...keys] = source.slice(2, -2).split('.');
      expect([key, value]).toEqual([key, reference(context, [name, ...keys])]);
    }
  });

  test('an absent root fails under strictVariables, an undefined one does not', () => {
    const object = compileTemplate({ a: '{{root.a}}', b: '{{root.b}}' });
    expect(object.evaluate({ root: undefined }, { strictVariables: true })).toEqual({});
    expect(object.evaluate({}, { strictVariables: false })).toEqual({});
    expect(() => object.evaluate({}, { strictVariables: true })).toThrow(
      expect.objectContaining({ code: 'IML_UNKNOWN_VARIABLE' }) as Error,
    );
  });

  test('a root the context only inherits is unknown', () => {
    const context = Object.create({ root: plain }) as Record<string, unknown>;
    const object = compileTemplate({ a: '{{root.a}}', toString: '{{toString}}' });
    expect(object.evaluate(context)).toEqual({});
    expect(() => object.evaluate(context, { strictVariables: true })).toThrow(
      expect.objectContaining({ code: 'IML_UNKNOWN_VARIABLE' }) as Error,
    );
  });
});

describe('object templates writing text in place', () => {
  const values: Record<string, unknown> = {
    text: 'abc',
    number: 12.5,
    boolean: false,
    nothing: null,
    absent: undefined,
    date: new Date(Date.UTC(2024, 2, 10, 15, 4, 5)),
    binary: Buffer.from('bytes'),
  };
  const template = {
    a: 'item-{{root.value}}',
    b: '{{root.value}}/{{root.value}}',
    c: '{{other}}x',
  };

  test.each(Object.entries(values))('%s: the text is the lone template text', (_name, value) => {
    const context = { root: { value }, other: 1 };
    const result = compileTemplate(template).evaluate(context);
    const expected = Object.fromEntries(
      Object.entries(template).map(([key, source]) => [key, evaluateTemplate(source, context)]),
    );
    expect(result).toEqual(expected);
  });

  test('a value that cannot be text fails located at its key, as in the general code', () => {
    let caught: unknown;
    try {
      compileTemplate({ ok: '{{root.value}}', bad: 'item-{{root.value}}' }).evaluate({
        root: { value: { nested: true } },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'IML_TYPE' });
    expect(String((caught as Error).message)).toContain('bad');
  });
});

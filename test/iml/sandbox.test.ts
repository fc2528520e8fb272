// Custom IML functions (lib/iml/sandbox.ts; conformance rows C1–C8 of lib/iml/README.md): the
// app's JavaScript runs in a node:vm context with Make's limits, and templates call it by name.
import {
  compileTemplate,
  createCustomFunctions,
  evaluateTemplate,
  FUNCTION_LIMITS,
  parseTemplate,
  runFunctionTests,
  type FunctionSource,
} from '../../lib/iml';
import { thrownImlError } from '../support/iml-errors';

const DOUBLE: FunctionSource = { name: 'double', code: 'function double(x) { return x * 2; }' };

describe('calling the app’s functions from templates', () => {
  const functions = createCustomFunctions([DOUBLE]);

  test('C1 a call to a name that is not a built-in runs the app’s function', () => {
    expect(evaluateTemplate('{{double(21)}}', {}, { functions })).toBe(42);
    expect(
      evaluateTemplate('total: {{double(parameters.n)}}', { parameters: { n: 4 } }, { functions }),
    ).toBe('total: 8');
    expect(
      compileTemplate({ v: '{{double(2)}}' }, { functions: ['double'] }).evaluate(
        {},
        { functions },
      ),
    ).toEqual({
      v: 4,
    });
  });

  test('C1 without the function, the call is an unknown function, at compile time as before', () => {
    expect(thrownImlError(() => parseTemplate('{{double(1)}}')).code).toBe('IML_UNKNOWN_FUNCTION');
    expect(thrownImlError(() => compileTemplate('{{x}} {{double(1)}}')).code).toBe(
      'IML_UNKNOWN_FUNCTION',
    );
    expect(thrownImlError(() => evaluateTemplate('{{double(1)}}', {})).code).toBe(
      'IML_UNKNOWN_FUNCTION',
    );
    expect(parseTemplate('{{double(1)}}', { functions: ['double'] }).source).toBe('{{double(1)}}');
    // Compiled knowing the name, evaluated without the code: unknown at the call.
    const compiled = compileTemplate({ v: '{{double(1)}}' }, { functions: ['double'] });
    expect(thrownImlError(() => compiled.evaluate({})).message).toContain(
      "Unknown function 'double'",
    );
  });

  test('C2 built-ins win over a function of the same name', () => {
    const upper = createCustomFunctions([
      { name: 'upper', code: 'function upper() { return 1; }' },
    ]);
    expect(evaluateTemplate("{{upper('a')}}", {}, { functions: upper })).toBe('A');
  });

  test('C3 no argument count is checked: missing arguments are undefined in JavaScript', () => {
    const count = createCustomFunctions([
      { name: 'argCount', code: 'function argCount() { return arguments.length; }' },
    ]);
    expect(evaluateTemplate('{{argCount()}}', {}, { functions: count })).toBe(0);
    expect(evaluateTemplate('{{argCount(1; 2; 3; 4; 5; 6)}}', {}, { functions: count })).toBe(6);
  });
});

describe('values across the sandbox boundary', () => {
  test('C4 arguments are copies of the sandbox’s own realm: arrays, dates, buffers, undefined', () => {
    const functions = createCustomFunctions([
      {
        name: 'inspect',
        code: `function inspect(list, when, bytes, nothing) {
          return [list instanceof Array, when instanceof Date, when.getUTCFullYear(),
            Buffer.isBuffer(bytes), bytes.toString('utf8'), nothing === undefined, typeof list[1].a];
        }`,
      },
    ]);
    const context = {
      parameters: {
        list: [1, { a: 'x' }],
        when: new Date('2026-03-01T00:00:00Z'),
        bytes: Buffer.from('hé'),
      },
    };
    expect(
      evaluateTemplate(
        '{{inspect(parameters.list; parameters.when; parameters.bytes; parameters.none)}}',
        context,
        { functions },
      ),
    ).toEqual([true, true, 2026, true, 'hé', true, 'string']);
  });

  test('C4 a result is copied back: dates stay dates, the caller’s objects are never shared', () => {
    const functions = createCustomFunctions([
      {
        name: 'touch',
        code: 'function touch(o) { o.changed = true; return { o: o, at: new Date(0) }; }',
      },
    ]);
    const original = { a: 1 };
    const result = evaluateTemplate(
      '{{touch(parameters.o)}}',
      { parameters: { o: original } },
      { functions },
    );
    expect(result).toEqual({ o: { a: 1, changed: true }, at: new Date(0) });
    expect((result as { at: unknown }).at).toBeInstanceOf(Date);
    expect(original).toEqual({ a: 1 });
  });
});

describe('Make’s limits', () => {
  test('C5 only JavaScript’s built-ins, Buffer, iml and debug: no require, process, timers or fetch', () => {
    const functions = createCustomFunctions([
      {
        name: 'globalsSeen',
        code: `function globalsSeen() {
          return [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof module,
            typeof Buffer, typeof iml, typeof debug, typeof JSON, typeof Math];
        }`,
      },
    ]);
    expect(evaluateTemplate('{{globalsSeen()}}', {}, { functions })).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'function',
      'object',
      'function',
      'object',
      'object',
    ]);
  });

  test('C5 the IML built-ins as iml.<name>(), with the calling evaluation’s time zone', () => {
    const functions = createCustomFunctions([
      {
        name: 'localDay',
        code: "function localDay(d) { return iml.formatDate(d, 'YYYY-MM-DD HH:mm') + ' ' + iml.if(true, 'y', 'n'); }",
      },
    ]);
    const at = { parameters: { d: new Date('2026-03-01T01:30:00Z') } };
    expect(evaluateTemplate('{{localDay(parameters.d)}}', at, { functions })).toBe(
      '2026-03-01 01:30 y',
    );
    expect(
      evaluateTemplate('{{localDay(parameters.d)}}', at, {
        functions,
        timezone: 'America/Sao_Paulo',
      }),
    ).toBe('2026-02-28 22:30 y');
  });

  test('C5 a failing built-in inside is an error the code can catch, with the built-in’s message', () => {
    const functions = createCustomFunctions([
      {
        name: 'safeParse',
        code: "function safeParse(t) { try { return iml.parseDate(t, 'nonsense'); } catch (e) { return e instanceof Error ? 'caught' : 'host'; } }",
      },
    ]);
    expect(evaluateTemplate("{{safeParse('x')}}", {}, { functions })).toBe('caught');
  });

  test('C6 a call that runs longer than the limit fails; the sandbox still works afterwards', () => {
    const functions = createCustomFunctions(
      [DOUBLE, { name: 'spin', code: 'function spin() { for (;;) {} }' }],
      { timeoutMs: 50 },
    );
    const error = thrownImlError(() => evaluateTemplate('{{spin()}}', {}, { functions }));
    expect(error.code).toBe('IML_FUNCTION_FAILED');
    expect(error.message).toContain("Function 'spin' ran longer than 50 ms");
    expect(evaluateTemplate('{{double(1)}}', {}, { functions })).toBe(2);
    expect(FUNCTION_LIMITS.timeoutMs).toBe(10_000);
  });

  test('C6 code longer than Make’s 5,000 characters is refused', () => {
    const code = `function big() { return '${'x'.repeat(FUNCTION_LIMITS.maxCodeLength)}'; }`;
    expect(thrownImlError(() => createCustomFunctions([{ name: 'big', code }])).code).toBe(
      'IML_LIMIT',
    );
  });

  test('C7 what the code throws fails the call with its message, located in the template', () => {
    const functions = createCustomFunctions([
      { name: 'boom', code: "function boom() { throw new TypeError('no amount'); }" },
      { name: 'later', code: 'function later() { return Promise.resolve(1); }' },
      { name: 'helperOnly', code: 'function somethingElse() {}' },
    ]);
    const error = thrownImlError(() => evaluateTemplate('a {{boom()}}', {}, { functions }));
    expect(error.message).toMatch(
      /^IML_FUNCTION_FAILED: Function 'boom' threw: TypeError: no amount at line 1, column 5/,
    );
    expect(
      thrownImlError(() => evaluateTemplate('{{later()}}', {}, { functions })).message,
    ).toContain('returned a promise');
    expect(
      thrownImlError(() => evaluateTemplate('{{helperOnly()}}', {}, { functions })).message,
    ).toContain('is not defined by its code');
  });

  test('C7 code that does not compile fails when the functions are created', () => {
    const error = thrownImlError(() =>
      createCustomFunctions([{ name: 'broken', code: 'function broken( {' }]),
    );
    expect(error.message).toContain("Function 'broken' failed:");
  });

  test('C8 functions share one sandbox: one may call another; debug() lines go to onDebug', () => {
    const lines: string[] = [];
    const functions = createCustomFunctions(
      [
        DOUBLE,
        {
          name: 'quad',
          code: "function quad(x) { debug('quad of', x, { x }); return double(double(x)); }",
        },
      ],
      { onDebug: (line) => lines.push(line) },
    );
    expect(evaluateTemplate('{{quad(3)}}', {}, { functions })).toBe(12);
    expect(lines).toEqual(['quad of 3 {"x":3}']);
  });
});

describe('running a function’s tests', () => {
  test('C8 it() and assert, each test on its own, failures with assert’s message', () => {
    const results = runFunctionTests(
      [DOUBLE],
      {
        name: 'double',
        code: `it('doubles', () => { assert.strictEqual(double(2), 4); });
             it('is wrong on purpose', () => { assert.strictEqual(double(2), 5); });
             it('spins', () => { for (;;) {} });`,
      },
      { timeoutMs: 50 },
    );
    expect(results.map((r) => r.name)).toEqual(['doubles', 'is wrong on purpose', 'spins']);
    expect(results[0]?.failure).toBeUndefined();
    expect(results[1]?.failure).toMatch(/AssertionError.*4 !== 5/s);
    expect(results[2]?.failure).toContain('ran longer than 50 ms');
  });
});

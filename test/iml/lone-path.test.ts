// A compiled template that is one lone path (`{{parameters.x}}`) skips the per-evaluation Env
// and reads the context directly. These tests prove that shortcut gives exactly what the general
// evaluator gives: the same value, or the same error class, code and message, for every context
// and option shape in the table, including the invalid ones.
import { runInNewContext } from 'node:vm';
import { compileTemplate, evaluateTemplate, type EvaluateOptions } from '../../lib/iml';
import { compileString } from '../../lib/iml/template';

type Outcome = { value: unknown } | { error: string; code: unknown; message: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    const e = error as { name: string; code?: unknown; message: string };
    return { error: e.name, code: e.code, message: e.message };
  }
}

class Holder {
  x = 1;
}

const TEMPLATES = [
  '{{parameters}}',
  '{{parameters.x}}',
  '{{ parameters.x }}',
  '  {{parameters.x}}\n',
  '{{parameters.a.b}}',
  '{{parameters.a.b.c}}',
  '{{parameters.a.b.c.d}}',
  '{{item}}',
  '{{body.items}}',
  '{{missing}}',
  '{{missing.x}}',
  '{{missing.a.b.c}}',
  '{{__proto__}}',
  '{{constructor}}',
  '{{prototype.x}}',
  '{{parameters.__proto__}}',
  '{{parameters.constructor.name}}',
  '{{parameters.a.prototype}}',
  '{{parameters.toString}}',
  '{{parameters.length}}',
];

const CONTEXTS: ReadonlyArray<[string, unknown]> = [
  [
    'plain',
    {
      parameters: { x: 'X', a: { b: { c: { d: 4 } } }, length: 2 },
      item: 0,
      body: { items: [1, 2] },
    },
  ],
  ['empty', {}],
  ['null values', { parameters: { x: null, a: null }, item: null, body: null }],
  ['undefined values', { parameters: undefined, item: undefined }],
  ['array root value', { parameters: ['x', 'y'], body: { items: [] } }],
  ['Date root value', { parameters: new Date(0) }],
  ['class instance', { parameters: new Holder() }],
  ['string root value', { parameters: 'text', item: 'text' }],
  [
    'null-prototype objects',
    Object.assign(Object.create(null) as object, { parameters: { x: 3 } }),
  ],
  ['inherited root', Object.create({ parameters: { x: 5 }, item: 1 }) as object],
  [
    'inherited key',
    { parameters: Object.create({ x: 5 }) as object, item: Object.create({ a: 1 }) as object },
  ],
  [
    'own blocked keys (JSON.parse)',
    JSON.parse(
      '{"__proto__":{"x":1},"constructor":{"x":2},"prototype":{"x":3},' +
        '"parameters":{"__proto__":{"a":1},"constructor":{"name":"n"},"a":{"prototype":7}}}',
    ),
  ],
  ['other realm', runInNewContext('({ parameters: { x: "vm", a: { b: { c: 1 } } }, item: [1] })')],
  ['null context', null],
  ['array context', [{ parameters: { x: 1 } }]],
  ['string context', 'parameters'],
  ['number context', 42],
  ['undefined context', undefined],
];

const OPTIONS: ReadonlyArray<[string, EvaluateOptions | undefined]> = [
  ['no options', undefined],
  ['empty options', {}],
  ['strictVariables false', { strictVariables: false }],
  ['strictVariables true', { strictVariables: true }],
  ['pinned now', { now: new Date('2024-03-10T15:04:05.123Z') }],
  ['invalid now', { now: new Date(Number.NaN) }],
  ['now not a Date', { now: '2024-01-01' as unknown as Date }],
  ['timezone', { timezone: 'America/Sao_Paulo' }],
  ['unknown timezone', { timezone: 'Nowhere/City' }],
  ['invalid now and zone', { now: new Date(Number.NaN), timezone: 'Nowhere/City' }],
  ['lenient with bad zone', { strictVariables: false, timezone: 'Nowhere/City' }],
];

describe('lone path fast path', () => {
  test.each(TEMPLATES)('%j takes the fast path', (template) => {
    expect(compileString(template).path).not.toBeNull();
  });

  test.each([
    '{{parameters.list[1]}}',
    '{{parameters["x"]}}',
    '{{parseJSON(parameters.x).a}}',
    '{{parameters.x}}!',
    '{{a}}{{b}}',
    '{{now}}',
    "{{'text'}}",
  ])('%j does not take the fast path', (template) => {
    expect(compileString(template).path).toBeNull();
  });

  describe.each(TEMPLATES)('%j', (template) => {
    const compiled = compileTemplate(template);
    // The general evaluator: the same template inside a container, and evaluateTemplate.
    const wrapped = compileTemplate({ value: template });
    test.each(CONTEXTS)('context %s', (_name, context) => {
      for (const [optionName, options] of OPTIONS) {
        const fast = outcome(() => compiled.evaluate(context as Record<string, unknown>, options));
        const general = outcome(() =>
          evaluateTemplate(template, context as Record<string, unknown>, options),
        );
        expect({ optionName, outcome: fast }).toEqual({ optionName, outcome: general });
        const inObject = outcome(() =>
          wrapped.evaluate(context as Record<string, unknown>, options),
        );
        // Inside an object the message also names the JSON path, so errors compare by code.
        const brief = (o: Outcome): unknown =>
          'value' in o ? o : { error: o.error, code: o.code };
        const viaObject: Outcome =
          'value' in inObject ? { value: (inObject.value as { value?: unknown }).value } : inObject;
        expect({ optionName, outcome: brief(viaObject) }).toEqual({
          optionName,
          outcome: brief(fast),
        });
      }
    });
  });

  // Fixed expectations, so the shared reader is checked against the documented semantics too.
  test.each<[string, string, unknown]>([
    ['{{parameters.x}}', 'plain', 'X'],
    ['{{parameters.a.b.c.d}}', 'plain', 4],
    ['{{parameters.a.b.c}}', 'other realm', 1],
    ['{{parameters.x}}', 'null-prototype objects', 3],
    ['{{parameters.x}}', 'inherited key', undefined],
    ['{{parameters.length}}', 'array root value', undefined],
    ['{{parameters.x}}', 'class instance', undefined],
    ['{{parameters.constructor.name}}', 'own blocked keys (JSON.parse)', undefined],
    ['{{parameters.toString}}', 'plain', undefined],
    ['{{item}}', 'plain', 0],
  ])('%j in the %s context gives %p', (template, contextName, expected) => {
    const context = CONTEXTS.find(([name]) => name === contextName)?.[1];
    expect(compileTemplate(template).evaluate(context as Record<string, unknown>)).toEqual(
      expected,
    );
  });

  test.each<[string, string]>([
    ['{{parameters.x}}', 'inherited root'],
    ['{{__proto__}}', 'own blocked keys (JSON.parse)'],
    ['{{missing.a.b.c}}', 'plain'],
  ])(
    '%j in the %s context is an unknown variable: empty, or an error when strict',
    (template, contextName) => {
      const context = CONTEXTS.find(([name]) => name === contextName)?.[1];
      expect(compileTemplate(template).evaluate(context as never)).toBeUndefined();
      expect(
        outcome(() =>
          compileTemplate(template).evaluate(context as never, { strictVariables: true }),
        ),
      ).toMatchObject({ code: 'IML_UNKNOWN_VARIABLE' });
    },
  );

  test('reads the context on every call (nothing cached between evaluations)', () => {
    const compiled = compileTemplate('{{parameters.x}}');
    const context: Record<string, unknown> = { parameters: { x: 1 } };
    expect(compiled.evaluate(context)).toBe(1);
    (context.parameters as Record<string, unknown>).x = 2;
    expect(compiled.evaluate(context)).toBe(2);
    delete context.parameters;
    expect(() => compiled.evaluate(context, { strictVariables: true })).toThrow(
      expect.objectContaining({ code: 'IML_UNKNOWN_VARIABLE' }),
    );
    expect(compiled.evaluate(context)).toBeUndefined();
  });

  test('errors keep the template and position of the unknown root', () => {
    const error = outcome(() =>
      compileTemplate('  {{ nope.x }}').evaluate({}, { strictVariables: true }),
    );
    expect(error).toMatchObject({ code: 'IML_UNKNOWN_VARIABLE' });
    expect((error as { message: string }).message).toContain("'nope'");
    expect(outcome(() => compileTemplate('{{nope}}').evaluate([] as never))).toMatchObject({
      code: 'IML_INVALID_ARGUMENT',
    });
  });
});

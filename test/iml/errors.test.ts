// The wording users read: locations, caret excerpts, and no context values in messages.
import {
  evaluateTemplate,
  ImlArgumentCountError,
  ImlReferenceError,
  ImlSyntaxError,
  ImlUnknownFunctionError,
  parseTemplate,
} from '../../lib/iml';
import { caretExcerpt, ImlFunctionError, lineColumn, toImlError } from '../../lib/iml/errors';
import { thrownImlError } from '../support/iml-errors';

describe('ImlSyntaxError', () => {
  test('names line and column and shows a caret under the offending token', () => {
    const error = thrownImlError(() => parseTemplate('url: {{parameters.id +}}'));
    expect(error).toBeInstanceOf(ImlSyntaxError);
    expect(error.code).toBe('IML_SYNTAX');
    expect(error.message).toBe(
      "IML_SYNTAX: Expected an expression, found '}}' at line 1, column 23 of template " +
        '"url: {{parameters.id +}}"\n' +
        '  url: {{parameters.id +}}\n' +
        '                        ^',
    );
  });

  test('shows only the offending line of a multi-line template', () => {
    const error = thrownImlError(() => parseTemplate('first line\nsecond {{ 1 + * }} line'));
    expect(error.line).toBe(2);
    expect(error.column).toBe(15);
    expect(error.message.endsWith('\n  second {{ 1 + * }} line\n                ^')).toBe(true);
  });
});

describe('other errors', () => {
  test('unknown function names the function and the template', () => {
    const error = thrownImlError(() => parseTemplate('{{ifEmpty(a, b)}}'));
    expect(error).toBeInstanceOf(ImlUnknownFunctionError);
    expect((error as ImlUnknownFunctionError).functionName).toBe('ifEmpty');
    expect(error.message).toBe(
      'IML_UNKNOWN_FUNCTION: Unknown function \'ifEmpty\' at line 1, column 3 of template "{{ifEmpty(a, b)}}"',
    );
  });

  test('argument count names the function, the expected and the received count', () => {
    const error = thrownImlError(() => parseTemplate('{{formatDate(now)}}'));
    expect(error).toBeInstanceOf(ImlArgumentCountError);
    expect(error.detail).toBe("Function 'formatDate' expects 2 to 3 arguments, received 1");
    expect(thrownImlError(() => parseTemplate('{{trim()}}')).detail).toBe(
      "Function 'trim' expects 1 argument, received 0",
    );
    expect(thrownImlError(() => parseTemplate('{{add()}}')).detail).toBe(
      "Function 'add' expects at least 2 arguments, received 0",
    );
    expect(thrownImlError(() => parseTemplate('{{if(1)}}')).detail).toBe(
      "Function 'if' expects 2 to 3 arguments, received 1",
    );
  });

  test('unknown variable names the variable', () => {
    const error = thrownImlError(() =>
      evaluateTemplate('{{paramters.x}}', { parameters: {} }, { strictVariables: true }),
    );
    expect(error).toBeInstanceOf(ImlReferenceError);
    expect((error as ImlReferenceError).variable).toBe('paramters');
  });

  test('errors inside deep values name the JSON path', () => {
    const error = thrownImlError(() =>
      evaluateTemplate(
        { qs: { items: ['ok', '{{nope}}'] } },
        { parameters: {} },
        { strictVariables: true },
      ),
    );
    expect(error.jsonPath).toBe('qs.items[1]');
    expect(error.message).toContain('(in qs.items[1])');
  });

  test('messages never contain context values', () => {
    const secret = 'test-client-secret-XYZ';
    const cases = [
      '{{parseJSON(connection.secret)}}',
      'x {{connection}}',
      '{{connection.secret * connection}}',
      '{{formatDate(connection.secret, "x")}}',
      '{{decodeURL("%" + connection.secret)}}',
    ];
    for (const template of cases) {
      const error = thrownImlError(() => evaluateTemplate(template, { connection: { secret } }));
      expect(error.message).not.toContain(secret);
    }
  });

  test('a long template is shortened in the message and the excerpt', () => {
    const template = `${'a'.repeat(200)} {{ 1 + }}`;
    const error = thrownImlError(() => parseTemplate(template));
    expect(error.message).toContain('…');
    expect(error.message.length).toBeLessThan(400);
  });
});

describe('helpers', () => {
  test('lineColumn counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });

  test('caretExcerpt marks the column and trims long lines on both sides', () => {
    expect(caretExcerpt('abc', 1)).toBe('  abc\n   ^');
    const long = `${'x'.repeat(100)}Y${'z'.repeat(100)}`;
    const excerpt = caretExcerpt(long, 100);
    const [line = '', caret = ''] = excerpt.split('\n');
    expect(line.startsWith('  …')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.charAt(caret.indexOf('^'))).toBe('Y');
  });

  test('toImlError wraps unexpected failures and keeps the cause', () => {
    const cause = new TypeError('boom');
    const wrapped = toImlError(cause, "Function 'lower'");
    expect(wrapped).toBeInstanceOf(ImlFunctionError);
    expect(wrapped.code).toBe('IML_FUNCTION_FAILED');
    expect(wrapped.cause).toBe(cause);
    expect(wrapped.detail).toBe("Function 'lower' failed unexpectedly");
    const overflow = toImlError(new RangeError('Maximum call stack size exceeded'), 'flatten');
    expect(overflow.code).toBe('IML_LIMIT');
    const same = new ImlSyntaxError('x', { template: 't', offset: 0 });
    expect(toImlError(same, 'f')).toBe(same);
  });

  test('a location is attached once; the JSON path once', () => {
    const error = new ImlFunctionError("Function 'f'");
    expect(error.message).toBe("IML_FUNCTION_FAILED: Function 'f' failed unexpectedly");
    error.locate({ template: 'abc {{f()}}', offset: 6 }).locate({ template: 'other', offset: 0 });
    expect(error.template).toBe('abc {{f()}}');
    expect(error.column).toBe(7);
    error.atJsonPath('a.b').atJsonPath('c');
    expect(error.jsonPath).toBe('a.b');
  });
});

// How ajv's fan-out of anyOf branches is reduced to the errors that help.
import type { ErrorObject } from 'ajv';
import { collapseErrors, pointerToPath } from '../../lib/validate/schema-issues';

function err(
  instancePath: string,
  keyword: string,
  params: Record<string, unknown> = {},
): ErrorObject {
  return { instancePath, schemaPath: '#', keyword, params, message: keyword };
}

const kinds = (errors: ErrorObject[]): string[] =>
  errors.map((e) => `${e.instancePath} ${e.keyword}`).sort();

describe('collapseErrors', () => {
  test('an object branch that got further beats "must be array" and the anyOf summary', () => {
    const data = { c: { response: { iterat: 1 } } };
    const errors = [
      err('/c/response', 'additionalProperties', { additionalProperty: 'iterat' }),
      err('/c', 'type', { type: 'array' }),
      err('/c', 'anyOf'),
    ];
    expect(kinds(collapseErrors(errors, data))).toEqual(['/c/response additionalProperties']);
  });

  test('identical errors reached through two branches are reported once', () => {
    const errors = [
      err('/a', 'required', { missingProperty: 'x' }),
      err('/a', 'required', { missingProperty: 'x' }),
    ];
    expect(collapseErrors(errors, { a: {} })).toHaveLength(1);
  });

  test('a wrong-typed value: one type error listing every accepted type, no enum noise', () => {
    const errors = [
      err('/m', 'type', { type: 'string' }),
      err('/m', 'enum', { allowedValues: ['GET'] }),
      err('/m', 'type', { type: 'boolean' }),
      err('/m', 'anyOf'),
    ];
    const out = collapseErrors(errors, { m: 42 });
    expect(kinds(out)).toEqual(['/m type']);
    expect(out[0]?.params).toEqual({ type: 'string,boolean' });
  });

  test('a string value: the enum (with its allowed values) beats the IML-pattern branch', () => {
    const errors = [
      err('/m', 'enum', { allowedValues: ['GET'] }),
      err('/m', 'pattern', { pattern: '{{' }),
      err('/m', 'anyOf'),
    ];
    expect(kinds(collapseErrors(errors, { m: 'GETT' }))).toEqual(['/m enum']);
  });

  test('keys of an object beat a type mismatch of another branch at the same place', () => {
    const errors = [
      err('/c', 'type', { type: 'boolean' }),
      err('/c', 'required', { missingProperty: 'condition' }),
      err('/c', 'anyOf'),
    ];
    expect(kinds(collapseErrors(errors, { c: {} }))).toEqual(['/c required']);
  });

  test('independent errors in different places are all kept', () => {
    const errors = [
      err('/a', 'type', { type: 'string' }),
      err('/b/x', 'additionalProperties', { additionalProperty: 'y' }),
    ];
    expect(kinds(collapseErrors(errors, { a: 1, b: { x: {} } }))).toEqual([
      '/a type',
      '/b/x additionalProperties',
    ]);
  });

  test('a summary with nothing more precise under it is kept', () => {
    expect(kinds(collapseErrors([err('/a', 'oneOf')], { a: 1 }))).toEqual(['/a oneOf']);
  });
});

describe('pointerToPath', () => {
  test('array indexes become numbers, escaped tokens are decoded', () => {
    expect(
      pointerToPath('/modules/2/headers/a~1b~0c', { modules: [{}, {}, { headers: {} }] }),
    ).toEqual(['modules', 2, 'headers', 'a/b~c']);
  });
  test('digit keys of objects stay strings', () => {
    expect(pointerToPath('/error/404', { error: { '404': {} } })).toEqual(['error', '404']);
  });
});

// A complete Hotmart-like app (connection, base, search/action/universal modules, RPC, groups)
// validates against app.schema.json; a misspelt directive deep inside it is reported at its path.
import fs from 'node:fs';
import path from 'node:path';
import { getValidator } from '../../lib/validate/ajv';

const fixture: unknown = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'hotmart-app.json'), 'utf8'),
);

interface Editable {
  [key: string]: unknown;
}
const copy = (): Editable => structuredClone(fixture) as Editable;
const at = (value: unknown, ...keys: Array<string | number>): Editable =>
  keys.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)[key],
    value,
  ) as Editable;

const validate = getValidator('app.schema.json');
const errorsOf = (
  app: unknown,
): Array<{ keyword: string; instancePath: string; params: object }> =>
  validate(app)
    ? []
    : (validate.errors ?? []).map(({ keyword, instancePath, params }) => ({
        keyword,
        instancePath,
        params,
      }));

test('the complete example app is valid', () => {
  expect(errorsOf(fixture)).toEqual([]);
});

test('the fixture covers every section and the main module types', () => {
  const app = copy();
  expect(Object.keys(app).sort()).toEqual(
    ['base', 'common', 'connections', 'groups', 'manifest', 'modules', 'readme', 'rpcs'].sort(),
  );
  const types = (app.modules as Array<{ type: string }>).map((m) => m.type);
  expect(new Set(types)).toEqual(new Set(['search', 'action', 'universal']));
  expect((app.rpcs as unknown[]).length).toBeGreaterThan(0);
});

test('a misspelt pagination in a search module is reported at its communication', () => {
  const app = copy();
  const communication = at(app, 'modules', 0, 'communication');
  communication.paginaton = communication.pagination;
  delete communication.pagination;
  expect(errorsOf(app)).toContainEqual({
    keyword: 'additionalProperties',
    instancePath: '/modules/0/communication',
    params: { additionalProperty: 'paginaton' },
  });
});

test('iterate in an action is rejected at the action response', () => {
  const app = copy();
  at(app, 'modules', 2, 'communication', 'response').iterate = '{{body}}';
  expect(errorsOf(app)).toContainEqual({
    keyword: 'additionalProperties',
    instancePath: '/modules/2/communication/response',
    params: { additionalProperty: 'iterate' },
  });
});

test('the module discriminator keeps errors to the declared module type', () => {
  const app = copy();
  at(app, 'modules', 2).crudd = 'update';
  // Only the action branch is checked, so there is exactly one error, not one per module type.
  expect(errorsOf(app)).toEqual([
    {
      keyword: 'additionalProperties',
      instancePath: '/modules/2',
      params: { additionalProperty: 'crudd' },
    },
  ]);
});

test('a bare-string parameter is rejected', () => {
  const app = copy();
  (at(app, 'connections', 0, 'parameters') as unknown as unknown[])[1] = 'clientId';
  expect(errorsOf(app)).toContainEqual({
    keyword: 'type',
    instancePath: '/connections/0/parameters/1',
    params: { type: 'object' },
  });
});

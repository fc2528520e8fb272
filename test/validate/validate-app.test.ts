import { formatIssue, validateApp } from '../../lib/validate';
import realApp from '../../app';
import complete from '../fixtures/apps/complete';
import minimal from '../fixtures/apps/minimal';
import broken from '../fixtures/apps/broken';
import { brokenApp } from './support';

describe('validateApp', () => {
  test.each([
    ['complete fixture', complete],
    ['minimal fixture', minimal],
    ['real app (app/index.ts)', realApp],
  ])('%s is valid', (_name, app) => {
    expect(validateApp(app).map(formatIssue)).toEqual([]);
  });

  test('does not mutate its input', () => {
    const app = brokenApp((e) =>
      e.rename(['modules', 1, 'communication', 1, 'response', 'iterate'], 'iterat'),
    );
    const before = structuredClone(app);
    validateApp(app);
    expect(app).toEqual(before);
  });

  test('reports every issue of the broken fixture, sorted by file and pointer', () => {
    expect(validateApp(broken).map((i) => `${i.file}#${i.pointer} [${i.rule}]`)).toEqual([
      'connections/acme/acme.oauth-communication.iml.json#/token/body/client_secret [sanitize-covers-secrets]',
      'makecomapp.json#/components/module/getAccount [module-in-one-group]',
      'modules/list-tasks/list-tasks.communication.iml.json#/1/response/iterat [schema/additionalProperties]',
    ]);
  });

  test.each([
    ['a number', 42, 'app: makecomapp.json: must be an object, found a number (42) [schema/type]'],
    ['null', null, 'app: makecomapp.json: must be an object, found null [schema/type]'],
  ])('input that is not an app (%s): an issue, not a crash', (_name, input, expected) => {
    expect(validateApp(input).map(formatIssue)).toEqual([expected]);
  });

  test('an empty object: every missing section named', () => {
    expect(validateApp({}).map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'missing required key "manifest"',
        'missing required key "modules"',
        'missing required key "readme"',
      ]),
    );
  });

  test('a half-broken app still gets its functional checks', () => {
    const app = brokenApp((e) => {
      e.set(['modules', 1, 'label'], 7); // schema error
      e.push(['groups', 0, 'modules'], 'nope'); // functional error
    });
    expect(validateApp(app).map((i) => i.rule)).toEqual(['schema/type', 'group-module-exists']);
  });

  test('constraints that cannot read a malformed part are skipped, not thrown', () => {
    const app = brokenApp((e) => {
      e.set(['groups'], 'all'); // groups rules cannot iterate a string
    });
    expect(() => validateApp(app)).not.toThrow();
    expect(validateApp(app).map((i) => i.rule)).toContain('schema/type');
  });
});

// checkApp's two profiles split the same issues differently: strict refuses any, make only what
// would stop a run (lib/validate/profiles.ts).
import complete from '../fixtures/apps/complete';
import { checkApp, validateApp } from '../../lib/validate';
import type { App } from '../../lib/types';

function withModules(edit: (modules: App['modules']) => App['modules']): App {
  const app = structuredClone(complete);
  return { ...app, modules: edit(app.modules) };
}

test('a valid app has no errors and no warnings in either profile', () => {
  expect(checkApp(complete, 'strict')).toEqual({ errors: [], warnings: [] });
  expect(checkApp(complete, 'make')).toEqual({ errors: [], warnings: [] });
});

test('ids that differ only in case (Make accepts them) warn in make, fail in strict', () => {
  const [first] = complete.modules;
  if (!first) throw new Error('fixture changed');
  const upper = first.name.replace(/^./, (c) => c.toUpperCase());
  const app = withModules((modules) => [...modules, { ...structuredClone(first), name: upper }]);
  const strict = checkApp(app, 'strict');
  const make = checkApp(app, 'make');
  expect(strict.errors.map((i) => i.rule)).toContain('id-folder-unique');
  expect(make.errors.map((i) => i.rule)).not.toContain('id-folder-unique');
  expect(make.warnings.map((i) => i.rule)).toContain('id-folder-unique');
  // The same issues in both, only split differently.
  expect([...make.errors, ...make.warnings].sort((a, b) => a.rule.localeCompare(b.rule))).toEqual(
    [...strict.errors].sort((a, b) => a.rule.localeCompare(b.rule)),
  );
  expect(strict.errors).toEqual(validateApp(app));
});

test('a true duplicate id stops a run: an error in make too', () => {
  const [first] = complete.modules;
  if (!first) throw new Error('fixture changed');
  const app = withModules((modules) => [...modules, structuredClone(first)]);
  expect(checkApp(app, 'make').errors.map((i) => i.rule)).toContain('id-unique');
});

test('extra arguments to a built-in (Make ignores them) warn in make, fail in strict; too few fail in both', () => {
  const withStatus = (status: string): App =>
    withModules((modules) => {
      const list = structuredClone(modules);
      const module = list[1];
      if (module === undefined) throw new Error('fixture changed');
      (module.communication as Array<{ qs?: Record<string, unknown> }>)[1] = {
        ...(module.communication as Array<Record<string, unknown>>)[1],
        qs: { status },
      };
      return list;
    });
  const extra = withStatus('{{lower(parameters.status, 1)}}');
  expect(checkApp(extra, 'strict').errors.map((i) => i.rule)).toEqual(['iml-arity']);
  expect(checkApp(extra, 'make')).toMatchObject({
    errors: [],
    warnings: [expect.objectContaining({ rule: 'iml-arity' })],
  });
  const few = withStatus('{{lower()}}');
  expect(checkApp(few, 'make').errors.map((i) => i.rule)).toEqual(['iml-valid']);
});

describe('schema issues in the make profile: errors only where a run would stop', () => {
  function edited(edit: (app: Record<string, unknown> & App) => void): App {
    const app = structuredClone(complete) as Record<string, unknown> & App;
    edit(app);
    return app;
  }
  const request = (app: App): Record<string, unknown> => {
    const list = app.modules[1]?.communication as Array<Record<string, unknown>> | undefined;
    const found = list?.[1];
    if (found === undefined) throw new Error('fixture changed');
    return found;
  };

  test.each([
    [
      'a module type Make does not have',
      (app: App) => Object.assign(app.modules[2] ?? {}, { type: 'watcher' }),
    ],
    [
      'a parameter type Make does not have',
      (app: App) =>
        app.modules[1]?.mappableParameters.push({ name: 'x', type: 'txt', label: 'X' } as never),
    ],
    ['a url that is not text', (app: App) => Object.assign(request(app), { url: 5 })],
    [
      'headers that are not an object',
      (app: App) => Object.assign(request(app), { headers: ['a'] }),
    ],
    ['qs that is not an object', (app: App) => Object.assign(request(app), { qs: 'x' })],
  ])('%s is an error', (_name, edit) => {
    const { errors } = checkApp(edited(edit), 'make');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.rule).toMatch(/^schema\/(discriminator|type)$/);
  });

  test.each([
    [
      'a parameter type computed by IML',
      (app: App) =>
        app.modules[1]?.mappableParameters.push({
          name: 'x',
          type: '{{parameters.kind}}',
          label: 'X',
        } as never),
    ],
    [
      'an unknown key (our stricter rule)',
      (app: App) => Object.assign(request(app), { colour: 'red' }),
    ],
    [
      'a blank module description',
      (app: App) => Object.assign(app.modules[1] ?? {}, { description: '' }),
    ],
  ])('%s is only a warning', (_name, edit) => {
    const { errors, warnings } = checkApp(edited(edit), 'make');
    expect(errors).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
  });
});

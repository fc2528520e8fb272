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

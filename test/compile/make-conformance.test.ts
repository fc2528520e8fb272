// Every generated file must pass Make's own editor schemas (the VS Code extension's), read from
// ../shared/make-editor-schemas beside the checkout.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileApp } from '../../lib/compile';
import type { App } from '../../lib/types';
import realApp from '../../app';
import { FIXTURE_APPS } from './support/fixtures';
import {
  assertSchemasPresent,
  makeSchemaFor,
  makeValidator,
  MAKE_SCHEMAS_DIR,
  NOT_MAKE_FILES,
} from './support/make-editor-schemas';

function conformanceErrors(app: App): string[] {
  const problems: string[] = [];
  for (const [file, value] of compileApp(app)) {
    if (NOT_MAKE_FILES.has(file)) continue;
    const schema = makeSchemaFor(file);
    if (schema === undefined) {
      problems.push(`${file}: no Make schema maps to this file name`);
      continue;
    }
    const validate = makeValidator(schema);
    if (!validate(value)) {
      for (const e of validate.errors ?? [])
        problems.push(`${file} (${schema}) ${e.instancePath}: ${e.message ?? e.keyword}`);
    }
  }
  return problems;
}

describe("Make's editor schemas", () => {
  test('the schemas folder is beside the checkout', () => {
    expect(existsSync(path.join(MAKE_SCHEMAS_DIR, 'imljson', 'api.json'))).toBe(true);
  });

  test('without the folder, one line says what is missing and where it comes from', () => {
    const missing = path.join(MAKE_SCHEMAS_DIR, 'not-here');
    expect(() => assertSchemasPresent(missing)).toThrow(
      `Make's editor schemas are missing: expected ${missing} (the make-editor-schemas folder of ../shared, beside the checkout, as CI has it; README "Quick start").`,
    );
    expect(() => assertSchemasPresent()).not.toThrow();
  });

  test('the mapping covers every kind of generated file', () => {
    expect(makeSchemaFor('makecomapp.json')).toBe('makecomapp.schema.json');
    expect(makeSchemaFor('connections/a/a.oauth-communication.iml.json')).toBe('api-oauth.json');
    expect(makeSchemaFor('connections/a/a.communication.iml.json')).toBe('api.json');
    expect(makeSchemaFor('modules/a/a.static-params.iml.json')).toBe('parameters.json');
    expect(makeSchemaFor('modules/a/a.scope.iml.json')).toBe('scope.json');
    expect(makeSchemaFor('connections/a/a.common.json')).toBe('common.json');
    expect(makeSchemaFor('general/base.iml.json')).toBe('base.json');
    expect(makeSchemaFor('modules/groups.json')).toBe('groups.json');
    expect(makeSchemaFor('modules/a/a.epoch.iml.json')).toBe('epoch.json');
  });

  test('the validators do reject a wrong file (the check can fail)', () => {
    expect(
      makeValidator('api.json')({ url: '/x', method: 'POST', response: { iterat: '{{body}}' } }),
    ).toBe(false);
    expect(makeValidator('makecomapp.schema.json')({ fileVersion: 1 })).toBe(false);
  });

  test.each(FIXTURE_APPS)('%s: every generated file passes', (_name, app) => {
    expect(conformanceErrors(app)).toEqual([]);
  });

  test('the real app (app/index.ts): every generated file passes', () => {
    expect(conformanceErrors(realApp)).toEqual([]);
  });
});

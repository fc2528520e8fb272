// Every schema's `examples` must validate and every `antiExamples` entry must be rejected, for
// the recorded reason (the Ajv keyword, instance path and params noted next to it).
import type { ErrorObject } from 'ajv';
import { getValidator, schemaFiles } from '../../lib/validate/ajv';
import { documentedSchemas, type AntiExample } from './schema-walk';

function matches(error: ErrorObject, anti: AntiExample): boolean {
  if (anti.keyword !== undefined && error.keyword !== anti.keyword) return false;
  if (anti.instancePath !== undefined && error.instancePath !== anti.instancePath) return false;
  const params = error.params as Record<string, unknown>;
  return Object.entries(anti.params ?? {}).every(([key, value]) => params[key] === value);
}

describe('every schema file documents itself', () => {
  test.each(schemaFiles.map((f) => [f.id, f.schema] as const))(
    '%s has examples and anti-examples',
    (_id, schema) => {
      expect((schema.examples as unknown[] | undefined)?.length ?? 0).toBeGreaterThan(0);
      expect((schema.antiExamples as unknown[] | undefined)?.length ?? 0).toBeGreaterThan(0);
    },
  );
});

describe.each(documentedSchemas().map((s) => [s.ref, s] as const))('%s', (ref, documented) => {
  const validate = getValidator(ref);

  if (documented.examples.length > 0) {
    test.each(documented.examples.map((example, i) => [i, example] as const))(
      'accepts example #%i',
      (_i, example) => {
        const valid = validate(example);
        expect({ valid, errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
      },
    );
  }

  if (documented.antiExamples.length > 0) {
    test.each(documented.antiExamples.map((anti) => [anti.reason, anti] as const))(
      'rejects: %s',
      (_reason, anti) => {
        // Each anti-example names the error that proves its reason.
        expect(anti.keyword).toEqual(expect.any(String));
        expect(anti.instancePath).toEqual(expect.any(String));
        expect(validate(anti.example)).toBe(false);
        const errors = validate.errors ?? [];
        const summary = errors.map(
          (e) => `${e.keyword} at "${e.instancePath}" ${JSON.stringify(e.params)}`,
        );
        expect({ matched: errors.some((e) => matches(e, anti)), errors: summary }).toEqual({
          matched: true,
          errors: summary,
        });
      },
    );
  }
});

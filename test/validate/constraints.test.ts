import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CONSTRAINTS } from '../../lib/validate';
import type { App } from '../../lib/types';
import complete from '../fixtures/apps/complete';
import minimal from '../fixtures/apps/minimal';
import realApp from '../../app';

const DIR = path.resolve(__dirname, '../../lib/validate/constraints');

describe('constraint registry', () => {
  test('every rule file is registered, once, and ids are unique', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(CONSTRAINTS).toHaveLength(files.length);
    expect(new Set(CONSTRAINTS.map((c) => c.id)).size).toBe(CONSTRAINTS.length);
  });

  test('each rule lives in the file named after its id', () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.ts$/, ''));
    for (const c of CONSTRAINTS) expect(files).toContain(c.id);
  });

  test.each<[string, App]>([
    ['complete fixture', complete],
    ['minimal fixture', minimal],
    ['real app', realApp],
  ])('no rule fires on the %s', (_name, app) => {
    for (const c of CONSTRAINTS)
      expect({ rule: c.id, issues: c.check(app) }).toEqual({ rule: c.id, issues: [] });
  });
});

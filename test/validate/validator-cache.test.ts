// The app validator saved as standalone code must behave exactly as the one compiled in memory,
// and a damaged cache must only cost time, never a wrong answer.
import fs from 'node:fs';
import path from 'node:path';
import { getValidator } from '../../lib/validate/ajv';
import { cachedValidator } from '../../lib/validate/validator-cache';

const APP = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'schemas', 'fixtures', 'hotmart-app.json'), 'utf8'),
) as Record<string, unknown>;
// Inside node_modules, where the saved code's own `require('ajv/…')` resolves.
const DIR = path.resolve(
  __dirname,
  '..',
  '..',
  'node_modules',
  '.cache',
  `validator-test-${process.pid}`,
);

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

const invalid = { ...APP, connections: 'not a list', extra: true };

test('the first call compiles and saves; the next process loads the same validator from disk', () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  const first = cachedValidator('app.schema.json', DIR);
  expect(first).toBe(getValidator('app.schema.json'));
  const saved = fs.readdirSync(DIR);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatch(/^[0-9a-f]{32}\.js$/);

  const loaded = cachedValidator('app.schema.json', DIR);
  expect(loaded).not.toBe(first);
  expect(loaded(APP)).toBe(true);
  expect(loaded(invalid)).toBe(false);
  expect(first(invalid)).toBe(false);
  expect(loaded.errors).toEqual(first.errors);
  expect(loaded.errors?.length).toBeGreaterThan(1);
});

test('a corrupt or half-written cache file falls back to compiling, with the same answers', () => {
  const dir = path.join(DIR, 'corrupt');
  cachedValidator('app.schema.json', dir); // compiles and saves, without loading the file
  const [name] = fs.readdirSync(dir);
  const file = path.join(dir, name ?? 'missing.js');
  const corrupt = 'module.exports = (function (';
  fs.writeFileSync(file, corrupt);
  const validate = cachedValidator('app.schema.json', dir);
  expect(validate).toBe(getValidator('app.schema.json'));
  expect(validate(invalid)).toBe(false);
  expect(validate(APP)).toBe(true);
  const rewritten = fs.readFileSync(file, 'utf8');
  expect(rewritten).not.toBe(corrupt);
  expect(rewritten.startsWith('"use strict";')).toBe(true);
});

test('an unwritable cache folder costs nothing but time', () => {
  const file = path.join(DIR, 'a-file');
  fs.writeFileSync(file, '');
  const validate = cachedValidator('app.schema.json', path.join(file, 'below'));
  expect(validate).toBe(getValidator('app.schema.json'));
  expect(validate(APP)).toBe(true);
});

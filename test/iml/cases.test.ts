// Runs the language-neutral IML case suite in test/iml/cases/<group>/*.json. A file holds one
// case or an array of cases:
//   { "name"?, "template", "context"?, "now"?, "timezone"?, "strictVariables"?, "strictArity"?,
//     "result" | "undefinedResult": true | "error": { "code", "line"?, "column"? } }
// JSON cannot hold dates, binary data or undefined, so both sides use tagged values:
//   { "$date": "<ISO 8601>" }  a Date      { "$binary": "<base64>" }  binary data
//   { "$undefined": true }     undefined inside an array or object (a top-level undefined
//                              result is written "undefinedResult": true)
//   { "$number": "NaN" | "Infinity" | "-Infinity" }
// `now` defaults to DEFAULT_NOW so cases that read the clock stay deterministic.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileTemplate, evaluateTemplate, ImlError } from '../../lib/iml';

const CASES_DIR = join(__dirname, 'cases');
const DEFAULT_NOW = '2024-03-10T15:04:05.123Z';
const CASE_KEYS = new Set([
  'name',
  'template',
  'context',
  'now',
  'timezone',
  'strictVariables',
  'strictArity',
  'result',
  'undefinedResult',
  'error',
  'note',
]);

interface ImlCase {
  name?: string;
  template: unknown;
  context?: Record<string, unknown>;
  now?: string;
  timezone?: string;
  strictVariables?: boolean;
  /** Compile with `strictArity` (extra arguments are errors, as the build checks our app). */
  strictArity?: boolean;
  result?: unknown;
  undefinedResult?: boolean;
  error?: { code: string; line?: number; column?: number };
}

function listCaseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return listCaseFiles(path);
      return entry.name.endsWith('.json') ? [path] : [];
    });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Tagged JSON → engine values (for contexts). */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (!isRecord(value)) return value;
  if (typeof value.$date === 'string') return new Date(value.$date);
  if (typeof value.$binary === 'string') return Buffer.from(value.$binary, 'base64');
  if (value.$undefined === true) return undefined;
  if (typeof value.$number === 'string') return Number(value.$number);
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(result, key, {
      value: decode(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** Engine values → tagged JSON (for results), so dates and undefined cannot compare loosely. */
function encode(value: unknown): unknown {
  if (value === undefined) return { $undefined: true };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $binary: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (isRecord(value)) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(result, key, {
        value: encode(value[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  return value;
}

function loadCases(file: string): ImlCase[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item, i) => {
    if (!isRecord(item) || !('template' in item)) {
      throw new Error(`${file} case ${i}: not a case object with a "template"`);
    }
    const unknown = Object.keys(item).filter((key) => !CASE_KEYS.has(key));
    if (unknown.length > 0)
      throw new Error(`${file} case ${i}: unknown keys ${unknown.join(', ')}`);
    const outcomes = ['result', 'undefinedResult', 'error'].filter((key) => key in item);
    if (outcomes.length !== 1) {
      throw new Error(`${file} case ${i}: needs exactly one of result, undefinedResult, error`);
    }
    return item as unknown as ImlCase;
  });
}

const files = listCaseFiles(CASES_DIR);

test('the case suite holds at least 400 cases', () => {
  const total = files.reduce((count, file) => count + loadCases(file).length, 0);
  expect(total).toBeGreaterThanOrEqual(400);
});

for (const file of files) {
  const label = relative(CASES_DIR, file).replace(/\\/g, '/');
  describe(label, () => {
    loadCases(file).forEach((testCase, i) => {
      const title = `#${i + 1} ${testCase.name ?? JSON.stringify(testCase.template)}`;
      test(title, () => {
        const context = decode(testCase.context ?? {}) as Record<string, unknown>;
        const options = {
          now: new Date(testCase.now ?? DEFAULT_NOW),
          ...(testCase.timezone === undefined ? {} : { timezone: testCase.timezone }),
          ...(testCase.strictVariables === undefined
            ? {}
            : { strictVariables: testCase.strictVariables }),
        };
        const run = (): unknown =>
          testCase.strictArity === true
            ? compileTemplate(testCase.template, { strictArity: true }).evaluate(context, options)
            : evaluateTemplate(testCase.template, context, options);
        if (testCase.error !== undefined) {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(ImlError);
          const error = thrown as ImlError;
          expect(error.code).toBe(testCase.error.code);
          if (testCase.error.line !== undefined) expect(error.line).toBe(testCase.error.line);
          if (testCase.error.column !== undefined) expect(error.column).toBe(testCase.error.column);
          return;
        }
        const actual = run();
        if (testCase.undefinedResult === true) {
          expect(actual).toBeUndefined();
        } else {
          expect(encode(actual)).toEqual(testCase.result);
        }
      });
    });
  });
}

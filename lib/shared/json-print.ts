// Prints a JSON value exactly as prettier formats `JSON.stringify(value, null, 2)` with the
// repository's settings (printWidth 100, two spaces), without loading prettier: the build writes
// ~160 JSON files, and prettier's load and format cost most of a build's time. Prettier's rules
// for that input, each pinned by test/shared/json-print.test.ts against prettier itself:
//
// - a non-empty object is always broken, one key per line (prettier keeps the break that
//   `JSON.stringify` puts after `{`), and breaks every array around it;
// - an array stays on one line when it fits, with what follows it on the line (`,`); otherwise one
//   element per line. Two or more arrays that each hold two or more items always break;
// - an array of two or more numbers that does not fit is filled: as many per line as fit;
// - strings and keys are printed as `JSON.stringify` writes them; numbers too, but `1e+21`
//   becomes `1e21`;
// - widths count characters. Prettier counts some differently, so a value holding a character
//   that is not one column wide (text-width.ts) is not printed here (`undefined`), and the caller
//   asks prettier.

import { narrowWidth } from './text-width';

const WIDTH = 100;
const INDENT = '  ';

class NotNarrow extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The text of a scalar, checked to be measurable. */
function scalar(value: null | boolean | number | string): string {
  if (typeof value === 'string') {
    const text = JSON.stringify(value);
    if (narrowWidth(text) === undefined) throw new NotNarrow();
    return text;
  }
  if (typeof value === 'number') return JSON.stringify(value).replace('e+', 'e');
  return JSON.stringify(value);
}

function isNumberArray(items: readonly Json[]): items is number[] {
  return items.length > 1 && items.every((item) => typeof item === 'number');
}

/** Whether the value contains a break it cannot lose (a non-empty object). */
function hardBreaks(value: Json): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value)) return Object.keys(value).length > 0;
  return forcedBreak(value) || value.some(hardBreaks);
}

/** Prettier's rule: 2+ elements, all arrays (or all objects), each with 2+ items. */
function forcedBreak(items: readonly Json[]): boolean {
  if (items.length < 2) return false;
  const first = items[0];
  const firstIsArray = Array.isArray(first);
  return items.every((item) => {
    if (item === null || typeof item !== 'object') return false;
    if (Array.isArray(item) !== firstIsArray) return false;
    return (Array.isArray(item) ? item.length : Object.keys(item).length) > 1;
  });
}

/** One-line text of a value without hard breaks. */
function flat(value: Json): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  return '{}';
}

/**
 * Prints `value` starting at column `column` with `indent` as the current indentation;
 * `after` is the width of what follows on the same line (a comma or nothing).
 */
function print(value: Json, indent: string, column: number, after: number): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) return printArray(value, indent, column, after);
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const inner = indent + INDENT;
  const lines = keys.map((key, i) => {
    const head = `${scalar(key)}: `;
    const last = i === keys.length - 1;
    const item = value[key] as Json;
    return `${inner}${head}${print(item, inner, inner.length + head.length, last ? 0 : 1)}${last ? '' : ','}`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function printArray(items: Json[], indent: string, column: number, after: number): string {
  if (items.length === 0) return '[]';
  if (!hardBreaks(items)) {
    const oneLine = flat(items);
    if (column + oneLine.length + after <= WIDTH) return oneLine;
  }
  const inner = indent + INDENT;
  if (isNumberArray(items))
    return `[\n${inner}${fill(items.map(scalar), inner.length)}\n${indent}]`;
  const lines = items.map((item, i) => {
    const last = i === items.length - 1;
    return `${inner}${print(item, inner, inner.length, last ? 0 : 1)}${last ? '' : ','}`;
  });
  return `[\n${lines.join('\n')}\n${indent}]`;
}

/** Prettier's fill: the next item joins the line when it fits after the current one. */
function fill(texts: readonly string[], start: number): string {
  const parts = texts.map((text, i) => (i === texts.length - 1 ? text : `${text},`));
  let out = '';
  let column = start;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    out += part;
    column += part.length;
    const next = parts[i + 1];
    if (next === undefined) break;
    if (column + 1 + next.length <= WIDTH) {
      out += ' ';
      column += 1;
    } else {
      out += `\n${' '.repeat(start)}`;
      column = start;
    }
  }
  return out;
}

/**
 * The file text (final newline included), or `undefined` when the value holds a character
 * whose width prettier measures differently: format `JSON.stringify(value, null, 2)` with
 * prettier then. The value must be JSON (as `JSON.parse` returns).
 */
export function printJson(value: unknown): string | undefined {
  try {
    return `${print(value as Json, '', 0, 0)}\n`;
  } catch (error) {
    if (error instanceof NotNarrow) return undefined;
    throw error;
  }
}

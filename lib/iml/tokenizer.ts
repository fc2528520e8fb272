// Splits a template string into literal text and `{{ … }}` token lists. The expression scanner
// runs until the first `}}` outside a string literal, so `}}` inside quotes never ends an
// expression and the template needs no escaping rules of its own.

import { ImlLimitError, ImlSyntaxError } from './errors';
import { IML_LIMITS } from './limits';

type TokenType = 'number' | 'string' | 'name' | 'quoted' | 'operator' | 'punctuation';

export interface Token {
  readonly type: TokenType;
  /** Decoded text: the string's content, the name, the operator or punctuation symbol. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export type Segment =
  | { readonly kind: 'text'; readonly value: string; readonly start: number }
  | {
      readonly kind: 'expression';
      readonly tokens: readonly Token[];
      /** Offset of `{{`. */
      readonly start: number;
      /** Offset just after `}}`. */
      readonly end: number;
    };

const NAME = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
// After a dot a key may start with a digit (`body.0`, `data.2fa`): keys are not identifiers.
const KEY_AFTER_DOT = /[\p{L}\p{N}_$]+/uy;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const OPERATORS = [
  '===',
  '!==',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
];
const PUNCTUATION = '()[],.:';
// Only these escapes are decoded; any other backslash is kept, so regex sources such as
// '/\d+/g' reach `replace` intact.
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
};

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Splits `source` into text and expression segments. */
export function scanTemplate(source: string): Segment[] {
  if (source.length > IML_LIMITS.maxTemplateLength) {
    throw new ImlLimitError(
      `Template is ${source.length} characters long; the limit is ${IML_LIMITS.maxTemplateLength}`,
    );
  }
  const segments: Segment[] = [];
  let textStart = 0;
  let at = source.indexOf('{{');
  while (at !== -1) {
    if (at > textStart) {
      segments.push({ kind: 'text', value: source.slice(textStart, at), start: textStart });
    }
    const { tokens, end } = tokenizeExpression(source, at);
    segments.push({ kind: 'expression', tokens, start: at, end });
    textStart = end;
    at = source.indexOf('{{', end);
  }
  if (textStart < source.length) {
    segments.push({ kind: 'text', value: source.slice(textStart), start: textStart });
  }
  return segments;
}

/** Tokenizes the expression whose `{{` is at `open`; returns its tokens and the offset after `}}`. */
function tokenizeExpression(source: string, open: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let pos = open + 2;
  // Open `{` of object literals: while one is open, `}` closes it, so `{{ {a: 1}}}` ends after
  // the third brace.
  let braces = 0;
  for (;;) {
    while (pos < source.length && isSpace(source.charCodeAt(pos))) pos += 1;
    if (pos >= source.length) {
      throw new ImlSyntaxError("Unclosed expression: missing '}}'", {
        template: source,
        offset: open,
      });
    }
    const ch = source.charAt(pos);
    if (ch === '{' || (ch === '}' && braces > 0)) {
      braces += ch === '{' ? 1 : -1;
      tokens.push({ type: 'punctuation', value: ch, start: pos, end: pos + 1 });
      pos += 1;
      continue;
    }
    if (ch === '}' && source.charAt(pos + 1) === '}') return { tokens, end: pos + 2 };

    const last = tokens[tokens.length - 1];
    const afterDot = last !== undefined && last.type === 'punctuation' && last.value === '.';
    const word = readPattern(afterDot ? KEY_AFTER_DOT : NAME, source, pos);
    if (word !== null) {
      tokens.push({ type: 'name', value: word, start: pos, end: pos + word.length });
      pos += word.length;
      continue;
    }
    const number = readPattern(NUMBER, source, pos);
    if (number !== null) {
      tokens.push({ type: 'number', value: number, start: pos, end: pos + number.length });
      pos += number.length;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const { value, end } = readQuoted(source, pos, ch);
      tokens.push({ type: ch === '`' ? 'quoted' : 'string', value, start: pos, end });
      pos = end;
      continue;
    }
    const operator = OPERATORS.find((op) => source.startsWith(op, pos));
    if (operator !== undefined) {
      tokens.push({ type: 'operator', value: operator, start: pos, end: pos + operator.length });
      pos += operator.length;
      continue;
    }
    if (PUNCTUATION.includes(ch) || ch === ';') {
      // `;` separates arguments in Make's scenario syntax, which apps use too: it is a comma.
      tokens.push({ type: 'punctuation', value: ch === ';' ? ',' : ch, start: pos, end: pos + 1 });
      pos += 1;
      continue;
    }
    throw new ImlSyntaxError(`Unexpected character '${ch}'`, { template: source, offset: pos });
  }
}

function readPattern(pattern: RegExp, source: string, pos: number): string | null {
  pattern.lastIndex = pos;
  const match = pattern.exec(source);
  return match === null ? null : match[0];
}

function readQuoted(source: string, open: number, quote: string): { value: string; end: number } {
  let value = '';
  let pos = open + 1;
  while (pos < source.length) {
    const ch = source.charAt(pos);
    if (ch === quote) return { value, end: pos + 1 };
    if (ch === '\\' && pos + 1 < source.length) {
      const next = source.charAt(pos + 1);
      const decoded = ESCAPES[next];
      value += decoded ?? `\\${next}`;
      pos += 2;
      continue;
    }
    value += ch;
    pos += 1;
  }
  const what = quote === '`' ? 'quoted key' : 'string';
  throw new ImlSyntaxError(`Unterminated ${what}`, { template: source, offset: open });
}

// Text functions. Argument order follows Make's documentation; `contains` and `length` also
// accept arrays, as in Make.

import { ImlArgumentError } from '../errors';
import { strictEquals } from '../operators';
import { checkLength, isBinary, isPlainObject, toDisplayText } from '../values';
import { integerIn, optionalNumber, optionalText, requiredText } from './args';
import { compileRegex, replaceRegex } from './regex';
import { eager, type FunctionTable } from './types';

type TextTransform = (text: string) => string;

/** A one-argument text function: empty in, undefined out. */
function textFunction(name: string, transform: TextTransform) {
  return eager(1, 1, ([value]) => {
    const text = optionalText(value, name, 1);
    return text === undefined ? undefined : transform(text);
  });
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Characters with a meaning in Markdown (CommonMark's ASCII punctuation that can start syntax).
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|<>~]/g;

// An emoji: a pictographic sequence (with modifiers, variation selectors and ZWJ joins),
// a keycap, or a pair of regional indicators (flags).
const EMOJI =
  /(?:\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])*)*|[#*0-9]\uFE0F?\u20E3|[\u{1F1E6}-\u{1F1FF}]{2})/gu;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REGEX_LITERAL = /^\/([\s\S]+)\/([a-z]*)$/;

/** replace(): '/pattern/flags' is a regular expression, anything else a literal (all matches). */
function replaceText(text: string, search: string, replacement: string): string {
  const literal = REGEX_LITERAL.exec(search);
  if (literal === null) return text.split(search).join(replacement);
  return replaceRegex(
    text,
    compileRegex(literal[1] ?? '', literal[2] ?? '', 'replace', 2),
    replacement,
  );
}

/**
 * Removes `<…>` tags in one pass: a `<` without a later `>` ends the scan (no later `<` can close
 * either), so 100,000 unclosed `<` cost one pass, not 100,000.
 */
function stripTags(text: string): string {
  let out = '';
  let cursor = 0;
  for (;;) {
    const open = text.indexOf('<', cursor);
    if (open === -1) break;
    const close = text.indexOf('>', open + 1);
    if (close === -1) break;
    out += text.slice(cursor, open);
    cursor = close + 1;
  }
  return out + text.slice(cursor);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  xml: 'application/xml',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  ico: 'image/x-icon',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

export const textFunctions: FunctionTable = {
  /** ascii(text, [removeDiacritics]): drops non-ASCII characters; with true, 'é' becomes 'e'. */
  ascii: eager(1, 2, ([value, removeDiacritics]) => {
    let text = optionalText(value, 'ascii', 1);
    if (text === undefined) return undefined;
    if (removeDiacritics === true) text = text.normalize('NFD').replace(/\p{M}/gu, '');
    // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
    return text.replace(/[^\x00-\x7F]/g, '');
  }),

  capitalize: textFunction('capitalize', (text) => text.charAt(0).toUpperCase() + text.slice(1)),

  /** contains(text or array, value): substring test on text, strict membership on arrays. */
  contains: eager(2, 2, ([haystack, needle], context) => {
    if (Array.isArray(haystack)) {
      return haystack.some((item) => strictEquals(item, needle, context.timezone));
    }
    const text = optionalText(haystack, 'contains', 1);
    if (text === undefined) return false;
    const search = optionalText(needle, 'contains', 2);
    return search !== undefined && text.includes(search);
  }),

  decodeURL: textFunction('decodeURL', (text) => {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      throw new ImlArgumentError(
        "Function 'decodeURL': argument 1 is not valid URL encoding",
        undefined,
        {
          cause: error,
        },
      );
    }
  }),

  // A lone surrogate cannot be percent-encoded; it becomes U+FFFD, as a UTF-8 encoder writes it.
  encodeURL: textFunction('encodeURL', (text) =>
    encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD')),
  ),

  escapeHTML: textFunction('escapeHTML', (text) =>
    text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch),
  ),

  escapeMarkdown: textFunction('escapeMarkdown', (text) =>
    text.replace(MARKDOWN_SPECIALS, (ch) => `\\${ch}`),
  ),

  /** indexOf(text, value, [start]): 0-based position of value, -1 when absent. */
  indexOf: eager(2, 3, ([value, search, start]) => {
    const text = optionalText(value, 'indexOf', 1);
    const needle = optionalText(search, 'indexOf', 2);
    if (text === undefined || needle === undefined) return -1;
    return text.indexOf(needle, optionalNumber(start, 'indexOf', 3) ?? 0);
  }),

  /** length(text, array or binary): characters, items or bytes; empty → 0. */
  length: eager(1, 1, ([value]) => {
    if (Array.isArray(value)) return value.length;
    if (isBinary(value)) return value.byteLength;
    if (isPlainObject(value)) {
      throw new ImlArgumentError("Function 'length': argument 1 must be text, an array or binary");
    }
    return (optionalText(value, 'length', 1) ?? '').length;
  }),

  lower: textFunction('lower', (text) => text.toLowerCase()),

  /** mime(file name): the media type for the name's extension (application/octet-stream if unknown). */
  mime: textFunction('mime', (text) => {
    const dot = text.lastIndexOf('.');
    const extension = dot === -1 ? text : text.slice(dot + 1);
    return MIME_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
  }),

  /** replace(text, search, replacement): all literal matches, or a '/regex/flags' search. */
  replace: eager(3, 3, ([value, search, replacement]) => {
    const text = optionalText(value, 'replace', 1);
    if (text === undefined) return undefined;
    const pattern = requiredText(search, 'replace', 2);
    const by = optionalText(replacement, 'replace', 3) ?? '';
    return checkLength(replaceText(text, pattern, by));
  }),

  replaceEmojiCharacters: eager(1, 2, ([value, replacement]) => {
    const text = optionalText(value, 'replaceEmojiCharacters', 1);
    if (text === undefined) return undefined;
    const by = optionalText(replacement, 'replaceEmojiCharacters', 2) ?? '';
    return text.replace(EMOJI, by);
  }),

  /** split(text, separator): an array of parts. */
  split: eager(2, 2, ([value, separator]) => {
    const text = optionalText(value, 'split', 1);
    if (text === undefined) return undefined;
    return text.split(requiredText(separator, 'split', 2));
  }),

  /** startcase(text): every word capitalised, the other letters lower case. */
  startcase: textFunction('startcase', (text) =>
    text
      .toLowerCase()
      .replace(/(^|\s)(\S)/gu, (_m, space: string, first: string) => space + first.toUpperCase()),
  ),

  stripHTML: textFunction('stripHTML', stripTags),

  /** substring(text, start, [end]): 0-based, end exclusive, as JavaScript's substring. */
  substring: eager(2, 3, ([value, start, end]) => {
    const text = optionalText(value, 'substring', 1);
    if (text === undefined) return undefined;
    const from = integerIn(
      start,
      'substring',
      2,
      -Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER,
    );
    const to = optionalNumber(end, 'substring', 3);
    return text.substring(from, to);
  }),

  /** toString(value): text; objects and arrays as JSON, dates as ISO 8601, empty as ''. */
  toString: eager(1, 1, ([value]) => checkLength(toDisplayText(value))),

  trim: textFunction('trim', (text) => text.trim()),

  upper: textFunction('upper', (text) => text.toUpperCase()),
};

// Body parsing (make-app-format §6 `type`; decisions §18 #25, #26). `response.type` is a parse
// mode or an object keyed by `*`, `NNN` or `NNN-MMM` (the narrowest matching range wins).
// automatic (default): by Content-Type — JSON for application/json and `+json`, form decoding for
// x-www-form-urlencoded, text for text/plain; an unknown type is JSON when it parses, else text.
// Project choices:
// - an empty body is `undefined` in every mode except text (`''`);
// - a body that claims JSON but does not parse (truncated, an error page) is a RuntimeError
//   `INVALID_RESPONSE` for 1xx-3xx statuses; for error statuses the raw text is kept as `body` so
//   the error directives still build the message;
// - in automatic mode, an HTML page (text/html) on a successful status is a RuntimeError
//   `INVALID_RESPONSE`: an API answering HTML is a proxy or login page, never data. Set
//   `type: "text"` to accept HTML deliberately;
// - `xml` is not implemented (no Hotmart endpoint answers XML): a RuntimeError `DEFINITION_INVALID`.
import { RuntimeError } from './errors';
import type { SanitizedRequest } from './errors';
import type { HttpResponse } from './http';
import { parseQuery } from './query';

export type ParseMode = 'automatic' | 'json' | 'urlencoded' | 'text' | 'binary' | 'xml';

const MODES: Record<string, ParseMode> = {
  automatic: 'automatic',
  json: 'json',
  urlencoded: 'urlencoded',
  text: 'text',
  string: 'text',
  raw: 'text',
  binary: 'binary',
  xml: 'xml',
};

function modeOf(value: unknown, where: string): ParseMode {
  if (value === undefined || value === null) return 'automatic';
  const mode = typeof value === 'string' ? MODES[value] : undefined;
  if (mode === undefined) {
    throw new RuntimeError(`${where}: unknown response type ${JSON.stringify(value)}.`, {
      code: 'DEFINITION_INVALID',
      where,
    });
  }
  return mode;
}

/** Chooses the parse mode for a status from `response.type` (string, or status-keyed object). */
export function selectParseMode(type: unknown, statusCode: number, where: string): ParseMode {
  if (type === null || typeof type !== 'object' || Array.isArray(type)) return modeOf(type, where);
  let best: { width: number; mode: unknown } | undefined;
  for (const [key, mode] of Object.entries(type)) {
    let width: number | undefined;
    if (key === '*') width = Number.POSITIVE_INFINITY;
    else if (/^\d{3}$/.test(key)) width = Number(key) === statusCode ? 0 : undefined;
    else {
      const range = /^(\d{3})-(\d{3})$/.exec(key);
      if (range) {
        const from = Number(range[1]);
        const to = Number(range[2]);
        width = statusCode >= from && statusCode <= to ? to - from : undefined;
      }
    }
    if (width !== undefined && (best === undefined || width < best.width)) best = { width, mode };
  }
  return modeOf(best?.mode, where);
}

export interface ParseContext {
  where: string;
  request: SanitizedRequest;
  /** `GET https://host/path` for messages. */
  describe: string;
}

function mediaType(headers: Record<string, string>): string {
  return (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function invalid(response: HttpResponse, context: ParseContext, problem: string): RuntimeError {
  return new RuntimeError(
    `${context.where}: ${context.describe} answered ${response.statusCode} with ${problem}.`,
    {
      code: 'INVALID_RESPONSE',
      statusCode: response.statusCode,
      where: context.where,
      request: context.request,
    },
  );
}

function parseJson(text: string, response: HttpResponse, context: ParseContext): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (response.statusCode >= 400) return text;
    const reason = error instanceof Error ? error.message : String(error);
    const type = response.headers['content-type'] ?? 'no content type';
    throw invalid(
      response,
      context,
      `a body that is not valid JSON (${response.bytes.byteLength} bytes, ${type}; truncated or not JSON: ${reason})`,
    );
  }
}

/** Parses the body of `response` per `type`; `undefined` for an empty body. */
export function parseResponseBody(
  response: HttpResponse,
  type: unknown,
  context: ParseContext,
): unknown {
  const mode = selectParseMode(type, response.statusCode, context.where);
  if (mode === 'binary') return response.bytes;
  if (mode === 'xml') {
    throw new RuntimeError(
      `${context.where}: response type "xml" is not supported by this runtime.`,
      {
        code: 'DEFINITION_INVALID',
        where: context.where,
      },
    );
  }
  // A UTF-8 byte-order mark is not part of the data (RFC 8259 §8.1 lets parsers ignore it).
  const decoded = response.bytes.toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (mode === 'text') return text;
  if (mode === 'json') return parseJson(text, response, context);
  if (mode === 'urlencoded') return text.trim() === '' ? undefined : parseQuery(text.trim());
  // automatic
  if (text.trim() === '') return undefined;
  const media = mediaType(response.headers);
  if (media === 'application/json' || media.endsWith('+json'))
    return parseJson(text, response, context);
  if (media === 'application/x-www-form-urlencoded') return parseQuery(text.trim());
  if (media === 'text/plain') return text;
  if (media === 'text/html' || (media === '' && /^\s*<(!doctype html|html)\b/i.test(text))) {
    if (response.statusCode < 400) {
      throw invalid(
        response,
        context,
        'an HTML page instead of data (is a proxy or login page in the way?)',
      );
    }
    return text;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

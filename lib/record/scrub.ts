// Scrubbing at write time: secrets and personal data never reach the fixture file. Credentials
// become RECORDED_CREDENTIALS, tokens numbered fakes, personal values stable fakes. A value is
// personal because of its key (keys.ts: `nome`, `buyerEmail`, `cpf_cnpj`, …) or because of what it
// is (detect.ts: e-mail, phone, CPF, CNPJ, IP), wherever it stands: string values, object keys,
// headers, URL paths and queries, and inside URL-encoded and base64/base64url text. Every original
// is learned, then replaced wherever else it appears as text.
import { detect, type DetectedKind } from './detect';
import { FakeBook, foldText, RECORDED_CREDENTIALS, type FakeKind } from './fakes';
import { sensitiveKind } from './keys';

export { sensitiveKind } from './keys';

/** Secrets the recorder knows from the connection; tokens are learned from the responses. */
export interface KnownSecrets {
  clientId?: string;
  clientSecret?: string;
  basicToken?: string;
}

/** Only originals at least this long are replaced as free text (a two-digit area code is not). */
const MIN_TEXT_REPLACE = 5;
/** base64 inside base64 inside URL-encoding is as deep as real page tokens go. */
const MAX_DECODE_DEPTH = 3;
export const BASE64_TOKEN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

export const KIND_OF_DETECTED: Readonly<Record<DetectedKind, FakeKind>> = {
  email: 'email',
  phone: 'phone',
  cpf: 'document',
  cnpj: 'document',
  ip: 'ip',
};

/** `%40` → `@`, or the text itself when it is not valid percent-encoding. */
export function uriDecoded(text: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(text) && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * The text a base64 or base64url token stands for, when it is text (valid UTF-8, printable), or
 * undefined (binary data, or no base64 at all).
 */
export function base64Text(token: string): string | undefined {
  const bare = token.replace(/=+$/, '');
  if (bare.length % 4 === 1) return undefined;
  const bytes = Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length < 6) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // U+FFFD marks bytes that were not UTF-8; control characters mark binary data.
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  if (/[\uFFFD\u0000-\u0008\u000E-\u001F]/.test(text)) return undefined;
  return text;
}

/** `text` encoded the way `like` was: base64 or base64url, padded when `like` is. */
function encodeLike(like: string, text: string): string {
  const urlSafe = /[-_]/.test(like);
  const out = Buffer.from(text, 'utf8')
    .toString(urlSafe ? 'base64url' : 'base64')
    .replace(/=+$/, '');
  const padded = like.endsWith('=') || (!urlSafe && like.length % 4 === 0);
  return padded ? out + '='.repeat((4 - (out.length % 4)) % 4) : out;
}

/** Per-character case and accent folding that keeps every index in place. */
function foldChars(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    out += folded.length === char.length ? folded : char;
  }
  return out;
}

export class Scrubber {
  readonly book = new FakeBook();
  /** Names learned by key, folded → fake: replaced in free text whatever their case or accents. */
  private readonly names = new Map<string, string>();

  constructor(secrets: KnownSecrets) {
    if (secrets.clientId) this.book.fix(secrets.clientId, RECORDED_CREDENTIALS.clientId);
    if (secrets.clientSecret)
      this.book.fix(secrets.clientSecret, RECORDED_CREDENTIALS.clientSecret);
    if (secrets.basicToken) {
      const bare = secrets.basicToken.trim().replace(/^basic\s+/i, '');
      this.book.fix(bare, RECORDED_CREDENTIALS.basicToken);
    }
  }

  private fake(kind: FakeKind, original: string): string {
    const fake = this.book.fake(kind, original);
    const folded = foldText(original);
    if ((kind === 'name' || kind === 'address') && folded.length >= MIN_TEXT_REPLACE) {
      this.names.set(folded, fake);
    }
    return fake;
  }

  /** Learns a parsed JSON value by key and by value; returns it with the learned parts replaced. */
  json(
    value: unknown,
    key?: string,
    parentKey?: string,
    inherited: FakeKind | null = null,
  ): unknown {
    const kind = key === undefined ? inherited : (sensitiveKind(key, parentKey) ?? inherited);
    if (Array.isArray(value)) return value.map((item) => this.json(item, key, parentKey, kind));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [childKey, child] of Object.entries(value)) {
        // A document's `type` (CPF, CNPJ) is not personal and helps reading the fixture.
        const childInherited =
          kind === 'document' || kind === 'address' ? (childKey === 'type' ? null : kind) : null;
        const scrubbedKey = this.learn(childKey);
        out[scrubbedKey] = this.json(child, childKey, key, childInherited);
      }
      return out;
    }
    if (typeof value === 'string') {
      if (kind !== null && value !== '') return this.fake(kind, value);
      return this.learn(value);
    }
    if (typeof value === 'number' && kind !== null && kind !== 'id') {
      const fake = this.fake(kind, String(value));
      const asNumber = Number(fake);
      return Number.isFinite(asNumber) ? asNumber : fake;
    }
    return value;
  }

  /** Learns the personal values given as query parameters (by key and by value). */
  query(url: URL): void {
    for (const [key, value] of url.searchParams) {
      const kind = sensitiveKind(key, undefined);
      if (kind !== null && value !== '') this.fake(kind, value);
      this.learn(key);
      this.learn(value);
    }
    for (const segment of url.pathname.split('/')) this.learn(uriDecoded(segment));
  }

  /**
   * Learns every personal value that `text` holds, as it is, URL-decoded and inside base64
   * tokens, then returns the text with every learned value replaced.
   */
  learn(text: string, depth = 0): string {
    if (text.length < MIN_TEXT_REPLACE) return this.text(text);
    const layers = new Set([text, uriDecoded(text)]);
    for (const layer of layers) {
      for (const finding of detect(layer)) this.fake(KIND_OF_DETECTED[finding.kind], finding.value);
      if (depth >= MAX_DECODE_DEPTH) continue;
      for (const match of layer.matchAll(BASE64_TOKEN)) {
        const decoded = base64Text(match[0]);
        if (decoded === undefined) continue;
        const scrubbed = this.learn(decoded, depth + 1);
        if (scrubbed !== decoded) this.book.fix(match[0], encodeLike(match[0], scrubbed));
      }
    }
    return this.text(text);
  }

  /** Replaces every learned original in free text: raw, URL-encoded, and names in any case. */
  text(text: string): string {
    let out = text;
    for (const [original, fake] of this.book.pairs()) {
      if (original.length < MIN_TEXT_REPLACE || original.length > out.length * 3) continue;
      out = out.split(original).join(fake);
      const encoded = encodeURIComponent(original);
      if (encoded !== original) out = out.split(encoded).join(encodeURIComponent(fake));
      const plus = encoded.replace(/%20/g, '+');
      if (plus !== encoded)
        out = out.split(plus).join(encodeURIComponent(fake).replace(/%20/g, '+'));
    }
    if (this.names.size > 0 && out.length >= MIN_TEXT_REPLACE) out = this.replaceNames(out);
    return out;
  }

  private replaceNames(text: string): string {
    const folded = foldChars(text);
    const spans: Array<[number, number, string]> = [];
    for (const [name, fake] of this.names) {
      for (let at = folded.indexOf(name); at !== -1; at = folded.indexOf(name, at + name.length)) {
        spans.push([at, at + name.length, fake]);
      }
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let cursor = 0;
    for (const [start, end, fake] of spans) {
      if (start < cursor) continue;
      out += text.slice(cursor, start) + fake;
      cursor = end;
    }
    return out + text.slice(cursor);
  }

  /** Deep free-text replacement over string leaves and keys of a JSON value. */
  deepText(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.deepText(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, child]) => [this.text(key), this.deepText(child)]),
      );
    }
    return value;
  }

  /** Originals that must not appear in the written file (the final scan compares them folded). */
  originals(): string[] {
    return this.book
      .pairs()
      .map(([original]) => original)
      .filter((original) => original.length >= MIN_TEXT_REPLACE);
  }
}

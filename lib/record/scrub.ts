// Scrubbing at write time: secrets and personal data never reach the fixture file. Credentials
// become RECORDED_CREDENTIALS, tokens numbered fakes, and personal fields (names, e-mails, phones,
// documents, addresses) stable fakes. JSON bodies are scrubbed by key; then every original value
// is also replaced wherever else it appears as text (a query string, an error message).
import { FakeBook, RECORDED_CREDENTIALS, type FakeKind } from './fakes';

/** Secrets the recorder knows from the connection; tokens are learned from the responses. */
export interface KnownSecrets {
  clientId?: string;
  clientSecret?: string;
  basicToken?: string;
}

/** Only originals at least this long are replaced as free text (a two-digit area code is not). */
const MIN_TEXT_REPLACE = 5;

const PERSON_PARENTS = new Set([
  'subscriber',
  'buyer',
  'user',
  'producer',
  'affiliate',
  'customer',
  'student',
  'shopper',
  'owner',
  'participant',
  'coproducer',
  'contact',
]);

const PAGE_TOKEN_KEYS = new Set(['page_token', 'next_page_token', 'prev_page_token']);

/** What a key says about its value, or null when it is not sensitive. */
export function sensitiveKind(key: string, parentKey: string | undefined): FakeKind | null {
  const k = key.toLowerCase();
  if (PAGE_TOKEN_KEYS.has(k)) return null;
  if (k === 'jti') return 'id';
  if (k === 'token' || /(^|_)(access|refresh|id)_?token$/.test(k)) return 'token';
  if (/(^|_)e?-?mail$/.test(k) || k === 'login') return 'email';
  if (/phone|cell|ddd/.test(k)) return 'phone';
  if (/document|^cpf$|^cnpj$|^doc$|zip_?code/.test(k)) return 'document';
  if (k === 'address') return 'address';
  if (/^(first|last|social|full)_?name$/.test(k)) return 'name';
  if (k === 'name' && parentKey !== undefined && PERSON_PARENTS.has(parentKey.toLowerCase())) {
    return 'name';
  }
  return null;
}

export class Scrubber {
  readonly book = new FakeBook();

  constructor(secrets: KnownSecrets) {
    if (secrets.clientId) this.book.fix(secrets.clientId, RECORDED_CREDENTIALS.clientId);
    if (secrets.clientSecret)
      this.book.fix(secrets.clientSecret, RECORDED_CREDENTIALS.clientSecret);
    if (secrets.basicToken) {
      const bare = secrets.basicToken.trim().replace(/^basic\s+/i, '');
      this.book.fix(bare, RECORDED_CREDENTIALS.basicToken);
    }
  }

  /** Scrubs a parsed JSON value by key; registers every original it replaces. */
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
        out[childKey] = this.json(child, childKey, key, childInherited);
      }
      return out;
    }
    if (kind === null) return value;
    if (typeof value === 'string' && value !== '') return this.book.fake(kind, value);
    if (typeof value === 'number') {
      const fake = this.book.fake(kind, String(value));
      const asNumber = Number(fake);
      return Number.isFinite(asNumber) ? asNumber : fake;
    }
    return value;
  }

  /** Scrubs personal values given as query parameters (`subscriber_email=…`). */
  query(url: URL): void {
    for (const [key, value] of url.searchParams) {
      const kind = sensitiveKind(key, undefined);
      if (kind !== null && value !== '') this.book.fake(kind, value);
    }
  }

  /** Replaces every registered original in free text, raw and URL-encoded. */
  text(text: string): string {
    let out = text;
    for (const [original, fake] of this.book.pairs()) {
      if (original.length < MIN_TEXT_REPLACE) continue;
      out = out.split(original).join(fake);
      const encoded = encodeURIComponent(original);
      if (encoded !== original) out = out.split(encoded).join(encodeURIComponent(fake));
      const plus = encoded.replace(/%20/g, '+');
      if (plus !== encoded)
        out = out.split(plus).join(encodeURIComponent(fake).replace(/%20/g, '+'));
    }
    return out;
  }

  /** Deep free-text replacement over string leaves of a JSON value. */
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

  /** Originals that must not appear in the written file. */
  originals(): string[] {
    return this.book
      .pairs()
      .map(([original]) => original)
      .filter((original) => original.length >= MIN_TEXT_REPLACE);
  }
}

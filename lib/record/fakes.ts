// Stable fake values: the same original always gets the same fake within one fixture, so the
// recorded conversation stays consistent (an e-mail in a filter matches the e-mail in a body).
// Fakes are numbered in order of first appearance, never derived from the original (a hash of an
// e-mail address can be reversed by guessing).

/** Credentials a recorded fixture is written with; replays run the connection with these. */
export const RECORDED_CREDENTIALS = Object.freeze({
  clientId: 'recorded-client-id',
  clientSecret: 'recorded-client-secret',
  // Visibly fake rather than base64 of the two values above: a replay only needs the header to
  // match, and a reader (or a credential scanner) should never mistake a fixture for a real token.
  basicToken: 'recorded-basic-token',
});

export type FakeKind = 'name' | 'email' | 'phone' | 'document' | 'address' | 'ip' | 'token' | 'id';

/** Case, accents and spacing do not make a different person: "JOSÉ  Silva" is "José Silva". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value a fake stands for: one fake per person, whatever the formatting of the original. */
function canonical(kind: FakeKind, original: string): string {
  switch (kind) {
    case 'phone':
    case 'document': {
      const digits = original.replace(/\D/g, '');
      return digits.length >= 5 ? `${kind}:${digits}` : `${kind}:${original}`;
    }
    case 'email':
    case 'ip':
    case 'name':
      return `${kind}:${foldText(original)}`;
    default:
      return `${kind}:${original}`;
  }
}

export class FakeBook {
  /** original text → its fake, for replacing the original wherever it appears as text. */
  private readonly fakes = new Map<string, string>();
  /** canonical value → number of its fake. */
  private readonly numbers = new Map<string, number>();
  private readonly counters = new Map<FakeKind, number>();

  /** Registers a fixed replacement (credentials). */
  fix(original: string, fake: string): void {
    if (original !== '' && original !== fake) this.fakes.set(original, fake);
  }

  fake(kind: FakeKind, original: string): string {
    const known = this.fakes.get(original);
    if (known !== undefined) return known;
    const key = canonical(kind, original);
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      this.numbers.set(key, n);
    }
    const fake = makeFake(kind, n, original);
    this.fakes.set(original, fake);
    return fake;
  }

  /** Every original → fake pair, longest original first (so a value containing another wins). */
  pairs(): Array<[string, string]> {
    return [...this.fakes].sort(([a], [b]) => b.length - a.length);
  }
}

const CREDENTIAL_FAKES = new Set<string>(Object.values(RECORDED_CREDENTIALS));

/** What makeFake writes, per kind (ip: the documentation ranges of RFC 5737 and RFC 3849). */
const FAKE_TEXT: Partial<Record<FakeKind, RegExp>> = {
  name: /^Person \d+$/,
  email: /^person\d+@example\.com$/i,
  address: /^Fake address \d+$/,
  token: /^recorded-token-\d+$/,
  ip: /^((192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}|2001:db8:[0-9a-f:]*)$/i,
};

/**
 * True when `value` is one of the fakes makeFake writes for `kind` (or empty): the detectors skip
 * fakes, and the final scan accepts nothing else under a personal key. Digit fakes are every digit
 * zero but the last four.
 */
export function isFake(kind: FakeKind, value: string | number): boolean {
  const text = String(value);
  if (text === '' || kind === 'id') return true;
  if (kind === 'phone' || kind === 'document') {
    const digits = text.replace(/\D/g, '');
    return digits === '' ? text === '000000000' : /^0*\d{0,4}$/.test(digits);
  }
  if (kind === 'token' && CREDENTIAL_FAKES.has(text)) return true;
  return FAKE_TEXT[kind]?.test(text) ?? true;
}

function makeFake(kind: FakeKind, n: number, original: string): string {
  switch (kind) {
    case 'name':
      return `Person ${n}`;
    case 'email':
      return `person${n}@example.com`;
    case 'phone':
    case 'document':
      // The original's shape (so formatting code downstream sees a plausible value), every digit
      // zero but the last four: no real number, and the detectors know it for a fake.
      return fakeDigits(original, n);
    case 'address':
      return `Fake address ${n}`;
    case 'ip':
      // Documentation ranges (RFC 5737, RFC 3849): never anybody's address.
      return original.includes(':') ? `2001:db8::${n.toString(16)}` : `192.0.2.${n % 256}`;
    case 'token':
      return `recorded-token-${n}`;
    case 'id':
      return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  }
}

/** `original` with its digits replaced by zeros ending in `n` (nine zeros when it has none). */
function fakeDigits(original: string, n: number): string {
  const shape = /\d/.test(original) ? original : '000000000';
  const count = shape.replace(/\D/g, '').length;
  const digits = String(n % 10 ** Math.min(4, count)).padStart(count, '0');
  let i = 0;
  return shape.replace(/\d/g, () => digits[i++] as string);
}

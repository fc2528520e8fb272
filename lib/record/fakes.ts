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

export type FakeKind = 'name' | 'email' | 'phone' | 'document' | 'address' | 'token' | 'id';

export class FakeBook {
  private readonly fakes = new Map<string, string>();
  private readonly counters = new Map<FakeKind, number>();

  /** Registers a fixed replacement (credentials). */
  fix(original: string, fake: string): void {
    if (original !== '' && original !== fake) this.fakes.set(original, fake);
  }

  fake(kind: FakeKind, original: string): string {
    const known = this.fakes.get(original);
    if (known !== undefined) return known;
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const fake = makeFake(kind, n, original);
    this.fakes.set(original, fake);
    return fake;
  }

  /** Every original → fake pair, longest original first (so a value containing another wins). */
  pairs(): Array<[string, string]> {
    return [...this.fakes].sort(([a], [b]) => b.length - a.length);
  }
}

function makeFake(kind: FakeKind, n: number, original: string): string {
  const nn = String(n).padStart(4, '0');
  switch (kind) {
    case 'name':
      return `Person ${n}`;
    case 'email':
      return `person${n}@example.com`;
    case 'phone':
      // Same length as the original, so formatting code downstream sees a plausible value.
      return sameShapeDigits(original, `9${nn}`);
    case 'document':
      return sameShapeDigits(original, `0${nn}`);
    case 'address':
      return `Fake address ${n}`;
    case 'token':
      return `recorded-token-${n}`;
    case 'id':
      return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  }
}

/** Replaces the digits of `original` with a repeating fake digit sequence, keeping the format. */
function sameShapeDigits(original: string, seed: string): string {
  let i = 0;
  const digits = /\d/.test(original) ? original : '000000000';
  return digits.replace(/\d/g, () => {
    const digit = seed[i % seed.length] as string;
    i += 1;
    return digit;
  });
}

// Secrets must never reach a log, an error or a message (BRIEF; make-app-format §3.2 "log.sanitize
// is mandatory for secrets"). `log.sanitize` is the definition's own list; the Redactor is the
// runtime's safety net on top of it: it knows the actual secret *values* (password-type connection
// parameters, tokens stored in connection data) and replaces them wherever they appear, whatever
// path or encoding they took.

export const REDACTED = '[REDACTED]';

/** Shorter values are not treated as secrets: replacing `"a"` everywhere would garble every log. */
const MIN_SECRET_LENGTH = 6;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The forms a secret takes on its way into a request: as typed, trimmed, without a `Basic ` /
 * `Bearer ` prefix (Hotmart users paste the Basic token either way), and URL-encoded (query strings,
 * urlencoded bodies).
 */
function variants(secret: string): string[] {
  const forms = new Set<string>([secret, secret.trim()]);
  for (const form of [...forms]) {
    const bare = form.replace(/^(basic|bearer)\s+/i, '');
    forms.add(bare);
  }
  for (const form of [...forms]) {
    forms.add(encodeURIComponent(form));
    forms.add(encodeURIComponent(form).replace(/%20/g, '+'));
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /** Longest first, so a secret containing another is replaced whole. */
  private ordered: string[] = [];

  /** Registers a secret value (and its encoded forms). Non-strings and short strings are ignored. */
  add(secret: unknown): void {
    if (typeof secret !== 'string') return;
    let changed = false;
    for (const form of variants(secret)) {
      if (!this.secrets.has(form)) {
        this.secrets.add(form);
        changed = true;
      }
    }
    if (changed) this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  /**
   * Registers every string leaf of stored connection data, except ISO dates (expiry stamps, which
   * logs need to stay readable). Tokens may be stored under any key, so no key-name heuristics.
   */
  addConnectionData(data: unknown): void {
    if (typeof data === 'string') {
      if (!ISO_DATE.test(data)) this.add(data);
      return;
    }
    if (Array.isArray(data)) {
      for (const item of data) this.addConnectionData(item);
      return;
    }
    if (data !== null && typeof data === 'object') {
      for (const value of Object.values(data)) this.addConnectionData(value);
    }
  }

  /** Every other redactor's secrets too (a module run redacts what its connection knows). */
  addAll(other: Redactor): void {
    for (const secret of other.secrets) this.secrets.add(secret);
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** True when `text` contains any known secret in any registered form. */
  contains(text: string): boolean {
    for (const secret of this.ordered) if (text.includes(secret)) return true;
    return false;
  }

  redactString(text: string): string {
    let out = text;
    for (const secret of this.ordered) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** A copy of `value` with every secret replaced, in keys as well as values. */
  redact<T>(value: T): T {
    if (this.ordered.length === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value !== null && typeof value === 'object' && isPlain(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value))
        out[this.redactString(key)] = this.walk(item);
      return out;
    }
    return value;
  }
}

function isPlain(value: object): boolean {
  // Realm-independent: an object from another realm (structuredClone under jest's vm, say) has
  // that realm's Object.prototype, whose own prototype is null like ours.
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

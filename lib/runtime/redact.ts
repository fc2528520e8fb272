// Secrets must never reach a log, an error or a message (BRIEF; make-app-format §3.2 "log.sanitize
// is mandatory for secrets"). `log.sanitize` is the definition's own list; the Redactor is the
// runtime's safety net on top of it: it knows the actual secret *values* (password-type connection
// parameters, tokens stored in connection data) and replaces them wherever they appear, whatever
// path or encoding they took — including `base64(...)` of a secret, or of `user:secret`, composed
// in a template (a Basic Authorization header).

import { isPlainObject, parameterNames, setOwn } from '../shared';

export const REDACTED = '[REDACTED]';

/** Shorter values are not treated as secrets: replacing `"a"` everywhere would garble every log. */
const MIN_SECRET_LENGTH = 6;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** As typed, trimmed, and without a `Basic ` / `Bearer ` prefix (Hotmart users paste it either way). */
function plainForms(secret: string): Set<string> {
  const forms = new Set<string>([secret, secret.trim()]);
  for (const form of [...forms]) forms.add(form.replace(/^(basic|bearer)\s+/i, ''));
  return forms;
}

/**
 * The forms a secret takes on its way into a request: the plain forms, and URL-encoded (query
 * strings, urlencoded bodies).
 */
function variants(secret: string): string[] {
  const forms = plainForms(secret);
  for (const form of [...forms]) {
    forms.add(encodeURIComponent(form));
    forms.add(encodeURIComponent(form).replace(/%20/g, '+'));
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** A base64 core this short could match by chance and wipe an unrelated token. */
const MIN_BASE64_CORE_LENGTH = 12;

/**
 * What a template may derive from a secret with `base64(...)`: `base64(secret)`, or
 * `base64(user + ':' + secret)` for a Basic header. The bytes before the secret shift it within
 * base64's 3-byte groups, so for each of the 3 alignments this is the encoding of the secret's bytes
 * that fill whole groups — the part of *any* base64 text containing the secret at that alignment
 * that depends on the secret alone. Secrets of 11+ bytes yield a core for every alignment.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift += 1) {
    const whole = Math.floor((bytes.length - shift) / 3) * 3;
    if (whole <= 0) continue;
    const core = bytes.subarray(shift, shift + whole).toString('base64');
    if (core.length >= MIN_BASE64_CORE_LENGTH) cores.push(core);
  }
  return cores;
}

const BASE64_CHAR = /[A-Za-z0-9+/=]/;

/** `text` with every base64 run containing `core` replaced whole (its edges carry secret bits too). */
function redactBase64Runs(text: string, core: string): string {
  let out = text;
  let at = out.indexOf(core);
  while (at !== -1) {
    let start = at;
    while (start > 0 && BASE64_CHAR.test(out.charAt(start - 1))) start -= 1;
    let end = at + core.length;
    while (end < out.length && BASE64_CHAR.test(out.charAt(end))) end += 1;
    out = `${out.slice(0, start)}${REDACTED}${out.slice(end)}`;
    at = out.indexOf(core, start + REDACTED.length);
  }
  return out;
}

export class Redactor {
  private readonly secrets = new Set<string>();
  /** Longest first, so a secret containing another is replaced whole. */
  private ordered: string[] = [];
  /** base64 cores of the plain forms (base64Cores). */
  private readonly cores = new Set<string>();

  /**
   * Registers the values of a parameter list's password-type parameters (a webhook's shared
   * secret or signing key), wherever they are nested.
   */
  addPasswords(parameters: unknown, values: Readonly<Record<string, unknown>> | undefined): void {
    for (const name of parameterNames(parameters, (type) => type === 'password')) {
      this.add(values?.[name]);
    }
  }

  /** Registers a secret value (and its encoded forms). Non-strings and short strings are ignored. */
  add(secret: unknown): void {
    if (typeof secret !== 'string') return;
    let changed = false;
    for (const form of plainForms(secret)) {
      if (form.length < MIN_SECRET_LENGTH) continue;
      for (const core of base64Cores(form)) this.cores.add(core);
    }
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
    for (const core of other.cores) this.cores.add(core);
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** True when `text` contains any known secret in any registered form. */
  contains(text: string): boolean {
    for (const secret of this.ordered) if (text.includes(secret)) return true;
    for (const core of this.cores) if (text.includes(core)) return true;
    return false;
  }

  redactString(text: string): string {
    let out = text;
    for (const secret of this.ordered) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    for (const core of this.cores) if (out.includes(core)) out = redactBase64Runs(out, core);
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
    if (value !== null && typeof value === 'object' && isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value))
        setOwn(out, this.redactString(key), this.walk(item));
      return out;
    }
    return value;
  }
}

// Personal data recognised by its value, wherever it stands: e-mail addresses, phone numbers
// (Brazilian and international), CPF and CNPJ (checksum-valid, with or without punctuation) and IP
// addresses. Every pattern is a single pass without nested quantifiers, so scanning is linear in
// the text. The recorder's own fakes (fakes.ts isFake) are skipped, so a scrubbed text scans clean.

import { isFake } from './fakes';

export type DetectedKind = 'email' | 'phone' | 'cpf' | 'cnpj' | 'ip';

export interface Finding {
  kind: DetectedKind;
  start: number;
  end: number;
  value: string;
}

const EMAIL =
  /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
// A digit run with the separators people type in documents and phone numbers, not glued to a
// letter, digit or another separator (so ids, dates and UUIDs are left alone).
const DIGITS = /(?<![\w.+/-])\+?\(?\d[\d\s().\-/]{6,22}\d(?![\w-])/g;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/g;
const IPV6 =
  /(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{1,4}){0,6}(?![\w:])/g;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += Number(digits[i]) * (weights[i] as number);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function isCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const first = checkDigit(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(digits, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return digits.endsWith(`${first}${second}`);
}

function isCnpj(digits: string): boolean {
  if (!/^\d{14}$/.test(digits) || /^(\d)\1{13}$/.test(digits)) return false;
  const first = checkDigit(digits, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(digits, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return digits.endsWith(`${first}${second}`);
}

/** Brazilian area codes run 11–99 and never end in 0. */
function brazilianArea(area: string): boolean {
  return /^[1-9][1-9]$/.test(area);
}

/** What a digit run is, or null when it is not personal data (an id, an amount, a date). */
function classifyDigits(raw: string): DetectedKind | null {
  const digits = digitsOf(raw);
  if (isFake('phone', digits)) return null;
  const punctuated = /[\s().\-/]/.test(raw);
  if (digits.length === 11 && isCpf(digits)) return 'cpf';
  if (digits.length === 14 && isCnpj(digits)) return 'cnpj';
  if (raw.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? 'phone' : null;
  // Brazil without the country code: (11) 98765-4321, 11 3456-7890, 11987654321.
  if (digits.length === 11 && brazilianArea(digits.slice(0, 2)) && digits[2] === '9') {
    return 'phone';
  }
  if (digits.length === 13 && digits.startsWith('55') && brazilianArea(digits.slice(2, 4))) {
    return 'phone';
  }
  if (!punctuated) return null;
  // Typed with separators: a Brazilian landline or a North American number.
  if (digits.length === 10 && /^\(?\d{2,3}\)?[\s.-]?\d{3,5}[\s.-]\d{4}$/.test(raw.trim())) {
    return 'phone';
  }
  if (digits.length === 12 && digits.startsWith('55') && brazilianArea(digits.slice(2, 4))) {
    return 'phone';
  }
  return null;
}

function ipv4(value: string): boolean {
  return value.split('.').every((part) => Number(part) <= 255 && !/^0\d/.test(part));
}

function ipv6(value: string): boolean {
  const doubled = value.split('::').length - 1;
  if (doubled > 1) return false;
  const groups = value.split(':').filter((g) => g !== '');
  // Eight groups, or fewer with one "::"; a clock time (12:00:00) has neither.
  return doubled === 1 ? groups.length >= 1 && groups.length < 8 : groups.length === 8;
}

/**
 * A digit run may hold several values separated by spaces ("123.456.789-09 11 98765-4321"), and
 * one value may hold spaces ("+55 11 98765 4321"): from each space-separated piece, the longest
 * stretch of pieces that reads as one value wins.
 */
function digitFindings(run: string, offset: number, found: Finding[]): void {
  const pieces = [...run.matchAll(/\S+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  let i = 0;
  while (i < pieces.length) {
    let taken = 0;
    for (let j = pieces.length - 1; j >= i && taken === 0; j -= 1) {
      const start = (pieces[i] as { start: number }).start;
      // Trailing separators belong to the sentence, not to the number.
      const value = run.slice(start, (pieces[j] as { end: number }).end).replace(/[().\-/]+$/, '');
      const kind = /\d/.test(value) ? classifyDigits(value) : null;
      if (kind !== null) {
        found.push({ kind, start: offset + start, end: offset + start + value.length, value });
        taken = j - i + 1;
      }
    }
    i += Math.max(taken, 1);
  }
}

/** Every personal value in `text`, left to right, without overlaps. */
export function detect(text: string): Finding[] {
  const found: Finding[] = [];
  const add = (kind: DetectedKind, match: RegExpExecArray): void => {
    found.push({ kind, start: match.index, end: match.index + match[0].length, value: match[0] });
  };
  if (text.includes('@')) {
    for (const match of text.matchAll(EMAIL)) {
      if (!isFake('email', match[0])) add('email', match);
    }
  }
  if (/\d/.test(text)) {
    for (const match of text.matchAll(DIGITS)) digitFindings(match[0], match.index, found);
    for (const match of text.matchAll(IPV4)) {
      if (ipv4(match[0]) && !isFake('ip', match[0])) add('ip', match);
    }
  }
  if (text.includes(':')) {
    for (const match of text.matchAll(IPV6)) {
      if (ipv6(match[0]) && !isFake('ip', match[0])) add('ip', match);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of found) {
    const last = kept[kept.length - 1];
    if (last === undefined || finding.start >= last.end) kept.push(finding);
  }
  return kept;
}

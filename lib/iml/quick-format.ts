// formatDate's quick path: a format made only of numeric tokens (YYYY-MM-DD HH:mm:ss.SSS and
// their short forms) and punctuation, in UTC, is written straight from the Date's UTC fields.
// Every other format (names, ordinals, weeks, offsets, brackets, other zones) goes to dayjs.
// The text is dayjs's, token for token (test/iml/calendar.test.ts compares them).

type Piece = string | ((date: Date) => string);

// dayjs's padStart: shorter text is padded with zeros in front, even after a minus sign.
function pad(value: number, length: number): string {
  const text = String(value);
  return text.length >= length ? text : '0'.repeat(length - text.length) + text;
}

const TOKENS: Readonly<Record<string, (date: Date) => string>> = {
  YYYY: (date) => pad(date.getUTCFullYear(), 4),
  YY: (date) => String(date.getUTCFullYear()).slice(-2),
  M: (date) => String(date.getUTCMonth() + 1),
  MM: (date) => pad(date.getUTCMonth() + 1, 2),
  D: (date) => String(date.getUTCDate()),
  DD: (date) => pad(date.getUTCDate(), 2),
  H: (date) => String(date.getUTCHours()),
  HH: (date) => pad(date.getUTCHours(), 2),
  m: (date) => String(date.getUTCMinutes()),
  mm: (date) => pad(date.getUTCMinutes(), 2),
  s: (date) => String(date.getUTCSeconds()),
  ss: (date) => pad(date.getUTCSeconds(), 2),
  SSS: (date) => pad(date.getUTCMilliseconds(), 3),
};

// Letters are tokens or may become tokens; brackets are literals' syntax. `T` is the one letter
// that is no token in any of them and appears in ISO formats.
const LITERAL = /^[^A-Za-z[\]]$|^T$/;

/**
 * The format as pieces (literal text, or a field writer), or null when a token is not one of
 * the quick ones. `tokens` is the format split as moment splits it (dates.ts).
 */
export function quickPlan(tokens: readonly string[]): readonly Piece[] | null {
  if (tokens.length === 0) return null;
  const pieces: Piece[] = [];
  for (const token of tokens) {
    const writer = TOKENS[token];
    if (writer !== undefined && Object.hasOwn(TOKENS, token)) pieces.push(writer);
    else if (LITERAL.test(token)) pieces.push(token);
    else return null;
  }
  return pieces;
}

/** Writes `date` (valid) with a plan from quickPlan. */
export function quickFormat(date: Date, plan: readonly Piece[]): string {
  let text = '';
  for (const piece of plan) text += typeof piece === 'string' ? piece : piece(date);
  return text;
}

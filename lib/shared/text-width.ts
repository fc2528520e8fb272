// How many columns prettier gives a piece of text, for the printers that write prettier's output
// without loading prettier (json-print.ts, the docs' tables). Prettier counts East Asian wide
// characters and emoji as two columns, combining marks and C1 controls as none; this answers only
// for text where every character is one column wide, and callers hand anything else to prettier.
// One column each: ASCII, U+00A0–U+10FF (Latin, Greek, Cyrillic, Hebrew, Arabic, …) and
// U+2000–U+2319 (punctuation such as ’ … —, currency, arrows, maths) but U+2028/U+2029, less the
// combining marks among them.

/** Ranges where prettier measures every character but the marks as one column. */
const NARROW = /^[\x20-\x7e\u00a0-\u10ff\u2000-\u2027\u202a-\u2319]*$/;
/** Combining marks: zero columns for prettier. */
const MARK = /[\p{Mn}\p{Me}]/u;

/** `text`'s width in columns when every character is one column wide; undefined otherwise. */
export function narrowWidth(text: string): number | undefined {
  // Every character of the narrow ranges is one UTF-16 unit, so the length is the width.
  return NARROW.test(text) && !MARK.test(text) ? text.length : undefined;
}

// A parameter's help as a short plain sentence, for one-line messages and tables.

/** The first sentence of Markdown help (with its full stop), `**` and backticks removed. */
export function firstSentence(help: string): string {
  const plain = help
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = plain.search(/\.(\s|$)/);
  return end === -1 ? plain : plain.slice(0, end + 1);
}

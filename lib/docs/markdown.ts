// Small Markdown builders, writing what prettier would: cell text is made table-safe (one line,
// pipes escaped) and tables are aligned the way prettier aligns them, so a page comes out in
// prettier's form without loading prettier (index.ts hands a page to prettier only when a
// character in it is not one column wide).
import { narrowWidth } from '../shared';

export function cell(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  return text
    .replace(/\r?\n+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/**
 * A table as prettier prints it (no column alignment given): every column as wide as its widest
 * cell and at least 3, cells padded with spaces, the delimiter row all dashes.
 */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((_, column) =>
    Math.max(3, ...[headers, ...rows].map((cells) => columns(cells[column] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((width, column) => pad(cells[column] ?? '', width)).join(' | ')} |`;
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

/** A cell's width; one column per character when it holds a wider one (prettier redoes those). */
function columns(text: string): number {
  return narrowWidth(text) ?? text.length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

export function codeBlock(language: string, text: string): string {
  // A fence longer than any backtick run inside keeps the block intact.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

export function inlineCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

// Make's `.iml.json` files are JSONC: comments are allowed (make-app-format §14.1). The runtime
// strips them when it loads a built app; deploy parses them only to compare with what Make returns
// and uploads the original text, so comments survive on Make as they do with Make's own tooling.
import { ToolError } from '../shared';

/** A JSONC file or section that does not parse. */
export class JsoncError extends ToolError<'JSONC_INVALID'> {}

/** Removes `//` and `/* *\/` comments outside string literals, keeping line structure. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (inString) {
      out += ch;
      if (ch === '\\' && next !== undefined) {
        out += next;
        i += 2;
        continue;
      }
      if (ch === '"') inString = false;
      i += 1;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      // Keep newlines so JSON.parse positions still point at the right line.
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** Parses JSONC text; `where` names the file or section in the error message. */
export function parseJsonc(text: string, where: string): unknown {
  try {
    return JSON.parse(stripJsonComments(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JsoncError('JSONC_INVALID', `${where}: not valid JSON(C): ${reason}`, {
      cause: error,
    });
  }
}

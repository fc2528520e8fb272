// Regular expressions from templates and data run in linear time: `replace(text, "/(a+)+$/", "")`
// with a pattern or text from an API response must not take seconds. Patterns are compiled by
// RE2JS (a port of RE2: no backtracking), and the replacement string keeps JavaScript's meaning
// (`$&`, `$1`…`$99`, `$<name>`, `` $` ``, `$'`, `$$`), which Make's `replace` follows.
//
// RE2JS is required on first use: loading it takes about 11 ms, which every CLI command and every
// test file that loads the engine paid, and few templates use a regular expression.
import type { RE2JS } from 're2js';
import { ImlArgumentError } from '../errors';

let loaded: typeof RE2JS | undefined;
function re2(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  loaded ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return loaded;
}

/** The RE2JS flag each JavaScript flag stands for (g and u change nothing in RE2JS itself). */
const FLAGS: Readonly<Record<string, 'CASE_INSENSITIVE' | 'MULTILINE' | 'DOTALL' | null>> = {
  i: 'CASE_INSENSITIVE',
  m: 'MULTILINE',
  s: 'DOTALL',
  g: null,
  u: null,
};

export interface LinearRegex {
  readonly re: RE2JS;
  readonly global: boolean;
}

/** Compiles `/pattern/flags` for `name`'s argument `index`, or throws a typed argument error. */
export function compileRegex(
  pattern: string,
  flags: string,
  name: string,
  index: number,
): LinearRegex {
  const engine = re2();
  let bits = 0;
  for (const flag of flags) {
    const bit = FLAGS[flag];
    if (bit === undefined) {
      throw new ImlArgumentError(
        `Function '${name}': argument ${index} uses the regular expression flag "${flag}", which is not supported (use g, i, m, s or u)`,
      );
    }
    if (bit !== null) bits |= engine[bit];
  }
  try {
    return { re: engine.compile(pattern, bits), global: flags.includes('g') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImlArgumentError(
      `Function '${name}': argument ${index} is not a valid regular expression, or uses a feature that cannot run in linear time (lookaround, backreferences): ${reason}`,
      undefined,
      { cause: error },
    );
  }
}

/** `text.replace(regex, replacement)` with JavaScript's replacement patterns, in linear time. */
export function replaceRegex(text: string, regex: LinearRegex, replacement: string): string {
  const matcher = regex.re.matcher(text);
  const groups = regex.re.groupCount();
  const named = regex.re.namedGroups();
  let out = '';
  let cursor = 0;
  let from = 0;
  while (from <= text.length && matcher.find(from)) {
    const start = matcher.start();
    const end = matcher.end();
    out +=
      text.slice(cursor, start) + expand(replacement, text, start, end, matcher, groups, named);
    cursor = end;
    if (!regex.global) break;
    // An empty match advances by one character, as JavaScript does.
    from = end === start ? end + 1 : end;
  }
  return out + text.slice(cursor);
}

function expand(
  replacement: string,
  text: string,
  start: number,
  end: number,
  matcher: ReturnType<RE2JS['matcher']>,
  groups: number,
  named: Record<string, number>,
): string {
  if (!replacement.includes('$')) return replacement;
  let out = '';
  for (let i = 0; i < replacement.length; i += 1) {
    const ch = replacement[i] as string;
    const next = replacement[i + 1];
    if (ch !== '$' || next === undefined) {
      out += ch;
      continue;
    }
    if (next === '$') {
      out += '$';
      i += 1;
    } else if (next === '&') {
      out += text.slice(start, end);
      i += 1;
    } else if (next === '`') {
      out += text.slice(0, start);
      i += 1;
    } else if (next === "'") {
      out += text.slice(end);
      i += 1;
    } else if (next === '<' && Object.keys(named).length > 0) {
      const close = replacement.indexOf('>', i + 2);
      if (close === -1) {
        out += ch;
        continue;
      }
      const group = named[replacement.slice(i + 2, close)];
      out += group === undefined ? '' : (matcher.group(group) ?? '');
      i = close;
    } else if (/[0-9]/.test(next)) {
      const two = replacement.slice(i + 1, i + 3);
      const n2 = /^[0-9]{2}$/.test(two) ? Number(two) : NaN;
      const n1 = Number(next);
      if (n2 >= 1 && n2 <= groups) {
        out += matcher.group(n2) ?? '';
        i += 2;
      } else if (n1 >= 1 && n1 <= groups) {
        out += matcher.group(n1) ?? '';
        i += 1;
      } else {
        out += ch;
      }
    } else {
      out += ch;
    }
  }
  return out;
}

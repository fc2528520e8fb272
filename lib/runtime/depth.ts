// Response data can nest as deep as a hostile server likes (a 4 KB body can hold 2,000 levels).
// What the runtime keeps for people to read (the run log, redaction, `log.sanitize`) is cut at a
// fixed depth, so walking it never overflows the stack and JSON.stringify of a log always works.

/** Levels of nesting a logged value keeps; deeper parts become DEEPER_NOT_LOGGED. */
export const MAX_LOGGED_DEPTH = 64;

export const DEEPER_NOT_LOGGED = `[nested deeper than ${MAX_LOGGED_DEPTH} levels: not logged]`;

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Buffer.isBuffer(value);
}

/** True when `value` nests deeper than `max` levels (stops looking at `max + 1`). */
function deeperThan(value: unknown, max: number): boolean {
  if (!isContainer(value)) return false;
  if (max === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) if (deeperThan(child, max - 1)) return true;
  return false;
}

function cut(value: unknown, left: number): unknown {
  if (!isContainer(value)) return value;
  if (left === 0) return DEEPER_NOT_LOGGED;
  if (Array.isArray(value)) return value.map((item) => cut(item, left - 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: cut(child, left - 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** `value` itself when it nests at most `max` levels, else a copy cut at that depth. */
export function boundDepth(value: unknown, max = MAX_LOGGED_DEPTH): unknown {
  return deeperThan(value, max) ? cut(value, max) : value;
}

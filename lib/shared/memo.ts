// A remembered pure function of a string, for the small sets of names and paths a run repeats on
// every request (header names, sanitize paths). Bounded: the strings can come from data or from
// any app a long-lived process (the studio) loads, so past `max` entries it starts over.

/** `compute`, remembering up to `max` results by their key. */
export function memoize<T>(compute: (key: string) => T, max = 1024): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) {
      if (results.size >= max) results.clear();
      result = compute(key);
      results.set(key, result);
    }
    return result;
  };
}

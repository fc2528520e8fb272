// The warning `npm start` and the build print when an example run's output does not match the
// module's interface: Make shows the interface for mapping, so a field typed `date` that comes
// out as an epoch number maps wrongly in every scenario.

/** At most this many problems per module; the rest are counted. */
const MAX_PER_MODULE = 5;

/** The warning's lines (none when every module matches), one per problem, module first. */
export function mismatchWarning(
  rows: readonly { module: string; mismatches: readonly string[] }[],
): string[] {
  const mismatched = rows.filter((row) => row.mismatches.length > 0);
  if (mismatched.length === 0) return [];
  const lines = ['Warning: output that does not match its interface (Make shows the interface):'];
  for (const row of mismatched) {
    for (const problem of row.mismatches.slice(0, MAX_PER_MODULE)) {
      lines.push(`  ${row.module}: ${problem}`);
    }
    if (row.mismatches.length > MAX_PER_MODULE) {
      lines.push(`  ${row.module}: … and ${row.mismatches.length - MAX_PER_MODULE} more`);
    }
  }
  return lines;
}

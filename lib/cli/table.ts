// Bundles as text for a person: a table when the bundles are narrow enough, otherwise one block
// per bundle (Hotmart bundles have 15+ fields; a 300-column table helps nobody). Nested objects
// are flattened one level (`subscriber.email`); deeper values are shown as compact JSON.

const MAX_CELL = 48;
const MAX_TABLE_COLUMNS = 6;

function cellText(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner instanceof Date ? inner.toISOString() : inner,
  );
}

function clip(text: string, width = MAX_CELL): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}

/** Flattens one level of nesting: `{a: {b: 1}}` → `{'a.b': 1}`. */
export function flattenBundle(bundle: unknown): Array<[string, unknown]> {
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) {
    return [['value', bundle]];
  }
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(bundle)) {
    if (
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !(value instanceof Date)
    ) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) out.push([key, value]);
      for (const [child, inner] of entries) out.push([`${key}.${child}`, inner]);
    } else {
      out.push([key, value]);
    }
  }
  return out;
}

export function renderBundles(bundles: readonly unknown[], maxWidth = 100): string {
  if (bundles.length === 0) return 'No bundles.\n';
  const rows = bundles.map((bundle) => new Map(flattenBundle(bundle)));
  const columns: string[] = [];
  for (const row of rows)
    for (const key of row.keys()) if (!columns.includes(key)) columns.push(key);
  const cells = rows.map((row) => columns.map((column) => clip(cellText(row.get(column)))));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const tableWidth = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1);
  const footer = `${bundles.length} bundle${bundles.length === 1 ? '' : 's'}\n`;
  if (columns.length <= MAX_TABLE_COLUMNS && tableWidth <= maxWidth) {
    const line = (values: string[]): string =>
      values
        .map((value, i) => value.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    const out = [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
    return `${out.join('\n')}\n${footer}`;
  }
  const blocks = rows.map((row, index) => {
    const keys = [...row.keys()];
    const keyWidth = Math.max(...keys.map((key) => key.length));
    const valueWidth = Math.max(20, maxWidth - keyWidth - 4);
    const lines = keys.map((key) =>
      `  ${key.padEnd(keyWidth)}  ${clip(cellText(row.get(key)), valueWidth)}`.trimEnd(),
    );
    return [`Bundle ${index + 1}`, ...lines].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${footer}`;
}

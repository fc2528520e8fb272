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

/** Whether bundles with these flattened rows fit a table of `maxWidth` columns. */
function fitsTable(rows: ReadonlyArray<Map<string, unknown>>, maxWidth: number): boolean {
  const columns: string[] = [];
  for (const row of rows)
    for (const key of row.keys()) if (!columns.includes(key)) columns.push(key);
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => clip(cellText(row.get(column))).length)),
  );
  const tableWidth = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1);
  return columns.length <= MAX_TABLE_COLUMNS && tableWidth <= maxWidth;
}

function footerOf(count: number): string {
  return `${count} bundle${count === 1 ? '' : 's'}\n`;
}

/** One bundle as a block: `Bundle n` then one aligned line per (flattened) field. */
function renderBlock(row: Map<string, unknown>, index: number, maxWidth: number): string {
  const keys = [...row.keys()];
  const keyWidth = Math.max(...keys.map((key) => key.length));
  const valueWidth = Math.max(20, maxWidth - keyWidth - 4);
  const lines = keys.map((key) =>
    `  ${key.padEnd(keyWidth)}  ${clip(cellText(row.get(key)), valueWidth)}`.trimEnd(),
  );
  return [`Bundle ${index + 1}`, ...lines].join('\n');
}

export function renderBundles(bundles: readonly unknown[], maxWidth = 100): string {
  if (bundles.length === 0) return 'No bundles.\n';
  const rows = bundles.map((bundle) => new Map(flattenBundle(bundle)));
  const footer = footerOf(bundles.length);
  if (fitsTable(rows, maxWidth)) {
    const columns: string[] = [];
    for (const row of rows)
      for (const key of row.keys()) if (!columns.includes(key)) columns.push(key);
    const cells = rows.map((row) => columns.map((column) => clip(cellText(row.get(column)))));
    const widths = columns.map((column, i) =>
      Math.max(column.length, ...cells.map((line) => (line[i] ?? '').length)),
    );
    const line = (values: string[]): string =>
      values
        .map((value, i) => value.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    const out = [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
    return `${out.join('\n')}\n${footer}`;
  }
  const blocks = rows.map((row, index) => renderBlock(row, index, maxWidth));
  return `${blocks.join('\n\n')}\n\n${footer}`;
}

export interface BundlePrinter {
  add(bundle: unknown): void;
  finish(): void;
}

/**
 * Prints bundles as they arrive, with the same text renderBundles gives for all of them: when
 * the first bundle is too wide for a table, every bundle is a block and each is written at once
 * (a 3,000-bundle search shows its first bundles in a second); otherwise they are kept for the
 * table, which needs every row's width.
 */
export function bundlePrinter(write: (text: string) => void, maxWidth = 100): BundlePrinter {
  const kept: unknown[] = [];
  let streaming: boolean | undefined;
  let count = 0;
  return {
    add(bundle) {
      const row = new Map(flattenBundle(bundle));
      streaming ??= !fitsTable([row], maxWidth);
      if (streaming) write(`${count === 0 ? '' : '\n\n'}${renderBlock(row, count, maxWidth)}`);
      else kept.push(bundle);
      count += 1;
    },
    finish() {
      if (streaming === true) write(`\n\n${footerOf(count)}`);
      else write(renderBundles(kept, maxWidth));
    },
  };
}

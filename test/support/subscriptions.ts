// Expected module output for Hotmart subscription items: the item as Hotmart sent it with its four
// epoch-millisecond dates as ISO 8601 (computed here with plain JavaScript, independently of the
// IML the module uses).
const DATE_FIELDS = [
  'accession_date',
  'end_accession_date',
  'request_date',
  'date_next_charge',
] as const;

export type Item = Record<string, unknown>;

export function expectedSubscription(item: Item): Item {
  const out: Item = { ...item };
  for (const field of DATE_FIELDS) {
    const value = item[field];
    if (typeof value === 'number') out[field] = new Date(value).toISOString();
  }
  return out;
}

// Expected module output for Hotmart answers that `subscriptions.ts` does not cover: purchases
// (epoch-ms `approved_date`) and the cancel/reactivate bodies (`YYYY-MM-DD HH:mm:ss` text in
// UTC, Hotmart's billing clock). Computed with plain JavaScript, independently of the IML the
// modules use, so a test comparing the two proves the module's conversion rather than repeating
// it.
import type { Item } from './subscriptions';

const HOTMART_TEXT_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** `"YYYY-MM-DD HH:mm:ss"` in UTC at `utcMs` (an oracle for tests). */
export function utcDateTimeText(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** The date fields of the cancel and reactivate bodies. */
const TEXT_DATE_FIELDS = [
  'creation_date',
  'date_last_recurrence',
  'date_next_charge',
  'activation_date',
] as const;

/** `"2024-02-02 09:19:00"` (UTC) → `"2024-02-02T09:19:00.000Z"`. */
function textToIso(text: string): string {
  const match = HOTMART_TEXT_DATE.exec(text);
  if (match === null) throw new Error(`not a Hotmart date-time text: ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second)).toISOString();
}

/** A purchase as the module outputs it: `approved_date` as ISO 8601, `null` kept. */
export function expectedPurchase(item: Item): Item {
  const approved = item['approved_date'];
  return typeof approved === 'number'
    ? { ...item, approved_date: new Date(approved).toISOString() }
    : { ...item };
}

/** A cancel or reactivate body as the module outputs it: its text dates as ISO 8601. */
export function expectedActionOutput(body: Item): Item {
  const out: Item = { ...body };
  for (const field of TEXT_DATE_FIELDS) {
    const value = body[field];
    if (typeof value === 'string') out[field] = textToIso(value);
  }
  return out;
}

/** Epoch milliseconds as the second-precision ISO text the cancel/reactivate bodies carry. */
export function isoToTheSecond(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString();
}

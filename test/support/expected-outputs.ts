// Expected module output for Hotmart answers that `subscriptions.ts` does not cover: purchases
// (epoch-ms `approved_date`) and the cancel/reactivate bodies (`YYYY-MM-DD HH:mm:ss` text in São
// Paulo time). Computed with plain JavaScript, independently of the IML the modules use, so a
// test comparing the two proves the module's conversion rather than repeating it.
import type { Item } from './subscriptions';

/** São Paulo has been UTC−03:00 all year since Brazil dropped daylight saving in 2019. */
const SAO_PAULO_OFFSET_MS = 3 * 60 * 60 * 1000;

const HOTMART_TEXT_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The date fields of the cancel and reactivate bodies. */
const TEXT_DATE_FIELDS = [
  'creation_date',
  'date_last_recurrence',
  'date_next_charge',
  'activation_date',
] as const;

/** `"2024-02-02 09:19:00"` (São Paulo) → `"2024-02-02T12:19:00.000Z"`. */
export function saoPauloTextToIso(text: string): string {
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
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + SAO_PAULO_OFFSET_MS;
  return new Date(utc).toISOString();
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
    if (typeof value === 'string') out[field] = saoPauloTextToIso(value);
  }
  return out;
}

/** Epoch milliseconds as the second-precision ISO text the cancel/reactivate bodies carry. */
export function isoToTheSecond(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString();
}

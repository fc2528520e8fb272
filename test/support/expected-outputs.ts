// Expected module output for Hotmart answers that `subscriptions.ts` does not cover: purchases
// (epoch-ms `approved_date`) and the cancel/reactivate bodies (`YYYY-MM-DD HH:mm:ss` text in
// Brazil time, America/Sao_Paulo). Computed with plain JavaScript and Node's time-zone data,
// independently of the IML the modules use, so a test comparing the two proves the module's
// conversion rather than repeating it.
import type { Item } from './subscriptions';

const SAO_PAULO = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Sao_Paulo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const HOTMART_TEXT_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** São Paulo's wall-clock time at `utcMs`, written as if it were UTC (offset arithmetic). */
function saoPauloWallClock(utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of SAO_PAULO.formatToParts(new Date(utcMs)))
    parts[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** `"YYYY-MM-DD HH:mm:ss"` in São Paulo at `utcMs`, straight from Intl (an oracle for tests). */
export function saoPauloDateTimeText(utcMs: number): string {
  return new Date(saoPauloWallClock(utcMs)).toISOString().slice(0, 19).replace('T', ' ');
}

/** The date fields of the cancel and reactivate bodies. */
const TEXT_DATE_FIELDS = [
  'creation_date',
  'date_last_recurrence',
  'date_next_charge',
  'activation_date',
] as const;

/** `"2024-02-02 09:19:00"` (São Paulo) → `"2024-02-02T12:19:00.000Z"`. */
function saoPauloTextToIso(text: string): string {
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
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // The zone's offset at that moment (Brazil kept daylight saving time until February 2019):
  // start from standard time (UTC−03:00) and correct once with the offset found there.
  const guess = wall + 3 * 60 * 60 * 1000;
  const offset = saoPauloWallClock(guess) - guess;
  return new Date(wall - offset).toISOString();
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

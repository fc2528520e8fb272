// Wall-clock time in an IANA zone, read from Intl (the runtime's tz database) rather than from
// dayjs's timezone plugin, which reparses locale text and rounds offsets to minutes. Calendar
// arithmetic works on wall time ("the same clock time tomorrow") and must then find the instant
// that wall time names in the zone, which is not unique around a daylight-saving change.

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The zone's UTC offset at `time`, in milliseconds (east of Greenwich positive). */
export function zoneOffset(time: number, zone: string): number {
  if (zone === 'UTC') return 0;
  // Outside Date's range (±8.64e15 ms) Intl throws; NaN propagates to an invalid result instead.
  if (Number.isNaN(new Date(time).getTime())) return Number.NaN;
  const values: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(time)) values[part.type] = part.value;
  const field = (type: string): number => Number(values[type]);
  // Years before 1 CE come as a positive year with era 'B' (1 BC is astronomical year 0).
  const year = values.era?.startsWith('B') === true ? 1 - field('year') : field('year');
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  wall.setUTCFullYear(year, field('month') - 1, field('day'));
  wall.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  const wholeSeconds = Math.floor(time / 1_000) * 1_000;
  return wall.getTime() - wholeSeconds;
}

/** `time` as wall-clock time in `zone`, encoded as the UTC instant with the same fields. */
function toWallTime(time: number, zone: string): number {
  return time + zoneOffset(time, zone);
}

/**
 * The instant whose wall-clock time in `zone` is `wall` (encoded as by toWallTime).
 * - One match: that instant.
 * - Two matches (autumn, the repeated hour): the one with `preferredOffset` when given and
 *   possible, otherwise the earlier one.
 * - No match (spring, the skipped hour): the wall time is read with the offset in force before
 *   the change, which moves it forward by the gap (02:30 in New York on the spring day is 03:30).
 * Transitions are assumed to be more than a day apart (true of every zone in the tz database).
 */
export function fromWallTime(wall: number, zone: string, preferredOffset?: number): number {
  if (zone === 'UTC' || !Number.isFinite(wall)) return wall;
  const before = zoneOffset(wall - DAY_MS, zone);
  const after = zoneOffset(wall + DAY_MS, zone);
  const matches = [wall - before, wall - after].filter(
    (time, i, all) => all.indexOf(time) === i && toWallTime(time, zone) === wall,
  );
  if (preferredOffset !== undefined && matches.includes(wall - preferredOffset)) {
    return wall - preferredOffset;
  }
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
}

// Calendar arithmetic on wall time: a number whose UTC fields are the wall clock in some zone
// (see zones.ts). The results are dayjs's, field for field (dayjs is the engine's reference
// for moment's behaviour, and test/iml/calendar.test.ts compares the two on random input), but
// on native Date setters: dayjs built and validated four objects per step, which made a chain
// of five date functions twenty times slower than hand-written code.

/** Units that add to the calendar (seconds, minutes and hours are durations: see dates.ts). */
export type CalendarUnit = 'day' | 'month' | 'year';
/** Fields that can be set. `day` is the day of the week (0 = Sunday), `date` of the month. */
export type CalendarField = 'second' | 'minute' | 'hour' | 'day' | 'date' | 'month' | 'year';

/**
 * Adds `amount` units: days are rounded to whole days; months and years keep the day of the
 * month when the target month has it and otherwise clamp it to the month's last day
 * (31 January plus one month is 28 or 29 February). May return NaN; callers check.
 */
export function addToWall(wall: number, amount: number, unit: CalendarUnit): number {
  const date = new Date(wall);
  if (unit === 'day') {
    date.setUTCDate(date.getUTCDate() + Math.round(amount));
    return date.getTime();
  }
  const current = unit === 'month' ? date.getUTCMonth() : date.getUTCFullYear();
  return setClamped(date, unit, current + amount);
}

/** Sets one field; values out of range roll over (hour 25 is 01:00 the next day). */
export function setOnWall(wall: number, field: CalendarField, value: number): number {
  const date = new Date(wall);
  switch (field) {
    case 'month':
    case 'year':
      return setClamped(date, field, value);
    case 'day':
      date.setUTCDate(date.getUTCDate() + (value - date.getUTCDay()));
      break;
    case 'date':
      date.setUTCDate(value);
      break;
    case 'hour':
      date.setUTCHours(value);
      break;
    case 'minute':
      date.setUTCMinutes(value);
      break;
    case 'second':
      date.setUTCSeconds(value);
      break;
  }
  return date.getTime();
}

/** Sets the month or year from the 1st of the month, then the day, clamped to the month. */
function setClamped(date: Date, field: 'month' | 'year', value: number): number {
  const day = date.getUTCDate();
  date.setUTCDate(1);
  if (field === 'month') date.setUTCMonth(value);
  else date.setUTCFullYear(value);
  date.setUTCDate(Math.min(day, daysInMonth(date)));
  return date.getTime();
}

// Date.UTC, as dayjs computes it: Date.UTC reads years 0–99 as 1900–1999, so February of
// year 0 has 28 days here as in dayjs (1900 is not a leap year).
function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

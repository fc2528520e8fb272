// Date conversions between Make and Hotmart (hotmart-api.md §3.2). Each function takes the IML
// path of a value and returns a lone-expression template, so the result keeps its type (a date,
// or the original null/undefined when Hotmart sent no date).

/**
 * Hotmart's list and purchase endpoints send epoch milliseconds. The official example once
 * showed 10-digit values, so anything below 10¹¹ (a date in 1973 as ms, 5138 as seconds) is read
 * as seconds.
 */
export function fromEpoch(path: string): string {
  return `{{if(${path}, parseDate(if(${path} < 100000000000, ${path} * 1000, ${path}), 'x'), ${path})}}`;
}

/**
 * Hotmart's `YYYY-MM-DD HH:mm:ss` strings (cancel and reactivate answers) are UTC: Hotmart's
 * billing clock is UTC (evidence in modules/README.md, "Dates received").
 */
const HOTMART_TEXT_DATE_ZONE = 'UTC';

/** The whole text is `YYYY-MM-DD HH:mm:ss` with a plausible month, day and time. */
const HOTMART_TEXT_DATE =
  '/^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]) ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$/';

/**
 * `"2024-02-02 09:19:00"` (UTC) → the date `2024-02-02T09:19:00.000Z`. These dates come back from
 * requests that already changed the subscription, so the output must never fail: anything that is
 * not such a string (Hotmart once answered `"date_last_recurrence": 1`) passes through as text,
 * and an absent or null value stays as it was.
 */
export function fromHotmartText(path: string): string {
  const isHotmartText = `replace(toString(${path}), "${HOTMART_TEXT_DATE}", "") = ""`;
  return `{{if(${path}, if(${isHotmartText}, parseDate(${path}, 'YYYY-MM-DD HH:mm:ss', '${HOTMART_TEXT_DATE_ZONE}'), toString(${path})), ${path})}}`;
}

/**
 * A Make date parameter → epoch milliseconds for Hotmart's query filters. When the parameter is
 * empty the value is `fallback` (an IML expression), by default `undefined`: the key is not sent.
 * Epoch milliseconds do not depend on a time zone, but the engine's `formatDate` shifts `x` by the
 * scenario zone's offset (reported), so the zone is pinned to UTC.
 */
export function toEpochMs(parameter: string, fallback = 'undefined'): string {
  return `{{if(parameters.${parameter}, formatDate(parameters.${parameter}, 'x', 'UTC'), ${fallback})}}`;
}

/** As toEpochMs, but a JSON number, for request bodies (query strings are text anyway). */
export function toEpochMsNumber(parameter: string): string {
  return `{{if(parameters.${parameter}, parseNumber(formatDate(parameters.${parameter}, 'x', 'UTC')), undefined)}}`;
}

/**
 * A date in a Hotmart webhook, as an IML expression (no braces) for use inside larger ones.
 * Webhooks carry epoch milliseconds mostly, some ISO texts, and test events sometimes seconds
 * (hotmart-api.md §8.5): 9–13 digits (a number or digit text) are read as seconds below 12 digits,
 * else milliseconds; anything else (an ISO text is already a Make date) passes through, so a
 * delivery is never lost to an odd date.
 */
export function webhookDateExpression(path: string): string {
  const digits = `toString(${path})`;
  const isEpoch = `replace(${digits}, "/^\\d{9,13}$/", "") = ""`;
  const parsed = `if(length(${digits}) < 12, parseDate(${digits}, "X"), parseDate(${digits}, "x"))`;
  return `if(${path}, if(${isEpoch}, ${parsed}, ${path}), ${path})`;
}

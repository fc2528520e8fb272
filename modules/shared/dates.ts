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
 * The time zone of Hotmart's `YYYY-MM-DD HH:mm:ss` strings (cancel and reactivate responses),
 * which Hotmart does not state: Hotmart is a Brazilian company and its dashboard shows São Paulo
 * time, which has been UTC−03:00 all year since Brazil dropped daylight saving in 2019.
 */
const HOTMART_TEXT_DATE_ZONE = 'America/Sao_Paulo';

/** `"2024-02-02 09:19:00"` (São Paulo time) → the date `2024-02-02T12:19:00.000Z`. */
export function fromHotmartText(path: string): string {
  return `{{if(${path}, parseDate(${path}, 'YYYY-MM-DD HH:mm:ss', '${HOTMART_TEXT_DATE_ZONE}'), ${path})}}`;
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

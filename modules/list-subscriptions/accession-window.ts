// Hotmart's silent 30-day window (hotmart-api.md §4.1): without `accession_date`, GET
// /subscriptions only returns subscriptions that started in the last 30 days, so a search by
// subscriber code, e-mail or transaction for an older subscription finds nothing and looks like
// "no such subscriber". The module never lets that default apply: when the user leaves
// "Accession date from" empty it sends this explicit lower bound, which means "any date".

/** 2000-01-01T00:00:00.000Z, before Hotmart existed (founded 2011): every subscription started later. */
const ALL_SUBSCRIPTIONS_FROM = '2000-01-01T00:00:00.000Z';

export const ALL_SUBSCRIPTIONS_FROM_MS = Date.parse(ALL_SUBSCRIPTIONS_FROM);

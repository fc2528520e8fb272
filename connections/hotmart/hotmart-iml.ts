// IML fragments shared by the base and the connection, so both speak to the same host and word
// Hotmart's errors the same way. They live with the connection, which the base (app/) imports:
// app/ → connections/, never back. Each function returns an IML expression (without braces)
// or a template string, ready to be placed in a request directive.

/** Hotmart's data host for an environment value read from `scope` (`connection` or `parameters`). */
export function dataHost(scope: 'connection' | 'parameters'): string {
  return `https://{{if(${scope}.environment = 'sandbox', 'sandbox', 'developers')}}.hotmart.com`;
}

/**
 * Hotmart's human-readable error text: `error_description`, else `message` (read by some
 * community clients), else a fixed fallback, because some errors arrive with an empty body.
 * A closing full stop is dropped: the error code follows in brackets, and "… found. (not_found)"
 * would read as two sentences.
 */
export const errorDescription =
  "replace(ifempty(body.error_description, ifempty(body.message, 'Hotmart gave no error description')), '/\\.\\s*$/', '')";

/** ` (error_code)` when Hotmart sent its machine-readable `error` code, else nothing. */
export const errorCodeSuffix = "if(body.error, ' (' + body.error + ')', '')";

/** `[404] The subscription was not found (not_found)` */
export const errorMessage = `[{{statusCode}}] {{${errorDescription}}}{{${errorCodeSuffix}}}`;

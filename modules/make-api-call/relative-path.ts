// The "Make an API Call" path must stay on the connection's Hotmart host: the bearer token goes
// with every request, so a path that could move the request elsewhere would hand the token to a
// stranger. Two independent guards:
//
// 1. The `url` parameter only accepts a path that starts with exactly one `/`, has no backslash,
//    whitespace, query string or fragment, and no `..` segment (plain or percent-encoded). The
//    query belongs in "Query string": the runtime, like Make, drops a URL's own query when the
//    request has a `qs`, so a typed `?a=b` would vanish silently. That refuses
//    `https://evil.example/x`, `//evil.example/x`, `/\evil.example`, `@evil.example/x` and
//    `/../x` with a parameter error before any request.
// 2. The communication never passes the value through as typed: it strips every leading slash or
//    backslash and puts one `/` back, so even an unvalidated value is a relative path that the
//    runtime appends to the base URL (`//evil.example/x` → `<host>/evil.example/x`).

/** Parameter pattern for guard 1 (JavaScript RegExp source, anchored). */
export const RELATIVE_PATH_PATTERN =
  '^(?!.*(?:^|/)(?:\\.|%2[eE]){2}(?:/|$))/(?![/\\\\])[^\\s\\\\#?]*$';

/**
 * The request URL for guard 2: always exactly one leading `/`, then the user's path. The regex
 * names the backslash `\x5c` because IML string literals decode `\\` themselves.
 */
export const RELATIVE_URL = "/{{replace(parameters.url, '/^[\\x5c\\/]+/', '')}}";

// Inputs that try to leave the intended endpoint or host. Each must be refused before any request.

/** Subscriber codes that would change the URL path or query if they reached it. */
export const BAD_SUBSCRIBER_CODES: readonly string[] = [
  '../sales',
  'a/b',
  'a?b',
  'a#b',
  '..',
  '%2e%2e',
  'QX7K2M9P/../../sales/history',
  'QX7K 2M9P',
  'QX7K2M9P\n',
  'https://evil.example/x',
  '@evil.example',
];

/** "Make an API Call" URLs that could send the request (and the bearer token) to another host. */
export const BAD_API_CALL_URLS: readonly string[] = [
  'https://evil.example/x',
  'http://evil.example/x',
  '//evil.example/x',
  '///evil.example/x',
  '@evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example/x',
  '/../x',
  '/payments/../../x',
  '/payments/%2e%2e/x',
  '/payments/api/v1/subscriptions?redirect=https://evil.example',
  '/payments#@evil.example',
  'evil.example/x',
  ' /payments/api/v1/subscriptions',
];

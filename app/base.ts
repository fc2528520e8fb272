import type { BaseSpec } from '../lib/types';
import { dataHost, errorMessage } from '../connections/hotmart/hotmart-iml';

// Every module and RPC inherits this: the data host of the connection's environment, the bearer
// token, and Hotmart's error table mapped to Make's error types (hotmart-api.md §3.6).
// Make's scheduler acts on the type: RateLimitError and ConnectionError are retried later,
// InvalidAccessTokenError asks for a token refresh, InvalidConfigurationError stops the scenario
// until the user fixes the connection, DataError and RuntimeError fail the bundle.
export const base: BaseSpec = {
  baseUrl: dataHost('connection'),
  headers: {
    Authorization: 'Bearer {{connection.accessToken}}',
    // Hotmart's documented cURL examples send it on every call, GET included.
    'Content-Type': 'application/json',
  },
  response: {
    error: {
      type: 'RuntimeError',
      message: errorMessage,
      '400': { type: 'DataError', message: errorMessage },
      '401': { type: 'InvalidAccessTokenError', message: errorMessage },
      '403': {
        type: 'InvalidConfigurationError',
        message: `${errorMessage}. Check that your Hotmart credential is allowed to use this resource and that the connection's Environment (Production or Sandbox) matches the credential's type.`,
      },
      '404': { type: 'DataError', message: errorMessage },
      '429': {
        type: 'RateLimitError',
        message: `${errorMessage}. Hotmart allows 500 calls per minute{{if(headers.\`ratelimit-reset\`, '; the quota resets in ' + headers.\`ratelimit-reset\` + ' s', '')}}.`,
      },
      '500': { type: 'ConnectionError', message: errorMessage },
      '502': {
        type: 'RuntimeError',
        message: `${errorMessage}. Hotmart stops queries that run longer than 30 seconds: narrow the date range or add filters.`,
      },
      '503': {
        type: 'ConnectionError',
        message: `${errorMessage}. Try again later.`,
      },
    },
  },
  log: { sanitize: ['request.headers.authorization'] },
};

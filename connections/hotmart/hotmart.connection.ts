import { dataHost, errorCodeSuffix, errorDescription } from './hotmart-iml';
import { defineConnection } from '../../lib/define';
import type { OAuthRequestSpec } from '../../lib/types';

// Hotmart's token endpoint is the same for production and sandbox (hotmart-api.md §1.2, §2).
const TOKEN_URL = 'https://api-sec-vlc.hotmart.com/security/oauth/token';

/**
 * The `Authorization: Basic …` value from the Basic token the user pasted. Hotmart shows it with
 * a leading `Basic ` and users copy it with or without: a case-insensitive prefix is stripped and
 * re-added, so both spellings (and stray spaces) give the same header.
 */
function basicHeader(scope: 'parameters' | 'connection'): string {
  return `Basic {{trim(replace(trim(${scope}.basicToken), '/^basic\\s+/i', ''))}}`;
}

const CHECK_CREDENTIALS =
  'Check the Client ID, Client Secret and Basic Token you copied from Hotmart (Tools → Developer Credentials), and that the Environment matches the type of the credential (Production or Sandbox).';

const TOKEN_UNAVAILABLE = `[{{statusCode}}] Hotmart's authentication service is unavailable: {{${errorDescription}}}{{${errorCodeSuffix}}}. Try again later.`;

// Token and check calls count against the same 500-calls-per-minute quota as every other call.
const RATE_LIMITED = `[{{statusCode}}] Hotmart's rate limit was reached while connecting: {{${errorDescription}}}{{${errorCodeSuffix}}}. Hotmart allows 500 calls per minute; try again in a minute.`;

const DATA_UNAVAILABLE = `[{{statusCode}}] The Hotmart API is unavailable: {{${errorDescription}}}{{${errorCodeSuffix}}}. Try again later.`;

/**
 * The client-credentials grant exactly as Hotmart documents it: the three values in the query
 * string, the Basic token in the header, no body. Used for the first token and for every renewal;
 * `scope` is where the connection parameters live (`parameters` in `token`, `connection` in
 * `refresh`).
 */
function tokenRequest(scope: 'parameters' | 'connection'): OAuthRequestSpec {
  return {
    url: TOKEN_URL,
    method: 'POST',
    qs: {
      grant_type: 'client_credentials',
      client_id: `{{${scope}.clientId}}`,
      client_secret: `{{${scope}.clientSecret}}`,
    },
    headers: { Authorization: basicHeader(scope), 'Content-Type': 'application/json' },
    // Make's editor wants a body on POST; a lone `undefined` sends none, as Hotmart documents.
    body: '{{undefined}}',
    response: {
      data: {
        accessToken: '{{body.access_token}}',
        // Hotmart returns the lifetime in seconds (≈ 48 h today); never hard-code it. OAuth 2
        // makes `expires_in` optional: without a usable one the token is kept with no known
        // expiry, is never renewed ahead of time, and a 401 renews it.
        expires:
          '{{if(toString(body.expires_in) > 0, addSeconds(now, toString(body.expires_in)), undefined)}}',
      },
      error: {
        // Any refusal of the token request means wrong credentials or the wrong environment.
        type: 'InvalidConfigurationError',
        message: `[{{statusCode}}] Hotmart refused the credentials: {{${errorDescription}}}{{${errorCodeSuffix}}}. ${CHECK_CREDENTIALS}`,
        '429': { type: 'RateLimitError', message: RATE_LIMITED },
        '500': { type: 'ConnectionError', message: TOKEN_UNAVAILABLE },
        '502': { type: 'ConnectionError', message: TOKEN_UNAVAILABLE },
        '503': { type: 'ConnectionError', message: TOKEN_UNAVAILABLE },
      },
    },
    log: {
      sanitize: [
        'request.headers.authorization',
        'request.qs.client_secret',
        'response.body.access_token',
      ],
    },
  };
}

export default defineConnection({
  name: 'hotmart',
  label: 'Hotmart',
  type: 'oauth',
  parameters: [
    {
      name: 'clientId',
      type: 'text',
      label: 'Client ID',
      required: true,
      editable: true,
      help: 'In Hotmart, open **Tools → Developer Credentials**, create a credential of type **API Hotmart** (or open an existing one) and copy its **Client ID**.',
    },
    {
      name: 'clientSecret',
      type: 'password',
      label: 'Client Secret',
      required: true,
      editable: true,
      help: 'The **Client Secret** of the same Hotmart credential.',
    },
    {
      name: 'basicToken',
      type: 'password',
      label: 'Basic Token',
      required: true,
      editable: true,
      help: 'The **Basic** token of the same Hotmart credential. Paste it with or without the leading `Basic `.',
    },
    {
      name: 'environment',
      type: 'select',
      label: 'Environment',
      required: true,
      editable: true,
      default: 'production',
      options: [
        { label: 'Production', value: 'production' },
        { label: 'Sandbox', value: 'sandbox' },
      ],
      help: 'Must match the type chosen when the credential was created in Hotmart: a **Production** credential only works with Production, a **Sandbox** credential only with Sandbox.',
    },
  ],
  communication: {
    token: { condition: true, ...tokenRequest('parameters') },
    // Proves the token works against the chosen environment's data host: a production
    // credential used with Sandbox (or the reverse) is accepted by the token endpoint and only
    // fails here.
    info: {
      url: `${dataHost('parameters')}/payments/api/v1/subscriptions`,
      method: 'GET',
      qs: { max_results: 1 },
      headers: {
        Authorization: 'Bearer {{data.accessToken}}',
        'Content-Type': 'application/json',
      },
      response: {
        error: {
          type: 'InvalidConfigurationError',
          message: `[{{statusCode}}] Hotmart refused the access token on the {{parameters.environment}} API: {{${errorDescription}}}{{${errorCodeSuffix}}}. ${CHECK_CREDENTIALS}`,
          '429': { type: 'RateLimitError', message: RATE_LIMITED },
          '500': { type: 'ConnectionError', message: DATA_UNAVAILABLE },
          '502': { type: 'ConnectionError', message: DATA_UNAVAILABLE },
          '503': { type: 'ConnectionError', message: DATA_UNAVAILABLE },
        },
      },
      log: { sanitize: ['request.headers.authorization'] },
    },
    // Renew ahead of expiry rather than waiting for a 401 (Make's client-credentials pattern).
    refresh: {
      condition: '{{data.expires < addMinutes(now, 15)}}',
      ...tokenRequest('connection'),
    },
  },
});

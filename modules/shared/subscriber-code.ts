import type { Parameter } from '../../lib/types';

/**
 * Hotmart subscriber codes are short alphanumeric strings (`QX7K2M9P`). The code goes into the
 * URL path, so anything else (`../sales`, `a/b`, `a?b`, `a#b`) is refused before a request is
 * built: a path segment must never be able to reach another endpoint.
 */
export const SUBSCRIBER_CODE_PATTERN = '^[A-Za-z0-9]{1,32}$';

const HELP =
  "The code Hotmart gives the subscriber of one subscription product, for example `QX7K2M9P` (letters and digits only). Find it in the Hotmart subscription list or map it from **List Subscriptions**. It is not the buyer's ucode.";

/** The required `subscriber_code` of the single-subscription modules. */
export function subscriberCodeParameter(help = HELP): Parameter {
  return {
    name: 'subscriber_code',
    type: 'text',
    label: 'Subscriber code',
    required: true,
    help,
    validate: { pattern: SUBSCRIBER_CODE_PATTERN },
  };
}

/** An optional `subscriber_code` filter of a list module, checked like the required one. */
export function subscriberCodeFilter(help: string): Parameter {
  return {
    name: 'subscriber_code',
    type: 'text',
    label: 'Subscriber code',
    validate: { pattern: SUBSCRIBER_CODE_PATTERN },
    help,
  };
}

/** The path segment for `subscriber_code`, encoded again as a second line of defence. */
export const SUBSCRIBER_CODE_SEGMENT = '{{encodeURL(parameters.subscriber_code)}}';

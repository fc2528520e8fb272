// Parameters and directives every list-like Hotmart module repeats: the product dropdown, the
// `limit` of bundles per run, and Hotmart's cursor pagination (hotmart-api.md §3.3).
import type { Pagination, Parameter } from '../../lib/types';

/**
 * The product filter: the `listProducts` dropdown, still typed or mapped as a numeric ID.
 * `required` for the modules that list something of one product.
 */
export function productParameter(help: string, required = false): Parameter {
  return {
    name: 'product_id',
    type: 'select',
    label: 'Product',
    options: 'rpc://listProducts',
    // `edit`: the list helps, but an ID can still be typed or mapped.
    mode: 'edit',
    help,
    ...(required ? { required: true } : {}),
  };
}

/** Bundles per run: 1–3200 (Make's limit for paged results), 10 by default. */
export function limitParameter(help: string): Parameter {
  return {
    name: 'limit',
    type: 'uinteger',
    label: 'Limit',
    required: true,
    default: 10,
    validate: { min: 1, max: 3200 },
    help,
  };
}

/** Follow `page_info.next_page_token` while Hotmart gives one. */
export const PAGE_TOKEN_PAGINATION: Pagination = {
  condition: '{{body.page_info.next_page_token}}',
  qs: { page_token: '{{body.page_info.next_page_token}}' },
};

// The offers and plans endpoints take a product's `ucode` (hotmart-api.md §6.2, §6.3) while every
// form holds its numeric `id`: the first request looks the product up into `temp.ucode` (and
// `temp.subscription`, whether it is sold by subscription). It outputs no bundles itself.
import type { RequestSpec } from '../../lib/types';

const LOOKUP: RequestSpec = {
  url: '/products/api/v1/products',
  method: 'GET',
  qs: { id: '{{parameters.product_id}}' },
  response: {
    temp: {
      ucode: '{{first(body.items).ucode}}',
      subscription: '{{first(body.items).is_subscription}}',
    },
    output: '{{emptyarray}}',
  },
};

/** For a module: an unknown ID is an error that says so. */
export const PRODUCT_LOOKUP: RequestSpec = {
  ...LOOKUP,
  response: {
    ...LOOKUP.response,
    valid: {
      condition: '{{length(body.items) > 0}}',
      message: 'Hotmart has no product with the ID {{parameters.product_id}} in this account.',
      type: 'InvalidConfigurationError',
    },
  },
};

/**
 * For a dropdown: nothing is asked before a product is chosen, and an unknown one lists nothing
 * (the next request's condition finds no ucode).
 */
export const PRODUCT_LOOKUP_QUIET: RequestSpec = {
  ...LOOKUP,
  condition: '{{parameters.product_id}}',
};

// The offers and plans endpoints take a product's `ucode` (hotmart-api.md §6.2, §6.3) while every
// form holds its numeric `id`: the first request looks the product up.
import type { RequestSpec } from '../../lib/types';

/** Looks `parameters.product_id` up into `temp.ucode`; an unknown ID is an error that says so. */
export const PRODUCT_LOOKUP: RequestSpec = {
  url: '/products/api/v1/products',
  method: 'GET',
  qs: { id: '{{parameters.product_id}}' },
  response: {
    valid: {
      condition: '{{length(body.items) > 0}}',
      message: 'Hotmart has no product with the ID {{parameters.product_id}} in this account.',
      type: 'InvalidConfigurationError',
    },
    temp: {
      ucode: '{{first(body.items).ucode}}',
      subscription: '{{first(body.items).is_subscription}}',
    },
    // No bundles of its own: the next request lists what the module outputs.
    output: '{{emptyarray}}',
  },
};

// The plan dropdown (hotmart-api.md §6.3): the plans of the product chosen in the same form,
// valued by plan **name**, which List Subscriptions filters by (a plan's `code` is not the plan ID
// subscriptions carry). Like the offers, plans are listed by the product's `ucode`; products not
// sold by subscription are not asked (Hotmart answers 400 for a product without plans).
import { defineRpc } from '../../lib/define';
import { PRODUCT_LOOKUP_QUIET } from '../products/product-lookup';

export default defineRpc({
  name: 'listPlans',
  label: 'Plans of a product',
  connection: 'hotmart',
  parameters: [],
  // The dropdown lists the plans of the product picked above it.
  example: { product_id: { $sample: 'productId' } },
  communication: [
    PRODUCT_LOOKUP_QUIET,
    {
      condition: '{{temp.ucode && temp.subscription}}',
      url: '/products/api/v1/products/{{temp.ucode}}/plans',
      method: 'GET',
      response: {
        iterate: '{{body.items}}',
        output: { label: '{{item.name}} ({{item.code}})', value: '{{item.name}}' },
      },
    },
  ],
});

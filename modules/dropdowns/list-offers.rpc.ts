// The offer dropdown (hotmart-api.md §6.2): the offers of the product chosen in the same form. The
// offers endpoint takes the product's `ucode` while forms hold its numeric `id`, so the RPC first
// looks the product up; without a product chosen there is nothing to list.
import { defineRpc } from '../../lib/define';
import { PRODUCT_LOOKUP_QUIET } from '../products/product-lookup';

export default defineRpc({
  name: 'listOffers',
  label: 'Offers of a product',
  connection: 'hotmart',
  parameters: [],
  // The dropdown lists the offers of the product picked above it.
  example: { product_id: { $sample: 'productId' } },
  communication: [
    PRODUCT_LOOKUP_QUIET,
    {
      condition: '{{temp.ucode}}',
      url: '/products/api/v1/products/{{temp.ucode}}/offers',
      method: 'GET',
      response: {
        iterate: '{{body.items}}',
        output: { label: '{{item.name}} ({{item.code}})', value: '{{item.code}}' },
      },
    },
  ],
});

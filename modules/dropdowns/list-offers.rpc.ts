// The offer dropdown (hotmart-api.md §6.2): the offers of the product chosen in the same form. The
// offers endpoint takes the product's `ucode` while forms hold its numeric `id`, so the RPC first
// looks the product up; without a product chosen there is nothing to list.
import { defineRpc } from '../../lib/define';

export default defineRpc({
  name: 'listOffers',
  label: 'Offers of a product',
  connection: 'hotmart',
  parameters: [],
  communication: [
    {
      condition: '{{parameters.product_id}}',
      url: '/products/api/v1/products',
      method: 'GET',
      qs: { id: '{{parameters.product_id}}' },
      // Outputs no items itself: an unknown product (no ucode) skips the next request, and the
      // chain then ends with this request's output.
      response: { temp: { ucode: '{{first(body.items).ucode}}' }, output: '{{emptyarray}}' },
    },
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

// The product dropdown (hotmart-api.md §6.1): every product of the account, labelled with its name
// and ID, valued by the numeric `id` that subscription filters take.
import { defineRpc } from '../../lib/define';

export default defineRpc({
  name: 'listProducts',
  label: 'Products',
  connection: 'hotmart',
  parameters: [],
  communication: {
    url: '/products/api/v1/products',
    method: 'GET',
    // Hotmart's page size for products is 50 at most; Make keeps an RPC to three pages.
    qs: { max_results: 50 },
    response: {
      iterate: '{{body.items}}',
      output: { label: '{{item.name}} ({{item.id}})', value: '{{item.id}}' },
    },
    pagination: {
      condition: '{{body.page_info.next_page_token}}',
      qs: { page_token: '{{body.page_info.next_page_token}}' },
    },
  },
});

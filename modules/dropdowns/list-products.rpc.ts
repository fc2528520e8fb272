// The product dropdown (hotmart-api.md §6.1): every product of the account, labelled with its name
// and ID, valued by the numeric `id` that subscription filters take.
import { defineRpc } from '../../lib/define';
import { PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';

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
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

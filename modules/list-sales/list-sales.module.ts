import { defineModule } from '../../lib/define';
import { toEpochMs } from '../shared/dates';
import { saleInterface, saleOutput, SALE_STATUSES } from '../shared/sale-item';
import { productParameter, limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import { ORDER_DATE_PARAMETERS } from '../shared/sales-filters';
import samples from './list-sales.samples.json';

export default defineModule({
  name: 'listSales',
  label: 'List Sales',
  description: 'Retrieves sales from the sales history that match the filters, across every page.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    {
      name: 'transaction_status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SALE_STATUSES,
      help: 'Only sales in these statuses. **Leave empty for approved and complete sales only**: that is what Hotmart returns when no status (and no transaction) is given.',
    },
    productParameter('Only sales of this product. Leave empty for every product.'),
    {
      name: 'offer_code',
      type: 'select',
      label: 'Offer',
      options: 'rpc://listOffers',
      mode: 'edit',
      help: 'Only sales through this offer: pick one of the chosen product’s offers, or type or map its code.',
    },
    {
      name: 'transaction',
      type: 'text',
      label: 'Transaction',
      help: 'Only the sale with this transaction code, for example `HP23001902334871`.',
    },
    { name: 'buyer_email', type: 'email', label: 'Buyer email', help: 'Only sales to this buyer.' },
    ...ORDER_DATE_PARAMETERS,
    limitParameter('The maximum number of sales to return during one execution cycle.'),
  ],
  interface: saleInterface,
  samples,
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/history',
    method: 'GET',
    qs: {
      transaction_status: '{{parameters.transaction_status}}',
      product_id: '{{parameters.product_id}}',
      offer_code: '{{parameters.offer_code}}',
      transaction: '{{parameters.transaction}}',
      buyer_email: '{{parameters.buyer_email}}',
      start_date: toEpochMs('start_date'),
      end_date: toEpochMs('end_date'),
      max_results: '{{min(500, parameters.limit)}}',
    },
    response: {
      iterate: '{{body.items}}',
      output: saleOutput,
      limit: '{{parameters.limit}}',
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

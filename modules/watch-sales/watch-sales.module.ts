import { defineModule } from '../../lib/define';
import { saleInterface, saleOutput, SALE_STATUSES } from '../shared/sale-item';
import { productParameter, limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import samples from './watch-sales.samples.json';

/**
 * A sale is new when its approval (its order, for a sale never approved) is later than the last
 * one emitted. Pix and billet sales are approved up to 3 days after the order, so each run asks
 * Hotmart for the orders of the 3 days before the last sale seen and keeps only the new ones.
 */
const SALE_DATE = 'ifempty(item.purchase.approved_date, item.purchase.order_date)';
const LOOK_BACK = `{{if(data.lastDate, formatDate(addDays(data.lastDate, -3), 'x', 'UTC'), undefined)}}`;

export default defineModule({
  name: 'watchSales',
  label: 'Watch Sales',
  description:
    'Triggers when a sale is made (by default when it is approved), from the sales history.',
  type: 'trigger',
  connection: 'hotmart',
  staticParameters: [
    {
      name: 'transaction_status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SALE_STATUSES,
      help: 'Only sales in these statuses. **Leave empty for approved and complete sales only**: that is what Hotmart returns when no status is given.',
    },
    productParameter('Only sales of this product. Leave empty for every product.'),
    limitParameter(
      'The maximum number of sales to return during one execution cycle; the rest come on the next.',
    ),
  ],
  mappableParameters: [],
  interface: saleInterface,
  samples,
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/history',
    method: 'GET',
    qs: {
      // Hotmart clamps list pages to 500 (hotmart-api.md §3.3): fewest requests for a window.
      max_results: 500,
      transaction_status: '{{parameters.transaction_status}}',
      product_id: '{{parameters.product_id}}',
      start_date: LOOK_BACK,
    },
    response: {
      limit: '{{ifempty(parameters.limit, 10)}}',
      iterate: '{{body.items}}',
      output: saleOutput,
      trigger: {
        type: 'date',
        // Hotmart does not document the order of the history; every page of the window is read.
        order: 'unordered',
        id: '{{item.purchase.transaction}}',
        date: `{{${SALE_DATE}}}`,
      },
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
  epoch: {
    qs: { max_results: 50 },
    response: {
      iterate: '{{body.items}}',
      output: {
        label: '{{item.purchase.transaction}} · {{item.product.name}} · {{item.buyer.email}}',
        date: `{{parseDate(${SALE_DATE}, 'x')}}`,
      },
    },
  },
});

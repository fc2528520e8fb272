import { defineModule } from '../../lib/define';
import { toEpochMs } from '../shared/dates';
import { moneyField } from '../shared/interface-parts';
import { productParameter } from '../shared/list-parameters';
import { SALE_STATUSES } from '../shared/sale-item';

export default defineModule({
  name: 'getSalesSummary',
  label: 'Get a Sales Summary',
  description: 'Totals the sales that match the filters, one bundle per currency.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    productParameter('Only sales of this product. Leave empty for every product.'),
    {
      name: 'transaction_status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SALE_STATUSES,
      help: 'Only sales in these statuses. **Leave empty for approved and complete sales only**, as Hotmart does.',
    },
    {
      name: 'start_date',
      type: 'date',
      label: 'Ordered from',
      help: 'A long range can make Hotmart time out (502): narrow it then.',
    },
    { name: 'end_date', type: 'date', label: 'Ordered to' },
  ],
  interface: [
    { name: 'total_items', type: 'number', label: 'Sales' },
    moneyField('total_value', 'Total'),
  ],
  samples: { total_items: 18, total_value: { value: 812.35, currency_code: 'BRL' } },
  example: {},
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/summary',
    method: 'GET',
    qs: {
      product_id: '{{parameters.product_id}}',
      transaction_status: '{{parameters.transaction_status}}',
      start_date: toEpochMs('start_date'),
      end_date: toEpochMs('end_date'),
    },
    // One item per currency: never more than a page.
    response: { iterate: '{{body.items}}', output: '{{item}}' },
  },
});

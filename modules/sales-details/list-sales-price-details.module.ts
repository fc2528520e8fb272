// Sales price details (hotmart-api.md §5.5): the base price, taxes, fees and coupon behind each
// sale's total. This endpoint takes its own list of statuses.
import { defineModule } from '../../lib/define';
import { collectionField, moneyField, numberField, textField } from '../shared/interface-parts';
import { PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import { salesFilterParameters, SALES_FILTER_QS } from '../shared/sales-filters';
import { saleProductField, transactionField } from './product-field';

const PRICE_DETAIL_STATUSES = [
  'APPROVED',
  'BLOCKED',
  'CANCELLED',
  'CHARGEBACK',
  'COMPLETE',
  'EXPIRED',
  'OVERDUE',
  'PARTIALLY_REFUNDED',
  'PRINTED_BILLET',
  'PROTESTED',
  'REFUNDED',
  'STARTED',
  'UNDER_ANALISYS',
  'WAITING_PAYMENT',
].map((value) => ({ label: value, value }));

export default defineModule({
  name: 'listSalesPriceDetails',
  label: 'List Sales Price Details',
  description:
    'Retrieves the base price, taxes, fees and coupon of each sale that matches the filters.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: salesFilterParameters(PRICE_DETAIL_STATUSES, 'price details'),
  interface: [
    transactionField,
    saleProductField,
    moneyField('total', 'Total'),
    moneyField('base', 'Base price'),
    moneyField('vat', 'VAT'),
    moneyField('fee', 'Fee'),
    collectionField('coupon', 'Coupon', [
      textField('code', 'Code'),
      {
        name: 'value',
        type: 'number',
        label: 'Discount',
        help: 'A fraction of the price: `0.1` is 10 %.',
      },
    ]),
    numberField('real_conversion_rate', 'Conversion rate'),
  ],
  samples: {
    transaction: 'HP00000000000001',
    product: { id: 4012345, name: 'Example Course' },
    total: { value: 49.9, currency_code: 'BRL' },
    base: { value: 44.91, currency_code: 'BRL' },
    vat: { value: 0, currency_code: 'BRL' },
    fee: { value: 0, currency_code: 'BRL' },
    coupon: { code: 'EXAMPLE10', value: 0.1 },
    real_conversion_rate: 1,
  },
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/price/details',
    method: 'GET',
    qs: SALES_FILTER_QS,
    response: { iterate: '{{body.items}}', output: '{{item}}', limit: '{{parameters.limit}}' },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

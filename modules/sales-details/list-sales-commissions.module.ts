// Sales commissions (hotmart-api.md §5.4): how each sale's value was split between the producer,
// co-producers, affiliates and add-ons.
import { defineModule } from '../../lib/define';
import { collectionField, numberField, textField } from '../shared/interface-parts';
import { PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import { SALE_STATUSES } from '../shared/sale-item';
import {
  commissionAsParameter,
  salesFilterParameters,
  SALES_FILTER_QS,
} from '../shared/sales-filters';
import { saleProductField, transactionField } from './product-field';

export default defineModule({
  name: 'listSalesCommissions',
  label: 'List Sales Commissions',
  description: 'Retrieves how each sale that matches the filters was split in commissions.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: salesFilterParameters(SALE_STATUSES, 'commissions', [commissionAsParameter]),
  interface: [
    transactionField,
    saleProductField,
    {
      name: 'exchange_rate_currency_payout',
      type: 'number',
      label: 'Payout exchange rate',
      help: '`1` when the commission is paid in the sale’s currency.',
    },
    {
      name: 'commissions',
      type: 'array',
      label: 'Commissions',
      spec: [
        textField('source', 'Source', '`PRODUCER`, `COPRODUCER`, `AFFILIATE` or `ADDON`.'),
        collectionField('commission', 'Commission', [
          numberField('value', 'Value'),
          textField('currency_value', 'Currency code'),
        ]),
        collectionField('user', 'User', [
          textField('ucode', 'User ucode'),
          textField('name', 'Name'),
        ]),
      ],
    },
  ],
  samples: {
    transaction: 'HP00000000000001',
    product: { id: 4012345, name: 'Example Course' },
    exchange_rate_currency_payout: 1,
    commissions: [
      {
        source: 'PRODUCER',
        commission: { value: 40.06, currency_value: 'BRL' },
        user: { ucode: '00000000-0000-4000-8000-000000000002', name: 'Example Producer' },
      },
    ],
  },
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/commissions',
    method: 'GET',
    qs: { ...SALES_FILTER_QS, commission_as: '{{parameters.commission_as}}' },
    response: { iterate: '{{body.items}}', output: '{{item}}', limit: '{{parameters.limit}}' },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

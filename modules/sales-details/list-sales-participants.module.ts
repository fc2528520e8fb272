// Sales participants (hotmart-api.md §5.3): who took part in each sale, the buyer with the
// contact details and address Hotmart holds, the producer, co-producers and affiliates.
import { defineModule } from '../../lib/define';
import type { Parameter } from '../../lib/types';
import { collectionField, textField } from '../shared/interface-parts';
import { PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import { SALE_STATUSES } from '../shared/sale-item';
import {
  commissionAsParameter,
  salesFilterParameters,
  SALES_FILTER_QS,
} from '../shared/sales-filters';
import { saleProductField, transactionField } from './product-field';

const userField: Parameter = collectionField('user', 'User', [
  textField('ucode', 'User ucode'),
  textField('name', 'Name'),
  textField('trade_name', 'Trade name'),
  { name: 'email', type: 'email', label: 'Email' },
  textField('locale', 'Locale', 'For example `pt_BR`.'),
  textField('cellphone', 'Cellphone'),
  textField('phone', 'Phone'),
  {
    name: 'documents',
    type: 'array',
    label: 'Documents',
    spec: [
      textField('value', 'Number'),
      textField('type', 'Type', '`CPF`, `CNPJ`, `RG`, `DNI`, `CIF` or `DOCUMENT`.'),
    ],
  },
  collectionField('address', 'Address', [
    textField('address', 'Street'),
    textField('number', 'Number'),
    textField('complement', 'Complement'),
    textField('neighborhood', 'Neighborhood'),
    textField('city', 'City'),
    textField('state', 'State'),
    textField('zip_code', 'ZIP code'),
    textField('country', 'Country'),
  ]),
]);

export default defineModule({
  name: 'listSalesParticipants',
  label: 'List Sales Participants',
  description:
    'Retrieves who took part in each sale that matches the filters: buyer, producer, co-producers and affiliates.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: salesFilterParameters(SALE_STATUSES, 'participants', [
    { name: 'buyer_email', type: 'email', label: 'Buyer email', help: 'Only sales to this buyer.' },
    commissionAsParameter,
  ]),
  interface: [
    transactionField,
    saleProductField,
    {
      name: 'users',
      type: 'array',
      label: 'Participants',
      spec: [
        textField('role', 'Role', '`PRODUCER`, `BUYER`, `COPRODUCER` or `AFFILIATE`.'),
        userField,
      ],
    },
  ],
  samples: {
    transaction: 'HP00000000000001',
    product: { id: 4012345, name: 'Example Course' },
    users: [
      {
        role: 'BUYER',
        user: {
          ucode: '00000000-0000-4000-8000-000000000001',
          name: 'Example Buyer',
          email: 'buyer@example.com',
          locale: 'pt_BR',
          documents: [{ value: '00000000000', type: 'CPF' }],
        },
      },
    ],
  },
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/users',
    method: 'GET',
    qs: {
      ...SALES_FILTER_QS,
      buyer_email: '{{parameters.buyer_email}}',
      commission_as: '{{parameters.commission_as}}',
    },
    response: { iterate: '{{body.items}}', output: '{{item}}', limit: '{{parameters.limit}}' },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

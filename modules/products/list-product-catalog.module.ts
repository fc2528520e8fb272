// List Products (hotmart-api.md §6.1): the account's products, with the `id` that sales and
// subscription filters take and the `ucode` that offers and plans take.
import { defineModule } from '../../lib/define';
import { fromEpoch } from '../shared/dates';
import { booleanField, dateField, numberField, textField } from '../shared/interface-parts';
import { limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';

const STATUSES = [
  'ACTIVE',
  'DRAFT',
  'PAUSED',
  'NOT_APPROVED',
  'IN_REVIEW',
  'DELETED',
  'CHANGES_PENDING_ON_PRODUCT',
];
const FORMATS = [
  'EBOOK',
  'SOFTWARE',
  'MOBILE_APPS',
  'VIDEOS',
  'AUDIOS',
  'TEMPLATES',
  'IMAGES',
  'ONLINE_COURSE',
  'SERIAL_CODES',
  'ETICKET',
  'ONLINE_SERVICE',
  'ONLINE_EVENT',
  'BUNDLE',
  'COMMUNITY',
  'AGENT',
];
const options = (values: readonly string[]) => values.map((value) => ({ label: value, value }));

export default defineModule({
  name: 'listProductCatalog',
  label: 'List Products',
  description: 'Retrieves the products of the account that match the filters.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    {
      name: 'status',
      type: 'select',
      label: 'Status',
      options: options(STATUSES),
      help: 'Only products in this status. Leave empty for every status.',
    },
    {
      name: 'format',
      type: 'select',
      label: 'Format',
      options: options(FORMATS),
      help: 'Only products of this format. Leave empty for every format.',
    },
    {
      name: 'id',
      type: 'uinteger',
      label: 'Product ID',
      help: 'Only the product with this numeric ID.',
    },
    limitParameter('The maximum number of products to return during one execution cycle.'),
  ],
  interface: [
    numberField('id', 'Product ID'),
    textField('name', 'Name'),
    textField('ucode', 'Product ucode', 'What the offers and plans of the product are listed by.'),
    textField('status', 'Status'),
    textField('format', 'Format'),
    dateField('created_at', 'Created at'),
    booleanField('is_subscription', 'Is a subscription'),
    {
      name: 'warranty_period',
      type: 'number',
      label: 'Warranty period',
      help: 'In days.',
    },
  ],
  samples: {
    id: 4012345,
    name: 'Example Course',
    ucode: '00000000-0000-4000-8000-000000000003',
    status: 'ACTIVE',
    format: 'ONLINE_COURSE',
    created_at: '2023-01-01T00:00:00.000Z',
    is_subscription: true,
    warranty_period: 7,
  },
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/products/api/v1/products',
    method: 'GET',
    qs: {
      status: '{{parameters.status}}',
      format: '{{parameters.format}}',
      id: '{{parameters.id}}',
      // Hotmart pages products by 50 at most.
      max_results: '{{min(50, parameters.limit)}}',
    },
    response: {
      iterate: '{{body.items}}',
      output: { '{{...}}': '{{item}}', created_at: fromEpoch('item.created_at') },
      limit: '{{parameters.limit}}',
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

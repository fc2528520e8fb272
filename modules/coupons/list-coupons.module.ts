import { defineModule } from '../../lib/define';
import { limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import { couponInterface, couponOutput, couponProductParameter } from './coupon-parts';

export default defineModule({
  name: 'listCoupons',
  label: 'List Coupons',
  description: "Retrieves a product's coupons.",
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    couponProductParameter(),
    { name: 'code', type: 'text', label: 'Code', help: 'Only the coupon with this code.' },
    limitParameter('The maximum number of coupons to return during one execution cycle.'),
  ],
  interface: couponInterface,
  samples: {
    id: 700001,
    coupon_code: 'VOLTA10',
    active: true,
    status: 'ACTIVE',
    discount: 0.1,
    start_date: '2024-06-01T00:00:00.000Z',
    time_zone: { id: 'UTC', offset: 0 },
  },
  // The product of a coupon the simulator holds, so the list is not empty.
  example: { product_id: { $sample: 'coupon', field: 'product_id' }, limit: 10 },
  scope: [],
  communication: {
    url: '/products/api/v1/coupon/product/{{encodeURL(parameters.product_id)}}',
    encodeUrl: false,
    method: 'GET',
    qs: { code: '{{parameters.code}}' },
    response: { iterate: '{{body.items}}', output: couponOutput, limit: '{{parameters.limit}}' },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

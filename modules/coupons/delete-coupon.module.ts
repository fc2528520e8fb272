import { defineModule } from '../../lib/define';

export default defineModule({
  name: 'deleteCoupon',
  label: 'Delete a Coupon',
  description: 'Deletes a coupon by its ID.',
  type: 'action',
  crud: 'delete',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    {
      name: 'coupon_id',
      type: 'uinteger',
      label: 'Coupon ID',
      required: true,
      help: 'The numeric ID **List Coupons** gives (not the code buyers type).',
    },
  ],
  interface: [{ name: 'coupon_id', type: 'number', label: 'Coupon ID' }],
  samples: { coupon_id: 700001 },
  example: { coupon_id: { $sample: 'coupon', field: 'id' } },
  scope: [],
  communication: {
    url: '/products/api/v1/coupon/{{parameters.coupon_id}}',
    method: 'DELETE',
    // Hotmart answers `{}`: the output names what was deleted.
    response: { output: { coupon_id: '{{parameters.coupon_id}}' } },
  },
});

import { defineModule } from '../../lib/define';
import { toEpochMsNumber } from '../shared/dates';
import { couponProductParameter } from './coupon-parts';

export default defineModule({
  name: 'createCoupon',
  label: 'Create a Coupon',
  description: 'Creates a discount coupon for a product.',
  type: 'action',
  crud: 'create',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    couponProductParameter(),
    {
      name: 'code',
      type: 'text',
      label: 'Code',
      required: true,
      validate: { max: 25 },
      help: 'What buyers type at checkout, at most 25 characters.',
    },
    {
      name: 'discount',
      type: 'number',
      label: 'Discount (%)',
      required: true,
      validate: { min: 0.01, max: 98.99 },
      help: 'The percentage off, more than 0 and less than 99 (Hotmart takes it as a fraction: the module sends 10 % as `0.1`).',
    },
    { name: 'start_date', type: 'date', label: 'Starts', help: 'Leave empty to start now.' },
    { name: 'end_date', type: 'date', label: 'Ends', help: 'Leave empty for no end.' },
  ],
  interface: [
    { name: 'product_id', type: 'number', label: 'Product ID' },
    { name: 'code', type: 'text', label: 'Code' },
    { name: 'discount', type: 'number', label: 'Discount (fraction)' },
  ],
  samples: { product_id: 4321987, code: 'VOLTA10', discount: 0.1 },
  example: { product_id: { $sample: 'productId' }, code: 'BEMVINDO15', discount: 15 },
  scope: [],
  communication: {
    url: '/products/api/v1/product/{{encodeURL(parameters.product_id)}}/coupon',
    encodeUrl: false,
    method: 'POST',
    body: {
      code: '{{parameters.code}}',
      discount: '{{round(parameters.discount * 100) / 10000}}',
      start_date: toEpochMsNumber('start_date'),
      end_date: toEpochMsNumber('end_date'),
    },
    // Hotmart answers `{}`: the output confirms what was created (List Coupons gives its id).
    response: {
      output: {
        product_id: '{{parseNumber(parameters.product_id)}}',
        code: '{{parameters.code}}',
        discount: '{{round(parameters.discount * 100) / 10000}}',
      },
    },
  },
});

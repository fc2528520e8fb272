// What the coupon modules share (hotmart-api.md §6.4): the product they belong to, and a coupon as
// Hotmart lists it.
import type { Parameter } from '../../lib/types';
import { fromEpoch } from '../shared/dates';

export function couponProductParameter(): Parameter {
  return {
    name: 'product_id',
    type: 'select',
    label: 'Product',
    required: true,
    options: 'rpc://listProducts',
    mode: 'edit',
    help: 'The product the coupon belongs to: pick it, or type or map its numeric ID.',
  };
}

export const couponInterface: Parameter[] = [
  { name: 'id', type: 'number', label: 'Coupon ID', help: 'What **Delete a Coupon** takes.' },
  { name: 'coupon_code', type: 'text', label: 'Code' },
  { name: 'active', type: 'boolean', label: 'Active' },
  { name: 'status', type: 'text', label: 'Status' },
  {
    name: 'discount',
    type: 'number',
    label: 'Discount (fraction)',
    help: 'As Hotmart gives it: `0.1` is 10 %.',
  },
  { name: 'start_date', type: 'date', label: 'Starts' },
  { name: 'end_date', type: 'date', label: 'Ends' },
  {
    name: 'time_zone',
    type: 'collection',
    label: 'Time zone',
    spec: [
      { name: 'id', type: 'text', label: 'ID' },
      { name: 'offset', type: 'number', label: 'Offset' },
    ],
  },
];

export const couponOutput = {
  '{{...}}': '{{item}}',
  start_date: fromEpoch('item.start_date'),
  end_date: fromEpoch('item.end_date'),
};

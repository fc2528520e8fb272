import type { Parameter } from '../../lib/types';

// Output shapes Hotmart repeats across endpoints, described once.

/** `{ value, currency_code }` */
export function priceInterface(label = 'Price'): Parameter {
  return {
    name: 'price',
    type: 'collection',
    label,
    spec: [
      { name: 'value', type: 'number', label: 'Value' },
      { name: 'currency_code', type: 'text', label: 'Currency code' },
    ],
  };
}

/** `{ email, phone }` of the cancel and reactivate responses. */
export const shopperInterface: Parameter = {
  name: 'shopper',
  type: 'collection',
  label: 'Shopper',
  spec: [
    { name: 'email', type: 'email', label: 'Email' },
    { name: 'phone', type: 'text', label: 'Phone' },
  ],
};

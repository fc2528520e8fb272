import type { Parameter } from '../../lib/types';

// Output shapes Hotmart repeats across endpoints, described once.

/** An amount of money, `{ value, currency_code }`, under any name. */
export function moneyField(name: string, label: string): Parameter {
  return {
    name,
    type: 'collection',
    label,
    spec: [
      { name: 'value', type: 'number', label: 'Value' },
      { name: 'currency_code', type: 'text', label: 'Currency code' },
    ],
  };
}

/** `price`: `{ value, currency_code }` */
export function priceInterface(label = 'Price'): Parameter {
  return moneyField('price', label);
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

// Short builders for interface fields, for modules with long output descriptions.
export const textField = (name: string, label: string, help?: string): Parameter =>
  help === undefined ? { name, type: 'text', label } : { name, type: 'text', label, help };
export const numberField = (name: string, label: string): Parameter => ({
  name,
  type: 'number',
  label,
});
export const dateField = (name: string, label: string, help?: string): Parameter =>
  help === undefined ? { name, type: 'date', label } : { name, type: 'date', label, help };
export const booleanField = (name: string, label: string): Parameter => ({
  name,
  type: 'boolean',
  label,
});
export const collectionField = (name: string, label: string, spec: Parameter[]): Parameter => ({
  name,
  type: 'collection',
  label,
  spec,
});

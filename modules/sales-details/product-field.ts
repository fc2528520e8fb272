// `{ id, name }`: the product as the sales detail endpoints name it (hotmart-api.md §5.3–5.5).
import type { Parameter } from '../../lib/types';
import { collectionField, numberField, textField } from '../shared/interface-parts';

export const saleProductField: Parameter = collectionField('product', 'Product', [
  numberField('id', 'Product ID'),
  textField('name', 'Name'),
]);

export const transactionField: Parameter = textField(
  'transaction',
  'Transaction',
  'The sale’s transaction code, as List Sales and Watch Events give it.',
);

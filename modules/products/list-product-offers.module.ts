// List Offers of a Product (hotmart-api.md §6.2): the offers a product is sold through, whose
// `code` List Sales filters by.
import { defineModule } from '../../lib/define';
import { booleanField, priceInterface, textField } from '../shared/interface-parts';
import { PAGE_TOKEN_PAGINATION, productParameter } from '../shared/list-parameters';
import { PRODUCT_LOOKUP } from './product-lookup';

export default defineModule({
  name: 'listProductOffers',
  label: 'List Offers of a Product',
  description: 'Retrieves the offers a product is sold through.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [productParameter('Pick the product, or type or map its numeric ID.', true)],
  interface: [
    textField('code', 'Offer code', 'What List Sales filters offers by.'),
    textField('name', 'Name'),
    textField('description', 'Description'),
    priceInterface(),
    textField('payment_mode', 'Payment mode', 'For example `SUBSCRIPTION` or `UNIQUE_PAYMENT`.'),
    booleanField('is_main_offer', 'Is the main offer'),
    booleanField('is_currency_conversion_enabled', 'Converts currency'),
    booleanField('is_smart_recovery_enabled', 'Smart recovery enabled'),
  ],
  samples: {
    code: 'exmpl123',
    name: 'Monthly offer',
    description: 'Monthly access, renewed automatically',
    price: { value: 49.9, currency_code: 'BRL' },
    payment_mode: 'SUBSCRIPTION',
    is_main_offer: true,
    is_currency_conversion_enabled: false,
    is_smart_recovery_enabled: false,
  },
  example: { product_id: { $sample: 'productId' } },
  scope: [],
  communication: [
    PRODUCT_LOOKUP,
    {
      url: '/products/api/v1/products/{{temp.ucode}}/offers',
      method: 'GET',
      response: { iterate: '{{body.items}}', output: '{{item}}' },
      pagination: PAGE_TOKEN_PAGINATION,
    },
  ],
});

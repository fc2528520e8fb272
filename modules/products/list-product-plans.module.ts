// List Plans of a Product (hotmart-api.md §6.3): the subscription plans of a product. A plan's
// `code` here is not the numeric plan ID subscriptions carry; List Subscriptions filters plans by
// name, which both share.
import { defineModule } from '../../lib/define';
import { booleanField, numberField, priceInterface, textField } from '../shared/interface-parts';
import { PAGE_TOKEN_PAGINATION, productParameter } from '../shared/list-parameters';
import { PRODUCT_LOOKUP } from './product-lookup';

export default defineModule({
  name: 'listProductPlans',
  label: 'List Plans of a Product',
  description: 'Retrieves the subscription plans of a product.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    productParameter(
      'Pick the subscription product, or type or map its numeric ID. A product that is not sold by subscription has no plans: nothing is returned for it.',
      true,
    ),
  ],
  interface: [
    textField('code', 'Plan code', 'Not the numeric plan ID of a subscription.'),
    textField('name', 'Name', 'What List Subscriptions filters plans by.'),
    textField('description', 'Description'),
    priceInterface(),
    textField(
      'periodicity',
      'Periodicity',
      '`WEEKLY`, `MONTHLY`, `BIMONTHLY`, `QUARTERLY`, `BIANNUAL`, `ANNUAL` or `SINGLE_INSTALLMENT`.',
    ),
    numberField('max_installments', 'Installments at most'),
    textField(
      'payment_mode',
      'Payment mode',
      'Hotmart’s Portuguese value, for example `ASSINATURA`.',
    ),
    {
      name: 'trial_period',
      type: 'number',
      label: 'Trial period',
      help: 'In days; absent without a trial.',
    },
    booleanField('is_subscription_recovery_enabled', 'Subscription recovery enabled'),
    booleanField('is_switch_plan_enabled', 'Plan switching enabled'),
  ],
  samples: {
    code: 'plexmpl1',
    name: 'Monthly plan',
    description: 'Charged monthly, cancel any time',
    price: { value: 49.9, currency_code: 'BRL' },
    periodicity: 'MONTHLY',
    max_installments: 1,
    payment_mode: 'ASSINATURA',
    trial_period: 7,
    is_subscription_recovery_enabled: true,
    is_switch_plan_enabled: false,
  },
  example: { product_id: { $sample: 'productId' } },
  scope: [],
  communication: [
    PRODUCT_LOOKUP,
    {
      // Hotmart answers 400 instead of an empty list for a product without plans: products not
      // sold by subscription are not asked.
      condition: '{{temp.subscription}}',
      url: '/products/api/v1/products/{{temp.ucode}}/plans',
      method: 'GET',
      response: { iterate: '{{body.items}}', output: '{{item}}' },
      pagination: PAGE_TOKEN_PAGINATION,
    },
  ],
});

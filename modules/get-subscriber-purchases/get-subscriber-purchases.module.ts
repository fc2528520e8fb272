import { defineModule } from '../../lib/define';
import { fromEpoch } from '../shared/dates';
import { priceInterface } from '../shared/interface-parts';
import { SUBSCRIBER_CODE_SEGMENT, subscriberCodeParameter } from '../shared/subscriber-code';
import samples from './get-subscriber-purchases.samples.json';

export default defineModule({
  name: 'getSubscriberPurchases',
  label: "Get a Subscriber's Purchases",
  description: 'Retrieves every purchase (one per charge) of a subscription.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [subscriberCodeParameter()],
  interface: [
    { name: 'transaction', type: 'text', label: 'Transaction' },
    { name: 'approved_date', type: 'date', label: 'Approved date' },
    {
      name: 'payment_engine',
      type: 'text',
      label: 'Payment engine',
      help: 'For example `HotPay` or `HotPay Internacional`.',
    },
    {
      name: 'status',
      type: 'text',
      label: 'Status',
      help: 'Purchase status, for example `APPROVED`.',
    },
    priceInterface(),
    {
      name: 'payment_type',
      type: 'text',
      label: 'Payment type',
      help: 'For example `CREDIT_CARD` or `PIX`.',
    },
    {
      name: 'payment_method',
      type: 'text',
      label: 'Payment method',
      help: 'For example `CREDIT_CARD_VISA`.',
    },
    {
      name: 'recurrency_number',
      type: 'number',
      label: 'Recurrency number',
      help: 'Which charge of the subscription this purchase paid (1 = the first).',
    },
    { name: 'under_warranty', type: 'boolean', label: 'Under warranty' },
    { name: 'purchase_subscription', type: 'boolean', label: 'Subscription purchase' },
  ],
  samples,
  example: { subscriber_code: { $sample: 'subscriberCode', status: ['ACTIVE'] } },
  scope: [],
  communication: {
    // The code is already encoded segment by segment, so the runtime must not encode it again.
    url: `/payments/api/v1/subscriptions/${SUBSCRIBER_CODE_SEGMENT}/purchases`,
    encodeUrl: false,
    method: 'GET',
    response: {
      // A bare JSON array, not paginated; an empty 200 body means no purchases.
      iterate: '{{ifempty(body, emptyarray)}}',
      output: { '{{...}}': '{{item}}', approved_date: fromEpoch('item.approved_date') },
    },
  },
});

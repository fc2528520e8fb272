import { defineModule } from '../../lib/define';
import { fromHotmartText } from '../shared/dates';
import { shopperInterface } from '../shared/interface-parts';
import { SUBSCRIBER_CODE_SEGMENT, subscriberCodeParameter } from '../shared/subscriber-code';
import samples from './reactivate-subscription.samples.json';

const ACCEPTANCE =
  'Hotmart e-mails the subscriber a link to accept the reactivation; the link is valid for 3 days and the subscription stays `INACTIVE` until the subscriber accepts.';

export default defineModule({
  name: 'reactivateSubscription',
  label: 'Reactivate and Charge a Subscription',
  description:
    "Reactivates a cancelled or inactive subscription once the subscriber accepts Hotmart's e-mail (within 3 days), optionally charging them.",
  type: 'action',
  crud: 'update',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    subscriberCodeParameter(
      `The subscriber code of the cancelled or inactive subscription, for example \`QX7K2M9P\` (letters and digits only). Subscriptions whose term has ended (\`OVERDUE\`) cannot be reactivated. ${ACCEPTANCE}`,
    ),
    {
      name: 'charge',
      type: 'boolean',
      label: 'Charge on reactivation',
      default: false,
      help: '**Yes**: charge the subscriber on the day the reactivation is accepted. **No**: the next charge follows the original billing date. Within the same billing cycle both behave the same.',
    },
  ],
  interface: [
    {
      name: 'status',
      type: 'text',
      label: 'Status',
      help: 'Stays `INACTIVE` until the subscriber accepts the reactivation (within 3 days).',
    },
    { name: 'subscriber_code', type: 'text', label: 'Subscriber code' },
    { name: 'creation_date', type: 'date', label: 'Creation date' },
    {
      name: 'interval_between_charges',
      type: 'number',
      label: 'Interval between charges (days)',
    },
    shopperInterface,
  ],
  samples,
  // Only a cancelled subscription can be reactivated.
  example: {
    subscriber_code: {
      $sample: 'subscriberCode',
      status: ['CANCELLED_BY_CUSTOMER', 'CANCELLED_BY_SELLER', 'CANCELLED_BY_ADMIN'],
    },
    charge: false,
  },
  scope: [],
  communication: {
    url: `/payments/api/v1/subscriptions/${SUBSCRIBER_CODE_SEGMENT}/reactivate`,
    encodeUrl: false,
    method: 'POST',
    // Hotmart's default is `false`; sending it explicitly makes the request say what happens.
    body: { charge: '{{ifempty(parameters.charge, false)}}' },
    response: {
      output: { '{{...}}': '{{body}}', creation_date: fromHotmartText('body.creation_date') },
    },
  },
});

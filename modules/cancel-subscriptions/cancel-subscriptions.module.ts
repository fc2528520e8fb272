import { defineModule } from '../../lib/define';
import {
  bulkResultInterface,
  bulkResultOutput,
  subscriberCodesParameter,
} from '../shared/bulk-result';
import samples from './cancel-subscriptions.samples.json';

export default defineModule({
  name: 'cancelSubscriptions',
  label: 'Cancel a List of Subscriptions',
  description:
    'Cancels several subscriptions in one call; those Hotmart cannot cancel are reported with the reason, not as an error.',
  type: 'action',
  crud: 'update',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    subscriberCodesParameter('cancel'),
    {
      name: 'send_mail',
      type: 'boolean',
      label: 'Send email to the subscribers',
      default: true,
      help: 'Whether Hotmart e-mails each subscriber about the cancellation.',
    },
  ],
  interface: bulkResultInterface,
  samples,
  // One that changes and one that cannot: the partial success the module reports.
  example: {
    subscriber_codes: [
      { $sample: 'subscriberCode', status: ['ACTIVE'] },
      {
        $sample: 'subscriberCode',
        status: ['CANCELLED_BY_CUSTOMER', 'CANCELLED_BY_SELLER', 'CANCELLED_BY_ADMIN'],
      },
    ],
    send_mail: false,
  },
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions/cancel',
    method: 'POST',
    // Hotmart names the list `subscriber_code` (singular name, array value).
    body: {
      subscriber_code: '{{parameters.subscriber_codes}}',
      send_mail: '{{ifempty(parameters.send_mail, true)}}',
    },
    response: { output: bulkResultOutput },
  },
});

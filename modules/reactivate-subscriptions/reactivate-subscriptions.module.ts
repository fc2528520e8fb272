import { defineModule } from '../../lib/define';
import {
  bulkResultInterface,
  bulkResultOutput,
  subscriberCodesParameter,
} from '../shared/bulk-result';
import samples from './reactivate-subscriptions.samples.json';

export default defineModule({
  name: 'reactivateSubscriptions',
  label: 'Reactivate a List of Subscriptions',
  description:
    "Reactivates several subscriptions in one call (each once its subscriber accepts Hotmart's e-mail, within 3 days); those Hotmart cannot reactivate are reported with the reason, not as an error.",
  type: 'action',
  crud: 'update',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    subscriberCodesParameter('reactivate'),
    {
      name: 'charge',
      type: 'boolean',
      label: 'Charge on reactivation',
      default: false,
      help: '**Yes**: charge each subscriber on the day the reactivation is accepted. **No**: the next charge follows the original billing date.',
    },
  ],
  interface: bulkResultInterface,
  samples,
  // One that changes and one that cannot: the partial success the module reports.
  example: {
    subscriber_codes: [
      {
        $sample: 'subscriberCode',
        status: ['CANCELLED_BY_CUSTOMER', 'CANCELLED_BY_SELLER', 'CANCELLED_BY_ADMIN'],
      },
      { $sample: 'subscriberCode', status: ['ACTIVE'] },
    ],
    charge: false,
  },
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions/reactivate',
    method: 'POST',
    // Hotmart names the list `subscriber_code` (singular name, array value).
    body: {
      subscriber_code: '{{parameters.subscriber_codes}}',
      charge: '{{ifempty(parameters.charge, false)}}',
    },
    response: { output: bulkResultOutput },
  },
});

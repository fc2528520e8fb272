import { defineModule } from '../../lib/define';
import { SUBSCRIBER_CODE_SEGMENT, subscriberCodeParameter } from '../shared/subscriber-code';
import samples from './change-due-day.samples.json';

export default defineModule({
  name: 'changeDueDay',
  label: 'Change the Charge Day of a Subscription',
  description: 'Changes the day of the month (or week) on which Hotmart charges a subscription.',
  type: 'action',
  crud: 'update',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    subscriberCodeParameter(),
    {
      name: 'due_day',
      type: 'uinteger',
      label: 'New charge day',
      required: true,
      validate: { min: 1, max: 31 },
      help: 'Day of the month, 1–31 (31 in a 30-day month means the 30th); for a weekly plan 1 = Monday … 7 = Sunday. Hotmart applies it **after** the charge already scheduled, and only to active or late subscriptions outside their trial. Hotmart then sends the `UPDATE_SUBSCRIPTION_CHARGE_DATE` event.',
    },
  ],
  interface: [
    { name: 'subscriber_code', type: 'text', label: 'Subscriber code' },
    { name: 'due_day', type: 'number', label: 'New charge day' },
  ],
  samples,
  // The charge day changes only on an active, non-weekly subscription outside its trial.
  example: {
    subscriber_code: { $sample: 'subscriberCode', status: ['ACTIVE'], trial: false, weekly: false },
    due_day: 15,
  },
  scope: [],
  communication: {
    url: `/payments/api/v1/subscriptions/${SUBSCRIBER_CODE_SEGMENT}`,
    encodeUrl: false,
    method: 'PATCH',
    body: { due_day: '{{parameters.due_day}}' },
    // Hotmart answers 200 with an empty body: the output confirms what was asked.
    response: {
      output: {
        subscriber_code: '{{parameters.subscriber_code}}',
        due_day: '{{parameters.due_day}}',
      },
    },
  },
});

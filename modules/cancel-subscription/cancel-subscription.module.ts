import { defineModule } from '../../lib/define';
import { fromHotmartText } from '../shared/dates';
import { shopperInterface } from '../shared/interface-parts';
import { SUBSCRIBER_CODE_SEGMENT, subscriberCodeParameter } from '../shared/subscriber-code';
import samples from './cancel-subscription.samples.json';

export default defineModule({
  name: 'cancelSubscription',
  label: 'Cancel a Subscription',
  description:
    'Cancels a subscription: Hotmart stops charging the subscriber and ends access when the paid period is over.',
  type: 'action',
  crud: 'update',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    subscriberCodeParameter(),
    {
      name: 'send_mail',
      type: 'boolean',
      label: 'Send email to the subscriber',
      default: true,
      help: 'Whether Hotmart e-mails the subscriber about the cancellation.',
    },
  ],
  interface: [
    {
      name: 'status',
      type: 'text',
      label: 'Status',
      help: 'Hotmart answers `INACTIVE` right after a cancellation.',
    },
    { name: 'subscriber_code', type: 'text', label: 'Subscriber code' },
    { name: 'creation_date', type: 'date', label: 'Creation date' },
    { name: 'current_recurrence', type: 'number', label: 'Current recurrence' },
    { name: 'date_last_recurrence', type: 'date', label: 'Last recurrence date' },
    {
      name: 'date_next_charge',
      type: 'date',
      label: 'Next charge date',
      help: 'After a cancellation, the last day of access.',
    },
    {
      name: 'due_day',
      type: 'number',
      label: 'Due day',
      help: 'Day of the month of the charge; for weekly plans 1 = Monday … 7 = Sunday.',
    },
    { name: 'trial_period', type: 'number', label: 'Trial period (days)' },
    {
      name: 'interval_type_between_charges',
      type: 'text',
      label: 'Interval type between charges',
      help: 'For example `DAY`, `WEEK`, `MONTH`.',
    },
    { name: 'interval_between_charges', type: 'number', label: 'Interval between charges' },
    {
      name: 'max_charge_cycles',
      type: 'number',
      label: 'Maximum charge cycles',
      help: '0 = until the subscriber cancels.',
    },
    { name: 'activation_date', type: 'date', label: 'Activation date' },
    shopperInterface,
  ],
  samples,
  // Only an active subscription can be cancelled.
  example: { subscriber_code: { $sample: 'subscriberCode', status: ['ACTIVE'] }, send_mail: false },
  scope: [],
  communication: {
    url: `/payments/api/v1/subscriptions/${SUBSCRIBER_CODE_SEGMENT}/cancel`,
    encodeUrl: false,
    method: 'POST',
    // Hotmart does not state the default, so the choice is always sent explicitly.
    body: { send_mail: '{{ifempty(parameters.send_mail, true)}}' },
    response: {
      output: {
        '{{...}}': '{{body}}',
        creation_date: fromHotmartText('body.creation_date'),
        date_last_recurrence: fromHotmartText('body.date_last_recurrence'),
        date_next_charge: fromHotmartText('body.date_next_charge'),
        activation_date: fromHotmartText('body.activation_date'),
      },
    },
  },
});

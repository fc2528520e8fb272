// The answer of Hotmart's list endpoints (cancel or reactivate a list, hotmart-api.md §4.4, §4.6):
// 200 with the subscriptions that changed and those that did not, each failure with its `error`.
// A partial failure is a result, not an error: the module reports both lists and their counts.
import type { Parameter } from '../../lib/types';
import { SUBSCRIBER_CODE_PATTERN } from './subscriber-code';
import { shopperInterface } from './interface-parts';

/** Hotmart documents no maximum; 100 per call is what other clients recommend. */
const MAX_CODES = 100;

export function subscriberCodesParameter(action: string): Parameter {
  return {
    name: 'subscriber_codes',
    type: 'array',
    label: 'Subscriber codes',
    required: true,
    spec: {
      name: 'value',
      type: 'text',
      label: 'Subscriber code',
      validate: { pattern: SUBSCRIBER_CODE_PATTERN },
    },
    validate: { minItems: 1, maxItems: MAX_CODES },
    help: `The subscriber codes of the subscriptions to ${action}, at most ${MAX_CODES} per call (letters and digits only, for example \`QX7K2M9P\`).`,
  };
}

const itemSpec = (withError: boolean): Parameter[] => [
  { name: 'subscriber_code', type: 'text', label: 'Subscriber code' },
  { name: 'status', type: 'text', label: 'Status' },
  ...(withError
    ? [
        {
          name: 'error',
          type: 'text',
          label: 'Error',
          help: 'Why Hotmart did not change it, for example `SUBSCRIPTION_ALREADY_CANCELED_OR_OVERDUE`.',
        } as Parameter,
      ]
    : []),
  {
    name: 'creation_date',
    type: 'text',
    label: 'Creation date (UTC)',
    help: "Hotmart's `YYYY-MM-DD HH:mm:ss` text, in UTC: Make cannot convert dates inside a list in an action.",
  },
  { name: 'interval_between_charges', type: 'number', label: 'Interval between charges' },
  // A cancelled subscription comes back with the single cancel's fields too.
  { name: 'current_recurrence', type: 'number', label: 'Current recurrence' },
  { name: 'date_last_recurrence', type: 'text', label: 'Last recurrence date (UTC)' },
  { name: 'date_next_charge', type: 'text', label: 'Next charge date (UTC)' },
  { name: 'due_day', type: 'number', label: 'Due day' },
  { name: 'trial_period', type: 'number', label: 'Trial period (days)' },
  { name: 'interval_type_between_charges', type: 'text', label: 'Interval type between charges' },
  { name: 'max_charge_cycles', type: 'number', label: 'Maximum charge cycles' },
  { name: 'activation_date', type: 'text', label: 'Activation date (UTC)' },
  shopperInterface,
];

export const bulkResultInterface: Parameter[] = [
  { name: 'success_count', type: 'number', label: 'Changed' },
  { name: 'fail_count', type: 'number', label: 'Not changed' },
  {
    name: 'success_subscriptions',
    type: 'array',
    label: 'Changed subscriptions',
    spec: itemSpec(false),
  },
  {
    name: 'fail_subscriptions',
    type: 'array',
    label: 'Subscriptions not changed',
    spec: itemSpec(true),
  },
];

/** Both lists as Hotmart sent them (empty when absent) and their counts. */
export const bulkResultOutput = {
  success_count: '{{length(ifempty(body.success_subscriptions, emptyarray))}}',
  fail_count: '{{length(ifempty(body.fail_subscriptions, emptyarray))}}',
  success_subscriptions: '{{ifempty(body.success_subscriptions, emptyarray)}}',
  fail_subscriptions: '{{ifempty(body.fail_subscriptions, emptyarray)}}',
};

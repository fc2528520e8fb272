import { defineModule } from '../../lib/define';
import { toEpochMs } from '../shared/dates';
import {
  subscriptionInterface,
  subscriptionOutput,
  SUBSCRIPTION_STATUSES,
} from '../shared/subscription-item';
import { subscriberCodeFilter } from '../shared/subscriber-code';
import { ALL_SUBSCRIPTIONS_FROM_MS } from './accession-window';
import { productParameter, limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import samples from './list-subscriptions.samples.json';

/** Hotmart's largest page for /subscriptions (undocumented; 500 is what Hotmart's own examples use). */
const PAGE_SIZE = 500;

export default defineModule({
  name: 'listSubscriptions',
  label: 'List Subscriptions',
  description: 'Retrieves subscriptions that match the filters, across every page of results.',
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    productParameter(
      'Pick the subscription product, or type or map its numeric ID, for example `4321987`.',
    ),
    {
      name: 'plan',
      type: 'array',
      label: 'Plan names',
      spec: {
        name: 'value',
        type: 'select',
        label: 'Plan name',
        options: 'rpc://listPlans',
        mode: 'edit',
      },
      help: 'Only subscriptions to one of these plans, by plan **name**: pick one of the chosen product’s plans, or type or map a name (for example `Plano Mensal Pro`).',
    },
    {
      name: 'plan_id',
      type: 'uinteger',
      label: 'Plan ID',
      help: 'Only subscriptions to the plan with this numeric ID.',
    },
    {
      name: 'status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SUBSCRIPTION_STATUSES,
      help: 'Only subscriptions in one of these statuses. Leave empty for every status.',
    },
    subscriberCodeFilter(
      'Only the subscription with this subscriber code, for example `QX7K2M9P`.',
    ),
    {
      name: 'subscriber_email',
      type: 'email',
      label: 'Subscriber email',
      help: 'Only subscriptions of the subscriber with this e-mail address.',
    },
    {
      name: 'transaction',
      type: 'text',
      label: 'Transaction',
      help: 'Only the subscription created by this purchase transaction, for example `HP23001847561120`.',
    },
    {
      name: 'trial',
      type: 'boolean',
      label: 'Trial',
      help: '**Yes**: only subscriptions with a trial period. **No**: only subscriptions without one. Leave empty for both.',
    },
    {
      name: 'accession_date',
      type: 'date',
      label: 'Accession date from',
      help: 'Only subscriptions that started (access released) on or after this date. **Leave empty to search subscriptions of any date.** Hotmart itself would silently return only the subscriptions of the last 30 days; to avoid that, the module then sends 1 January 2000 as the start.',
    },
    {
      name: 'end_accession_date',
      type: 'date',
      label: 'Cancellation request date to',
      help: "Sent as Hotmart's `end_accession_date` filter. In Hotmart's data this field is the moment the subscriber asked to cancel (only cancelled subscriptions have it), not the end of an accession period. Hotmart does not document how the filter uses it; leave it empty unless you have checked its effect on your account.",
    },
    {
      name: 'cancelation_date',
      type: 'date',
      label: 'Cancellation date from',
      help: 'Only subscriptions cancelled on or after this date.',
    },
    {
      name: 'end_cancelation_date',
      type: 'date',
      label: 'Cancellation date to',
      help: 'Only subscriptions cancelled on or before this date.',
    },
    {
      name: 'date_next_charge',
      type: 'date',
      label: 'Next charge date from',
      help: 'Only subscriptions whose next charge is on or after this date. For cancelled subscriptions this is the last day of access.',
    },
    {
      name: 'end_date_next_charge',
      type: 'date',
      label: 'Next charge date to',
      help: 'Only subscriptions whose next charge is on or before this date.',
    },
    limitParameter(
      "The maximum number of subscriptions to return during one execution cycle (at most 3200, Make's limit for paged results). The module reads Hotmart's pages, up to 500 subscriptions each, until it has this many or Hotmart has no more.",
    ),
  ],
  interface: subscriptionInterface,
  samples,
  // A short page: the tour shows the first bundle.
  example: { limit: 3 },
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions',
    method: 'GET',
    qs: {
      // Arrays become repeated keys (`status=ACTIVE&status=DELAYED`), as Hotmart documents.
      product_id: '{{parameters.product_id}}',
      plan: '{{parameters.plan}}',
      plan_id: '{{parameters.plan_id}}',
      status: '{{parameters.status}}',
      subscriber_code: '{{parameters.subscriber_code}}',
      subscriber_email: '{{parameters.subscriber_email}}',
      transaction: '{{parameters.transaction}}',
      trial: '{{parameters.trial}}',
      accession_date: toEpochMs('accession_date', String(ALL_SUBSCRIPTIONS_FROM_MS)),
      end_accession_date: toEpochMs('end_accession_date'),
      cancelation_date: toEpochMs('cancelation_date'),
      end_cancelation_date: toEpochMs('end_cancelation_date'),
      date_next_charge: toEpochMs('date_next_charge'),
      end_date_next_charge: toEpochMs('end_date_next_charge'),
      // No bigger pages than the bundles wanted, never more than Hotmart serves.
      max_results: `{{min(${PAGE_SIZE}, parameters.limit)}}`,
    },
    response: {
      iterate: '{{body.items}}',
      output: subscriptionOutput,
      limit: '{{parameters.limit}}',
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

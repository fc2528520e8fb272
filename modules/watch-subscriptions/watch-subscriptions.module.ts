import { defineModule } from '../../lib/define';
import { ALL_SUBSCRIPTIONS_FROM_MS } from '../list-subscriptions/accession-window';
import {
  subscriptionInterface,
  subscriptionOutput,
  SUBSCRIPTION_STATUSES,
} from '../shared/subscription-item';
import { productParameter, limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import samples from './watch-subscriptions.samples.json';

/**
 * A subscription is new when its access was released (`accession_date`) after the last one
 * emitted. Each run asks Hotmart for subscriptions released since then (the first run, since
 * 2000: Hotmart alone would return only the last 30 days, hotmart-api.md §4.1).
 */
const SINCE = `{{if(data.lastDate, formatDate(data.lastDate, 'x', 'UTC'), ${ALL_SUBSCRIPTIONS_FROM_MS})}}`;

export default defineModule({
  name: 'watchSubscriptions',
  label: 'Watch Subscriptions',
  description: 'Triggers when a new subscription starts (its access is released).',
  type: 'trigger',
  connection: 'hotmart',
  staticParameters: [
    {
      name: 'status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SUBSCRIPTION_STATUSES,
      help: 'Only new subscriptions in one of these statuses. Leave empty for every status. A change to an existing subscription (a cancellation, a plan switch) is an event: use **Watch Events** for those.',
    },
    productParameter('Only subscriptions of this product. Leave empty for every product.'),
    limitParameter(
      'The maximum number of subscriptions to return during one execution cycle; the rest come on the next.',
    ),
  ],
  mappableParameters: [],
  interface: subscriptionInterface,
  samples,
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions',
    method: 'GET',
    qs: {
      status: '{{parameters.status}}',
      product_id: '{{parameters.product_id}}',
      accession_date: SINCE,
      max_results: 500,
    },
    response: {
      limit: '{{ifempty(parameters.limit, 10)}}',
      iterate: '{{body.items}}',
      output: subscriptionOutput,
      trigger: {
        type: 'date',
        // Hotmart does not document the list's order; every page since the last run is read.
        order: 'unordered',
        id: '{{item.subscriber_code}}',
        date: '{{item.accession_date}}',
      },
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

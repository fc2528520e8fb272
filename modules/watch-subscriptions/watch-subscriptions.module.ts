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
 * Two things the list can tell apart by date (hotmart-api.md §4.1): a subscription is **new**
 * when its access was released (`accession_date`) after the last one emitted, and **cancelled**
 * when the subscriber asked to cancel (`end_accession_date`, the list's `cancelation_date`
 * filter) after the last cancellation emitted. Each run asks Hotmart since then; the first run
 * since 2000, because Hotmart alone would return only subscriptions released in the last 30
 * days, which would also hide the cancellations of older ones. Other changes (plan switches,
 * charge days) carry no date in the list: they are events, for Watch Events.
 */
const CANCELLED = "parameters.watch = 'cancelled'";
const LAST_OR_2000 = `if(data.lastDate, formatDate(data.lastDate, 'x', 'UTC'), ${ALL_SUBSCRIPTIONS_FROM_MS})`;

export default defineModule({
  name: 'watchSubscriptions',
  label: 'Watch Subscriptions',
  description:
    'Triggers when a subscription starts (its access is released), or when one is cancelled.',
  type: 'trigger',
  connection: 'hotmart',
  staticParameters: [
    {
      name: 'watch',
      type: 'select',
      label: 'Watch',
      required: true,
      default: 'new',
      options: [
        { label: 'New subscriptions', value: 'new' },
        { label: 'Cancelled subscriptions', value: 'cancelled' },
      ],
      help: '**New subscriptions**: each subscription once its access is released. **Cancelled subscriptions**: each subscription once the subscriber (or you, or Hotmart) cancels it, dated by the cancellation request. Other changes (a plan switch, a new charge day) are events: use **Watch Events** for those.',
    },
    {
      name: 'status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SUBSCRIPTION_STATUSES,
      help: 'Only subscriptions in one of these statuses now. Leave empty for every status.',
    },
    productParameter('Only subscriptions of this product. Leave empty for every product.'),
    limitParameter(
      'The maximum number of subscriptions to return during one execution cycle; the rest come on the next.',
    ),
  ],
  mappableParameters: [],
  interface: subscriptionInterface,
  samples,
  example: { watch: 'new', limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions',
    method: 'GET',
    qs: {
      status: '{{parameters.status}}',
      product_id: '{{parameters.product_id}}',
      accession_date: `{{if(${CANCELLED}, ${ALL_SUBSCRIPTIONS_FROM_MS}, ${LAST_OR_2000})}}`,
      cancelation_date: `{{if(${CANCELLED}, ${LAST_OR_2000})}}`,
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
        date: `{{if(${CANCELLED}, item.end_accession_date, item.accession_date)}}`,
      },
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

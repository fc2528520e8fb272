import { defineModule } from '../../lib/define';
import { fromEpoch, toEpochMs } from '../shared/dates';
import { subscriberCodeFilter } from '../shared/subscriber-code';
import { ALL_SUBSCRIPTIONS_FROM_MS } from '../list-subscriptions/accession-window';
import { productParameter, limitParameter, PAGE_TOKEN_PAGINATION } from '../shared/list-parameters';
import samples from './list-subscription-summaries.samples.json';

export default defineModule({
  name: 'listSubscriptionSummaries',
  label: 'List Subscription Summaries',
  description:
    "Retrieves each subscription's overview: lifetime, last recurrence and unpaid recurrences (Hotmart's data lags up to 24 hours).",
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    productParameter('Only subscriptions of this product. Leave empty for every product.'),
    subscriberCodeFilter('Only the subscription with this subscriber code.'),
    {
      name: 'accession_date',
      type: 'date',
      label: 'Accession date from',
      help: 'Only subscriptions that started on or after this date. **Leave empty for any date**: the module then sends 1 January 2000, since Hotmart alone would return only the last 30 days.',
    },
    {
      name: 'end_accession_date',
      type: 'date',
      label: 'Accession date to',
      help: 'Only subscriptions that started on or before this date.',
    },
    {
      name: 'date_next_charge',
      type: 'date',
      label: 'Next charge from',
      help: 'Only subscriptions whose next charge is on or after this date.',
    },
    limitParameter('The maximum number of subscriptions to return during one execution cycle.'),
  ],
  interface: [
    { name: 'subscriber_code', type: 'text', label: 'Subscriber code' },
    { name: 'subscription_id', type: 'number', label: 'Subscription ID' },
    { name: 'status', type: 'text', label: 'Status' },
    {
      name: 'lifetime',
      type: 'number',
      label: 'Lifetime (days)',
      help: 'Days since the access was released; 0 for `INACTIVE` and `STARTED`; counted up to the cancellation for cancelled subscriptions.',
    },
    { name: 'accession_date', type: 'date', label: 'Accession date' },
    {
      name: 'end_accession_date',
      type: 'date',
      label: 'Cancellation request date',
      help: 'Absent (or empty) on active subscriptions.',
    },
    { name: 'trial', type: 'boolean', label: 'Trial' },
    {
      name: 'plan',
      type: 'collection',
      label: 'Plan',
      spec: [
        { name: 'name', type: 'text', label: 'Name' },
        { name: 'recurrency_period', type: 'number', label: 'Recurrency period (days)' },
      ],
    },
    {
      name: 'product',
      type: 'collection',
      label: 'Product',
      spec: [
        { name: 'name', type: 'text', label: 'Name' },
        { name: 'id', type: 'number', label: 'ID' },
      ],
    },
    {
      name: 'offer',
      type: 'collection',
      label: 'Offer',
      spec: [{ name: 'code', type: 'text', label: 'Offer code' }],
    },
    {
      name: 'last_recurrency',
      type: 'collection',
      label: 'Last recurrence',
      spec: [
        { name: 'number', type: 'number', label: 'Number' },
        { name: 'request_date', type: 'date', label: 'Requested' },
        {
          name: 'status',
          type: 'text',
          label: 'Status',
          help: '`PAID`, `NOT_PAID`, `CLAIMED`, `REFUNDED` or `CHARGEBACK`.',
        },
        { name: 'transaction_number', type: 'number', label: 'Transaction number' },
        {
          name: 'billing_type',
          type: 'text',
          label: 'Billing type',
          help: '`SUBSCRIPTION`, `SMART_INSTALLMENT` or `SMART_RECOVERY`.',
        },
      ],
    },
    {
      name: 'unpaid_recurrencies',
      type: 'array',
      label: 'Unpaid recurrences',
      spec: [
        { name: 'number', type: 'number', label: 'Number' },
        {
          name: 'charge_date',
          type: 'number',
          label: 'Charge date (epoch ms)',
          help: 'Milliseconds since 1970 (UTC), as Hotmart sends it: Make cannot convert dates inside a list. Use `parseDate(value; "x")`.',
        },
      ],
    },
    {
      name: 'subscriber',
      type: 'collection',
      label: 'Subscriber',
      spec: [
        { name: 'name', type: 'text', label: 'Name' },
        { name: 'id', type: 'number', label: 'User ID' },
        { name: 'email', type: 'email', label: 'Email' },
      ],
    },
  ],
  samples,
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions/summary',
    method: 'GET',
    qs: {
      product_id: '{{parameters.product_id}}',
      subscriber_code: '{{parameters.subscriber_code}}',
      accession_date: toEpochMs('accession_date', String(ALL_SUBSCRIPTIONS_FROM_MS)),
      end_accession_date: toEpochMs('end_accession_date'),
      date_next_charge: toEpochMs('date_next_charge'),
      max_results: '{{min(500, parameters.limit)}}',
    },
    response: {
      iterate: '{{body.items}}',
      output: {
        '{{...}}': '{{item}}',
        accession_date: fromEpoch('item.accession_date'),
        end_accession_date: fromEpoch('item.end_accession_date'),
        last_recurrency: {
          '{{...}}': '{{item.last_recurrency}}',
          request_date: fromEpoch('item.last_recurrency.request_date'),
        },
      },
      limit: '{{parameters.limit}}',
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

import { defineModule } from '../../lib/define';
import { fromEpoch, toEpochMs } from '../shared/dates';
import {
  booleanField,
  collectionField,
  dateField,
  numberField,
  textField,
} from '../shared/interface-parts';
import { limitParameter, PAGE_TOKEN_PAGINATION, productParameter } from '../shared/list-parameters';
import { subscriberCodeFilter } from '../shared/subscriber-code';
import samples from './list-subscription-transactions.samples.json';

const text = textField;
const number = numberField;
const date = dateField;
const bool = booleanField;
const collection = collectionField;

export default defineModule({
  name: 'listSubscriptionTransactions',
  label: 'List Subscription Transactions',
  description:
    "Retrieves subscription charges: each recurrence's payment, retries and commission (Hotmart's data lags up to 24 hours).",
  type: 'search',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    productParameter('Only charges of this product. Leave empty for every product.'),
    subscriberCodeFilter('Only the charges of this subscription.'),
    {
      name: 'transaction',
      type: 'text',
      label: 'Transaction',
      help: 'Only this charge. With a transaction, Hotmart ignores its 30-day default window.',
    },
    {
      name: 'recurrency_status',
      type: 'select',
      label: 'Recurrence status',
      options: ['PAID', 'NOT_PAID', 'CLAIMED', 'REFUNDED', 'CHARGEBACK'].map((value) => ({
        label: value,
        value,
      })),
      help: 'Only charges in this status.',
    },
    {
      name: 'transaction_date',
      type: 'date',
      label: 'Charged from',
      help: '**Leave empty for the last 30 days**: that is Hotmart’s default window for this endpoint.',
    },
    { name: 'end_transaction_date', type: 'date', label: 'Charged to' },
    limitParameter('The maximum number of charges to return during one execution cycle.'),
  ],
  interface: [
    number('subscription_id', 'Subscription ID'),
    text('subscriber_code', 'Subscriber code'),
    text('status', 'Subscription status'),
    text('billing_type', 'Billing type'),
    date('last_update', 'Last update'),
    date('adoption_date', 'Adoption date'),
    date('date_next_charge', 'Next charge'),
    date('last_recurrency_start_date', 'Last recurrence started'),
    date('cancellation_date', 'Cancelled'),
    number('max_cycles', 'Maximum cycles'),
    number('last_recurrency_number', 'Last recurrence number'),
    bool('has_unpaid_recurrency', 'Has an unpaid recurrence'),
    bool('has_credit_card_change', 'Card changed'),
    bool('is_paid_anticipation', 'Paid in advance'),
    bool('is_paid_negotiation', 'Paid by negotiation'),
    collection('trial_info', 'Trial', [
      bool('trial', 'Trial'),
      number('trial_period', 'Trial period (days)'),
      date('trial_end', 'Trial ends'),
    ]),
    collection('product', 'Product', [number('id', 'Product ID'), text('name', 'Name')]),
    collection('plan', 'Plan', [
      text('name', 'Name'),
      number('recurrency_period', 'Recurrency period (days)'),
      text('recurrency_type', 'Recurrency type'),
      text('coupon_code', 'Coupon code'),
      collection('offer', 'Offer', [
        text('key', 'Offer key'),
        text('description', 'Description'),
        text('code', 'Offer code'),
      ]),
    ]),
    collection('recurrency', 'Recurrence', [
      text('status', 'Status'),
      number('number', 'Number'),
      date('start_datetime', 'Started'),
      number('payment_delays_days', 'Days late'),
      text('transaction_type', 'Transaction type'),
      bool('has_retry', 'Will be retried'),
      date('scheduled_retry', 'Next retry'),
      text('number_list', 'Recurrence numbers', 'Comma-separated, for example `3, 4`.'),
      number('transaction_sequence', 'Transaction sequence'),
      bool('is_current_purchase', 'Current purchase'),
    ]),
    collection('purchase', 'Purchase', [
      text('transaction', 'Transaction'),
      date('order_date', 'Ordered'),
      date('approved_date', 'Approved'),
      text('status', 'Status'),
      collection('payment', 'Payment', [
        text('payment_type', 'Payment type'),
        text('credit_card_flag', 'Card brand'),
        text('refusal_message', 'Refusal message'),
        date('refund_chargeback_date', 'Refund or chargeback'),
        date('pix_expiration_date', 'Pix expires'),
        date('billet_expiration_date', 'Billet expires'),
        text('billet_reprint_code', 'Billet reprint code'),
        text('billet_recovery_type', 'Billet recovery type'),
      ]),
      collection('installment', 'Installment', [
        text('installment_type', 'Installment type'),
        number('installment_number', 'Installment number'),
      ]),
      collection('price', 'Price', [
        text('currency', 'Currency'),
        number('value', 'Value'),
        number('total_value', 'Total value'),
      ]),
      collection('commission', 'Commission', [
        number('conversion_rate', 'Conversion rate'),
        text('currency', 'Currency'),
        number('original_value', 'Original value'),
        number('original_paid_value', 'Original paid value'),
        number('producer_value', 'Producer value'),
        number('producer_paid_value', 'Producer paid value'),
      ]),
    ]),
    collection('subscriber', 'Subscriber', [
      number('id', 'User ID'),
      text('name', 'Name'),
      text('email', 'Email'),
      text('phone_ddd', 'Phone area code'),
      text('phone', 'Phone'),
    ]),
    collection('producer', 'Producer', [text('name', 'Name')]),
  ],
  samples,
  example: { limit: 10 },
  scope: [],
  communication: {
    url: '/payments/api/v1/subscriptions/transactions',
    method: 'GET',
    qs: {
      product_id: '{{parameters.product_id}}',
      subscriber_code: '{{parameters.subscriber_code}}',
      transaction: '{{parameters.transaction}}',
      recurrency_status: '{{parameters.recurrency_status}}',
      transaction_date: toEpochMs('transaction_date'),
      end_transaction_date: toEpochMs('end_transaction_date'),
      max_results: '{{min(500, parameters.limit)}}',
    },
    response: {
      iterate: '{{body.items}}',
      output: {
        '{{...}}': '{{item}}',
        last_update: fromEpoch('item.last_update'),
        adoption_date: fromEpoch('item.adoption_date'),
        date_next_charge: fromEpoch('item.date_next_charge'),
        last_recurrency_start_date: fromEpoch('item.last_recurrency_start_date'),
        cancellation_date: fromEpoch('item.cancellation_date'),
        recurrency: {
          '{{...}}': '{{item.recurrency}}',
          start_datetime: fromEpoch('item.recurrency.start_datetime'),
          scheduled_retry: fromEpoch('item.recurrency.scheduled_retry'),
        },
        trial_info: {
          '{{...}}': '{{item.trial_info}}',
          trial_end: fromEpoch('item.trial_info.trial_end'),
        },
        purchase: {
          '{{...}}': '{{item.purchase}}',
          order_date: fromEpoch('item.purchase.order_date'),
          approved_date: fromEpoch('item.purchase.approved_date'),
          payment: {
            '{{...}}': '{{item.purchase.payment}}',
            refund_chargeback_date: fromEpoch('item.purchase.payment.refund_chargeback_date'),
            pix_expiration_date: fromEpoch('item.purchase.payment.pix_expiration_date'),
            billet_expiration_date: fromEpoch('item.purchase.payment.billet_expiration_date'),
          },
        },
      },
      limit: '{{parameters.limit}}',
    },
    pagination: PAGE_TOKEN_PAGINATION,
  },
});

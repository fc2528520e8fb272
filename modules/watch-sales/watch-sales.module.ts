import { defineModule } from '../../lib/define';
import type { Parameter } from '../../lib/types';
import { fromEpoch } from '../shared/dates';
import samples from './watch-sales.samples.json';

// Purchase statuses (hotmart-api.md §9.2).
const SALE_STATUSES = [
  'APPROVED',
  'COMPLETE',
  'BLOCKED',
  'CANCELLED',
  'CHARGEBACK',
  'EXPIRED',
  'NO_FUNDS',
  'OVERDUE',
  'PARTIALLY_REFUNDED',
  'PRE_ORDER',
  'PRINTED_BILLET',
  'PROCESSING_TRANSACTION',
  'PROTESTED',
  'REFUNDED',
  'STARTED',
  'UNDER_ANALISYS',
  'WAITING_PAYMENT',
].map((value) => ({ label: value, value }));

/**
 * A sale is new when its approval (its order, for a sale never approved) is later than the last
 * one emitted. Pix and billet sales are approved up to 3 days after the order, so each run asks
 * Hotmart for the orders of the 3 days before the last sale seen and keeps only the new ones.
 */
const SALE_DATE = 'ifempty(item.purchase.approved_date, item.purchase.order_date)';
const LOOK_BACK = `{{if(data.lastDate, formatDate(addDays(data.lastDate, -3), 'x', 'UTC'), undefined)}}`;

const money = (name: string, label: string): Parameter => ({
  name,
  type: 'collection',
  label,
  spec: [
    { name: 'value', type: 'number', label: 'Value' },
    { name: 'currency_code', type: 'text', label: 'Currency code' },
  ],
});

export default defineModule({
  name: 'watchSales',
  label: 'Watch Sales',
  description:
    'Triggers when a sale is made (by default when it is approved), from the sales history.',
  type: 'trigger',
  connection: 'hotmart',
  staticParameters: [
    {
      name: 'transaction_status',
      type: 'select',
      label: 'Status',
      multiple: true,
      options: SALE_STATUSES,
      help: 'Only sales in these statuses. **Leave empty for approved and complete sales only**: that is what Hotmart returns when no status is given.',
    },
    {
      name: 'product_id',
      type: 'select',
      label: 'Product',
      options: 'rpc://listProducts',
      mode: 'edit',
      help: 'Only sales of this product. Leave empty for every product.',
    },
    {
      name: 'limit',
      type: 'uinteger',
      label: 'Limit',
      required: true,
      default: 10,
      validate: { min: 1, max: 3200 },
      help: 'The maximum number of sales to return during one execution cycle; the rest come on the next.',
    },
  ],
  mappableParameters: [],
  interface: [
    {
      name: 'product',
      type: 'collection',
      label: 'Product',
      spec: [
        { name: 'id', type: 'number', label: 'Product ID' },
        { name: 'name', type: 'text', label: 'Name' },
      ],
    },
    {
      name: 'buyer',
      type: 'collection',
      label: 'Buyer',
      spec: [
        { name: 'name', type: 'text', label: 'Name' },
        { name: 'ucode', type: 'text', label: 'Buyer ucode' },
        { name: 'email', type: 'email', label: 'Email' },
      ],
    },
    {
      name: 'producer',
      type: 'collection',
      label: 'Producer',
      spec: [
        { name: 'name', type: 'text', label: 'Name' },
        { name: 'ucode', type: 'text', label: 'Producer ucode' },
      ],
    },
    {
      name: 'purchase',
      type: 'collection',
      label: 'Purchase',
      spec: [
        { name: 'transaction', type: 'text', label: 'Transaction' },
        { name: 'order_date', type: 'date', label: 'Ordered' },
        {
          name: 'approved_date',
          type: 'date',
          label: 'Approved',
          help: 'Absent when the sale was never paid.',
        },
        { name: 'status', type: 'text', label: 'Status' },
        { name: 'recurrency_number', type: 'number', label: 'Recurrence number' },
        { name: 'is_subscription', type: 'boolean', label: 'Subscription sale' },
        { name: 'commission_as', type: 'text', label: 'Commission as' },
        money('price', 'Price'),
        {
          name: 'payment',
          type: 'collection',
          label: 'Payment',
          spec: [
            { name: 'method', type: 'text', label: 'Method' },
            { name: 'installments_number', type: 'number', label: 'Installments' },
            { name: 'type', type: 'text', label: 'Type' },
          ],
        },
        { name: 'warranty_expire_date', type: 'date', label: 'Warranty ends' },
        {
          name: 'offer',
          type: 'collection',
          label: 'Offer',
          spec: [
            { name: 'payment_mode', type: 'text', label: 'Payment mode' },
            { name: 'code', type: 'text', label: 'Offer code' },
          ],
        },
      ],
    },
  ],
  samples,
  scope: [],
  communication: {
    url: '/payments/api/v1/sales/history',
    method: 'GET',
    qs: {
      // Hotmart clamps list pages to 500 (hotmart-api.md §3.3): fewest requests for a window.
      max_results: 500,
      transaction_status: '{{parameters.transaction_status}}',
      product_id: '{{parameters.product_id}}',
      start_date: LOOK_BACK,
    },
    response: {
      limit: '{{ifempty(parameters.limit, 10)}}',
      iterate: '{{body.items}}',
      output: {
        product: '{{item.product}}',
        buyer: '{{item.buyer}}',
        producer: '{{item.producer}}',
        purchase: {
          '{{...}}': '{{item.purchase}}',
          order_date: fromEpoch('item.purchase.order_date'),
          approved_date: fromEpoch('item.purchase.approved_date'),
          warranty_expire_date: fromEpoch('item.purchase.warranty_expire_date'),
        },
      },
      trigger: {
        type: 'date',
        // Hotmart does not document the order of the history; every page of the window is read.
        order: 'unordered',
        id: '{{item.purchase.transaction}}',
        date: `{{${SALE_DATE}}}`,
      },
    },
    pagination: {
      condition: '{{body.page_info.next_page_token}}',
      qs: { page_token: '{{body.page_info.next_page_token}}' },
    },
  },
  epoch: {
    qs: { max_results: 50 },
    response: {
      iterate: '{{body.items}}',
      output: {
        label: '{{item.purchase.transaction}} · {{item.product.name}} · {{item.buyer.email}}',
        date: `{{parseDate(${SALE_DATE}, 'x')}}`,
      },
    },
  },
});

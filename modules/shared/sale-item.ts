// A sale as `GET /payments/api/v1/sales/history` lists it (hotmart-api.md §5.1): its statuses,
// its interface and its output with the purchase's dates as Make dates. Shared by Watch Sales and
// List Sales.
import type { Parameter } from '../../lib/types';
import { fromEpoch } from './dates';
import { moneyField } from './interface-parts';

/** Purchase statuses (hotmart-api.md §9.2). */
export const SALE_STATUSES = [
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

export const saleInterface: Parameter[] = [
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
      moneyField('price', 'Price'),
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
];

export const saleOutput = {
  product: '{{item.product}}',
  buyer: '{{item.buyer}}',
  producer: '{{item.producer}}',
  purchase: {
    '{{...}}': '{{item.purchase}}',
    order_date: fromEpoch('item.purchase.order_date'),
    approved_date: fromEpoch('item.purchase.approved_date'),
    warranty_expire_date: fromEpoch('item.purchase.warranty_expire_date'),
  },
};

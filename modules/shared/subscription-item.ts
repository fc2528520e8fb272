// A subscription as `GET /payments/api/v1/subscriptions` lists it (hotmart-api.md §4.1): its
// statuses, its interface and its output with dates as Make dates. Shared by List Subscriptions
// and Watch Subscriptions.
import type { Parameter } from '../../lib/types';
import { fromEpoch } from './dates';
import { priceInterface } from './interface-parts';

export const SUBSCRIPTION_STATUSES: Array<{ label: string; value: string }> = [
  { label: 'Active', value: 'ACTIVE' },
  { label: 'Delayed (last charge overdue, still within term)', value: 'DELAYED' },
  { label: 'Overdue (term ended)', value: 'OVERDUE' },
  { label: 'Inactive (first charge never confirmed)', value: 'INACTIVE' },
  { label: 'Started (first charge not paid yet)', value: 'STARTED' },
  { label: 'Cancelled by customer', value: 'CANCELLED_BY_CUSTOMER' },
  { label: 'Cancelled by seller', value: 'CANCELLED_BY_SELLER' },
  { label: 'Cancelled by admin', value: 'CANCELLED_BY_ADMIN' },
];

export const subscriptionInterface: Parameter[] = [
  { name: 'subscriber_code', type: 'text', label: 'Subscriber code' },
  { name: 'subscription_id', type: 'number', label: 'Subscription ID' },
  { name: 'status', type: 'text', label: 'Status' },
  { name: 'accession_date', type: 'date', label: 'Accession date' },
  {
    name: 'end_accession_date',
    type: 'date',
    label: 'Cancellation request date',
    help: 'When the subscriber asked to cancel (Hotmart’s `end_accession_date`); absent on active subscriptions.',
  },
  { name: 'request_date', type: 'date', label: 'Request date' },
  {
    name: 'date_next_charge',
    type: 'date',
    label: 'Next charge date',
    help: 'For cancelled subscriptions, the last day of access.',
  },
  { name: 'trial', type: 'boolean', label: 'Trial' },
  { name: 'transaction', type: 'text', label: 'Transaction' },
  {
    name: 'plan',
    type: 'collection',
    label: 'Plan',
    spec: [
      { name: 'name', type: 'text', label: 'Name' },
      { name: 'id', type: 'number', label: 'ID' },
      { name: 'recurrency_period', type: 'number', label: 'Recurrency period (days)' },
      { name: 'max_charge_cycles', type: 'number', label: 'Maximum charge cycles' },
    ],
  },
  {
    name: 'product',
    type: 'collection',
    label: 'Product',
    spec: [
      { name: 'id', type: 'number', label: 'ID' },
      { name: 'name', type: 'text', label: 'Name' },
      { name: 'ucode', type: 'text', label: 'Ucode' },
    ],
  },
  priceInterface(),
  {
    name: 'subscriber',
    type: 'collection',
    label: 'Subscriber',
    spec: [
      { name: 'name', type: 'text', label: 'Name' },
      { name: 'email', type: 'email', label: 'Email' },
      { name: 'ucode', type: 'text', label: 'Ucode' },
    ],
  },
];

export const subscriptionOutput = {
  '{{...}}': '{{item}}',
  accession_date: fromEpoch('item.accession_date'),
  end_accession_date: fromEpoch('item.end_accession_date'),
  request_date: fromEpoch('item.request_date'),
  date_next_charge: fromEpoch('item.date_next_charge'),
};

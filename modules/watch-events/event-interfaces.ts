// The `data` of each event family (hotmart-api.md §8.5–§8.11), as Make interface fields. Make shows
// one interface per module, so Watch Events declares their union (`dataInterface`); each family's
// own list is kept here so a test can check every family's payload against its part.
import type { Parameter } from '../../lib/types';
import type { EventFamily } from './events';
import {
  booleanField,
  collectionField,
  dateField,
  numberField,
  textField,
} from '../shared/interface-parts';

const text = textField;
const number = numberField;
const date = dateField;
const bool = booleanField;
const collection = collectionField;
const list = (name: string, label: string, spec: Parameter[]): Parameter => ({
  name,
  type: 'array',
  label,
  spec,
});

/** Webhook money: `{ value, currency_value }` (the REST API says `currency_code`). */
const money = (name: string, label: string): Parameter =>
  collection(name, label, [number('value', 'Value'), text('currency_value', 'Currency')]);

const idName = (name: string, label: string): Parameter =>
  collection(name, label, [number('id', 'ID'), text('name', 'Name')]);

const address = collection('address', 'Address', [
  text('country', 'Country'),
  text('country_iso', 'Country ISO code'),
  text('state', 'State'),
  text('city', 'City'),
  text('neighborhood', 'Neighborhood'),
  text('zipcode', 'ZIP code'),
  text('address', 'Street'),
  text('number', 'Number'),
  text('complement', 'Complement'),
]);

const purchaseFamily: Parameter[] = [
  collection('product', 'Product', [
    number('id', 'Product ID'),
    text('ucode', 'Product ucode'),
    text('name', 'Name'),
    bool('has_co_production', 'Has co-production'),
    date('warranty_date', 'Warranty ends'),
    text('support_email', 'Support email'),
    bool('is_physical_product', 'Physical product'),
  ]),
  list('affiliates', 'Affiliates', [
    text('affiliate_code', 'Affiliate code'),
    text('name', 'Name'),
  ]),
  collection('buyer', 'Buyer', [
    text('email', 'Email'),
    text('name', 'Name'),
    text('first_name', 'First name'),
    text('last_name', 'Last name'),
    text('checkout_phone_code', 'Phone area code'),
    text('checkout_phone', 'Phone'),
    text('document', 'Document'),
    text('document_type', 'Document type'),
    address,
  ]),
  collection('producer', 'Producer', [
    text('name', 'Name'),
    text('document', 'Document'),
    text('legal_nature', 'Legal nature'),
  ]),
  list('commissions', 'Commissions', [
    number('value', 'Value'),
    text('currency_value', 'Currency'),
    text(
      'source',
      'Source',
      '`MARKETPLACE` (Hotmart’s fee), `PRODUCER`, `COPRODUCER`, `AFFILIATE`, `ADDON`.',
    ),
  ]),
  collection('purchase', 'Purchase', [
    date('approved_date', 'Approved'),
    money('full_price', 'Full price'),
    money('original_offer_price', 'Original offer price'),
    money('price', 'Price'),
    collection('offer', 'Offer', [text('code', 'Offer code'), text('coupon_code', 'Coupon code')]),
    number('recurrence_number', 'Recurrence number'),
    bool('subscription_anticipation_purchase', 'Anticipated subscription purchase'),
    collection('checkout_country', 'Checkout country', [
      text('name', 'Name'),
      text('iso', 'ISO code'),
    ]),
    collection('origin', 'Origin', [text('src', 'src'), text('sck', 'sck'), text('xcod', 'xcod')]),
    collection('order_bump', 'Order bump', [bool('is_order_bump', 'Is an order bump')]),
    date('order_date', 'Ordered'),
    date('date_next_charge', 'Next charge'),
    text(
      'status',
      'Status',
      'Free text as Hotmart sends it, for example `APPROVED`, `CANCELED`, `DISPUTE`.',
    ),
    text('transaction', 'Transaction'),
    collection('payment', 'Payment', [
      text('type', 'Type'),
      number('installments_number', 'Installments'),
    ]),
    text('invoice_by', 'Invoiced by'),
    bool('is_funnel', 'Funnel purchase'),
    text('business_model', 'Business model'),
  ]),
  collection('subscription', 'Subscription', [
    text('status', 'Status'),
    idName('plan', 'Plan'),
    collection('subscriber', 'Subscriber', [text('code', 'Subscriber code')]),
  ]),
];

const subscriptionCancellationFamily: Parameter[] = [
  date('date_next_charge', 'Access ends', 'After a cancellation, no charge happens on this date.'),
  idName('product', 'Product'),
  number('actual_recurrence_value', 'Current recurrence value'),
  collection('subscriber', 'Subscriber', [
    text('code', 'Subscriber code'),
    text('name', 'Name'),
    text('email', 'Email'),
    collection('phone', 'Phone', [
      text('dddPhone', 'Phone area code'),
      text('phone', 'Phone'),
      text('dddCell', 'Mobile area code'),
      text('cell', 'Mobile'),
    ]),
  ]),
  collection('subscription', 'Subscription', [
    number('id', 'Subscription ID'),
    idName('plan', 'Plan'),
  ]),
  date('cancellation_date', 'Cancelled'),
];

const switchPlanFamily: Parameter[] = [
  date('switch_plan_date', 'Switched'),
  collection('subscription', 'Subscription', [
    text('subscriber_code', 'Subscriber code'),
    text('status', 'Status'),
    date('date_next_charge', 'Next charge'),
    idName('product', 'Product'),
    collection('user', 'User', [text('email', 'Email')]),
  ]),
  list('plans', 'Plans', [
    number('id', 'Plan ID'),
    text('name', 'Name'),
    collection('offer', 'Offer', [text('key', 'Offer key')]),
    bool('current', 'Current plan'),
  ]),
];

const chargeDateChangeFamily: Parameter[] = [
  collection('subscriber', 'Subscriber', [
    text('name', 'Name'),
    text('email', 'Email'),
    text('code', 'Subscriber code'),
  ]),
  collection('subscription', 'Subscription', [
    idName('product', 'Product'),
    number('old_charge_day', 'Old charge day'),
    number('new_charge_day', 'New charge day'),
    date('date_next_charge', 'Next charge'),
    text('status', 'Status'),
  ]),
  collection('plan', 'Plan', [
    collection('offer', 'Offer', [text('code', 'Offer code')]),
    text('name', 'Name'),
    number('id', 'Plan ID'),
  ]),
];

const abandonedCartFamily: Parameter[] = [
  bool('affiliate', 'From an affiliate'),
  idName('product', 'Product'),
  collection('buyer', 'Buyer', [
    text('name', 'Name'),
    text('email', 'Email'),
    text('phone', 'Phone'),
  ]),
  collection('offer', 'Offer', [text('code', 'Offer code')]),
  collection('checkout_country', 'Checkout country', [
    text('name', 'Name'),
    text('iso', 'ISO code'),
  ]),
];

const clubFamily: Parameter[] = [
  idName('product', 'Product'),
  collection('user', 'Student', [text('name', 'Name'), text('email', 'Email')]),
  idName('module', 'Module (module completed only)'),
];

const orderFulfillmentFamily: Parameter[] = [
  collection('purchase', 'Purchase', [
    money('full_price', 'Full price'),
    money('price', 'Price'),
    date('approved_date', 'Approved'),
    date('order_date', 'Ordered'),
    number('id', 'Purchase ID'),
    text('transaction', 'Transaction'),
    text('status', 'Status'),
  ]),
  list('line_items', 'Line items', [number('quantity', 'Quantity')]),
  collection('fulfillment_service', 'Fulfilment service', [
    text('service_type', 'Service type', '`MANUAL` or `PARTNER`.'),
    text('service_name', 'Service name'),
  ]),
];

export const FAMILY_INTERFACES: Readonly<Record<EventFamily, Parameter[]>> = {
  purchase: purchaseFamily,
  subscriptionCancellation: subscriptionCancellationFamily,
  switchPlan: switchPlanFamily,
  chargeDateChange: chargeDateChangeFamily,
  abandonedCart: abandonedCartFamily,
  club: clubFamily,
  orderFulfillment: orderFulfillmentFamily,
};

/**
 * Merges parameter lists by name: a collection named in several lists gets the union of their
 * specs (recursively); otherwise the first definition wins.
 */
function union(lists: readonly Parameter[][]): Parameter[] {
  const out: Parameter[] = [];
  for (const list of lists) {
    for (const field of list) {
      const index = out.findIndex((known) => known.name === field.name);
      const known = out[index];
      if (known === undefined) {
        out.push(field);
        continue;
      }
      const knownSpec = (known as { spec?: unknown }).spec;
      const fieldSpec = (field as { spec?: unknown }).spec;
      if (known.type === field.type && Array.isArray(knownSpec) && Array.isArray(fieldSpec)) {
        out[index] = {
          ...known,
          spec: union([knownSpec as Parameter[], fieldSpec as Parameter[]]),
        } as Parameter;
      }
    }
  }
  return out;
}

/** Every family's `data` fields in one collection: what Make shows for Watch Events. */
export const dataInterface: Parameter = collection(
  'data',
  'Data',
  union(Object.values(FAMILY_INTERFACES)),
);

// Hotmart's webhook v2 events (hotmart-api.md §8.4) and the family whose `data` shape each sends.

export type EventFamily =
  | 'purchase'
  | 'subscriptionCancellation'
  | 'switchPlan'
  | 'chargeDateChange'
  | 'abandonedCart'
  | 'club'
  | 'orderFulfillment';

export interface HotmartEvent {
  value: string;
  label: string;
  family: EventFamily;
}

export const HOTMART_EVENTS: readonly HotmartEvent[] = [
  { value: 'PURCHASE_APPROVED', label: 'Purchase approved', family: 'purchase' },
  { value: 'PURCHASE_COMPLETE', label: 'Purchase complete', family: 'purchase' },
  { value: 'PURCHASE_CANCELED', label: 'Purchase canceled', family: 'purchase' },
  { value: 'PURCHASE_REFUNDED', label: 'Purchase refunded', family: 'purchase' },
  { value: 'PURCHASE_CHARGEBACK', label: 'Purchase chargeback', family: 'purchase' },
  {
    value: 'PURCHASE_BILLET_PRINTED',
    label: 'Billet (or Pix) printed, awaiting payment',
    family: 'purchase',
  },
  { value: 'PURCHASE_PROTEST', label: 'Refund requested (dispute)', family: 'purchase' },
  { value: 'PURCHASE_EXPIRED', label: 'Purchase expired unpaid', family: 'purchase' },
  { value: 'PURCHASE_DELAYED', label: 'Recurring payment late', family: 'purchase' },
  {
    value: 'PURCHASE_OUT_OF_SHOPPING_CART',
    label: 'Cart abandoned',
    family: 'abandonedCart',
  },
  {
    value: 'SUBSCRIPTION_CANCELLATION',
    label: 'Subscription cancelled',
    family: 'subscriptionCancellation',
  },
  { value: 'SWITCH_PLAN', label: 'Plan switched', family: 'switchPlan' },
  {
    value: 'UPDATE_SUBSCRIPTION_CHARGE_DATE',
    label: 'Charge day changed',
    family: 'chargeDateChange',
  },
  { value: 'CLUB_FIRST_ACCESS', label: 'Members area: first access', family: 'club' },
  { value: 'CLUB_MODULE_COMPLETED', label: 'Members area: module completed', family: 'club' },
  { value: 'ORDER_FULFILLMENT', label: 'Physical order to fulfil', family: 'orderFulfillment' },
];

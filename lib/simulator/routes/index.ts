// The route table: every Hotmart data endpoint the simulator serves, matched by path only, so one
// origin can stand in for developers.hotmart.com and sandbox.hotmart.com alike.
import { createCoupon, deleteCoupon, listCoupons } from './coupons';
import { productOffers } from './product-offers';
import { productPlans } from './product-plans';
import { salesCommissions, salesParticipants, salesPriceDetails } from './sales-details';
import { salesHistory, salesSummary } from './sales-history';
import { listProducts } from './products';
import type { Route } from './route';
import { cancelSubscription, cancelSubscriptions } from './subscription-cancel';
import { changeSubscriptionDueDay } from './subscription-due-day';
import { subscriptionPurchases } from './subscription-purchases';
import { reactivateSubscription, reactivateSubscriptions } from './subscription-reactivate';
import { listSubscriptions } from './subscriptions-list';
import { subscriptionsSummary } from './subscriptions-summary';
import { subscriptionsTransactions } from './subscriptions-transactions';
import { currentUser } from './user';

const SUBSCRIPTIONS = ['payments', 'api', 'v1', 'subscriptions'];

/** Literal paths come before `:subscriber_code` ones, so `/subscriptions/summary` is not a code. */
const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: SUBSCRIPTIONS, handler: listSubscriptions },
  { method: 'GET', pattern: [...SUBSCRIPTIONS, 'summary'], handler: subscriptionsSummary },
  {
    method: 'GET',
    pattern: [...SUBSCRIPTIONS, 'transactions'],
    handler: subscriptionsTransactions,
  },
  { method: 'POST', pattern: [...SUBSCRIPTIONS, 'cancel'], handler: cancelSubscriptions },
  { method: 'POST', pattern: [...SUBSCRIPTIONS, 'reactivate'], handler: reactivateSubscriptions },
  {
    method: 'GET',
    pattern: [...SUBSCRIPTIONS, ':subscriber_code', 'purchases'],
    handler: subscriptionPurchases,
  },
  {
    method: 'POST',
    pattern: [...SUBSCRIPTIONS, ':subscriber_code', 'cancel'],
    handler: cancelSubscription,
  },
  {
    method: 'POST',
    pattern: [...SUBSCRIPTIONS, ':subscriber_code', 'reactivate'],
    handler: reactivateSubscription,
  },
  {
    method: 'PATCH',
    pattern: [...SUBSCRIPTIONS, ':subscriber_code'],
    handler: changeSubscriptionDueDay,
  },
  { method: 'GET', pattern: ['products', 'api', 'v1', 'products'], handler: listProducts },
  {
    method: 'POST',
    pattern: ['products', 'api', 'v1', 'product', ':product_id', 'coupon'],
    handler: createCoupon,
  },
  {
    method: 'GET',
    pattern: ['products', 'api', 'v1', 'coupon', 'product', ':product_id'],
    handler: listCoupons,
  },
  {
    method: 'DELETE',
    pattern: ['products', 'api', 'v1', 'coupon', ':coupon_id'],
    handler: deleteCoupon,
  },
  {
    method: 'GET',
    pattern: ['products', 'api', 'v1', 'products', ':ucode', 'offers'],
    handler: productOffers,
  },
  {
    method: 'GET',
    pattern: ['payments', 'api', 'v1', 'sales', 'history'],
    handler: salesHistory,
  },
  {
    method: 'GET',
    pattern: ['payments', 'api', 'v1', 'sales', 'summary'],
    handler: salesSummary,
  },
  {
    method: 'GET',
    pattern: ['payments', 'api', 'v1', 'sales', 'users'],
    handler: salesParticipants,
  },
  {
    method: 'GET',
    pattern: ['payments', 'api', 'v1', 'sales', 'commissions'],
    handler: salesCommissions,
  },
  {
    method: 'GET',
    pattern: ['payments', 'api', 'v1', 'sales', 'price', 'details'],
    handler: salesPriceDetails,
  },
  {
    method: 'GET',
    pattern: ['products', 'api', 'v1', 'products', ':ucode', 'plans'],
    handler: productPlans,
  },
  { method: 'GET', pattern: ['user', 'api', 'v1', 'me'], handler: currentUser },
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(method: string, segments: readonly string[]): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.method !== method || route.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = route.pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return true;
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return undefined;
}

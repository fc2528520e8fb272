// Explicit registry: a module exists in the app only when it is listed here (order = build order).
import type { ModuleSpec } from '../lib/types';
import cancelSubscription from './cancel-subscription/cancel-subscription.module';
import createCoupon from './coupons/create-coupon.module';
import deleteCoupon from './coupons/delete-coupon.module';
import listCoupons from './coupons/list-coupons.module';
import cancelSubscriptions from './cancel-subscriptions/cancel-subscriptions.module';
import changeDueDay from './change-due-day/change-due-day.module';
import getSubscriberPurchases from './get-subscriber-purchases/get-subscriber-purchases.module';
import getSalesSummary from './get-sales-summary/get-sales-summary.module';
import listSales from './list-sales/list-sales.module';
import listSalesCommissions from './sales-details/list-sales-commissions.module';
import listSalesParticipants from './sales-details/list-sales-participants.module';
import listSalesPriceDetails from './sales-details/list-sales-price-details.module';
import listProductCatalog from './products/list-product-catalog.module';
import listProductOffers from './products/list-product-offers.module';
import listProductPlans from './products/list-product-plans.module';
import listSubscriptionTransactions from './list-subscription-transactions/list-subscription-transactions.module';
import listSubscriptionSummaries from './list-subscription-summaries/list-subscription-summaries.module';
import listSubscriptions from './list-subscriptions/list-subscriptions.module';
import makeApiCall from './make-api-call/make-api-call.module';
import reactivateSubscription from './reactivate-subscription/reactivate-subscription.module';
import reactivateSubscriptions from './reactivate-subscriptions/reactivate-subscriptions.module';
import watchEvents from './watch-events/watch-events.module';
import watchSales from './watch-sales/watch-sales.module';
import watchSubscriptions from './watch-subscriptions/watch-subscriptions.module';

export const modules: ModuleSpec[] = [
  listSubscriptions,
  getSubscriberPurchases,
  listSubscriptionSummaries,
  listSubscriptionTransactions,
  listSales,
  getSalesSummary,
  listSalesParticipants,
  listSalesCommissions,
  listSalesPriceDetails,
  listProductCatalog,
  listProductOffers,
  listProductPlans,
  cancelSubscription,
  reactivateSubscription,
  changeDueDay,
  cancelSubscriptions,
  reactivateSubscriptions,
  watchEvents,
  watchSales,
  watchSubscriptions,
  createCoupon,
  listCoupons,
  deleteCoupon,
  makeApiCall,
];

export { default as hotmartEvents } from './watch-events/hotmart-events.webhook';
export { default as listProducts } from './dropdowns/list-products.rpc';
export { default as listOffers } from './dropdowns/list-offers.rpc';
export { default as listPlans } from './dropdowns/list-plans.rpc';

import type { Group } from '../lib/types';

// Reading before writing, then the generic escape hatch last, as Make's own apps order them.
export const groups: Group[] = [
  { label: 'Events', modules: ['watchEvents', 'watchSales', 'watchSubscriptions'] },
  {
    label: 'Subscriptions',
    modules: [
      'listSubscriptions',
      'getSubscriberPurchases',
      'listSubscriptionSummaries',
      'listSubscriptionTransactions',
      'cancelSubscription',
      'reactivateSubscription',
      'changeDueDay',
      'cancelSubscriptions',
      'reactivateSubscriptions',
    ],
  },
  {
    label: 'Sales',
    modules: [
      'listSales',
      'getSalesSummary',
      'listSalesParticipants',
      'listSalesCommissions',
      'listSalesPriceDetails',
    ],
  },
  { label: 'Products', modules: ['listProductCatalog', 'listProductOffers', 'listProductPlans'] },
  { label: 'Coupons', modules: ['createCoupon', 'listCoupons', 'deleteCoupon'] },
  { label: 'Other', modules: ['makeApiCall'] },
];

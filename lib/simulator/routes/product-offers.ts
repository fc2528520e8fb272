// `GET /products/api/v1/products/{ucode}/offers` (reference §6.2): one offer per simulated plan
// (each plan is sold through its own offer, the first being the product's main one). An unknown
// ucode is a 404 (undocumented; the simulator's choice).
import { notFound } from '../errors';
import type { RouteContext, RouteResult } from './route';

export function productOffers({ state, params }: RouteContext): RouteResult {
  const ucode = params['ucode'] ?? '';
  const product = state.dataset.products.find((candidate) => candidate.ucode === ucode);
  if (product === undefined) throw notFound(`The product '${ucode}' was not found.`);
  const items = product.plans.map((plan, index) => ({
    code: plan.offerCode,
    name: plan.name,
    description: plan.offerDescription,
    price: { ...plan.price },
    payment_mode: 'SUBSCRIPTION',
    is_currency_conversion_enabled: false,
    is_smart_recovery_enabled: false,
    is_main_offer: index === 0,
  }));
  return {
    status: 200,
    body: { items, page_info: { results_per_page: items.length } },
    paginated: true,
  };
}

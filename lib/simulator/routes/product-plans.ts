// `GET /products/api/v1/products/{ucode}/plans` (reference §6.3): the product's simulated plans.
// A plan's `code` is derived from its numeric ID but is not that ID, as in Hotmart. A product
// without plans gets 400 `invalid_parameter` instead of an empty list, as Hotmart answers
// (reference §6.3); an unknown ucode is a 404 (undocumented; the simulator's choice).
import { PERIODICITY } from '../calendar';
import { HotmartError, notFound } from '../errors';
import type { RouteContext, RouteResult } from './route';

export function productPlans({ state, params }: RouteContext): RouteResult {
  const ucode = params['ucode'] ?? '';
  const product = state.dataset.products.find((candidate) => candidate.ucode === ucode);
  if (product === undefined) throw notFound(`The product '${ucode}' was not found.`);
  if (product.plans.length === 0) {
    throw new HotmartError(400, 'invalid_parameter', `The product '${ucode}' has no plans.`);
  }
  const items = product.plans.map((plan) => ({
    code: `pl${plan.id.toString(36)}`,
    name: plan.name,
    description: plan.offerDescription,
    price: { ...plan.price },
    periodicity: PERIODICITY[plan.recurrencyPeriod],
    max_installments: 1,
    payment_mode: 'ASSINATURA',
    ...(plan.trialDays > 0 ? { trial_period: plan.trialDays } : {}),
    is_subscription_recovery_enabled: false,
    is_switch_plan_enabled: false,
  }));
  return {
    status: 200,
    body: { items, page_info: { results_per_page: items.length } },
    paginated: true,
  };
}

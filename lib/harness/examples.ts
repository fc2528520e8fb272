// Parameters that make each module of the Hotmart app do something meaningful against the
// simulator's data: a subscriber that can be cancelled, one that can be reactivated, a small
// page. Used by `npm start` and by the generated docs. A module not listed gets its required
// parameters' defaults (or first option), so a new module still runs and shows up.
import type { ModuleSpec } from '../types';
import type { Simulator } from '../simulator';
import { paramViews } from '../shared';
import { ToolError } from '../shared';

/** The data set has nothing an example run needs (a subscriber of some status). */
class ExampleDataError extends ToolError<'EXAMPLE_DATA_MISSING'> {}

type Picker = (simulator: Simulator) => Record<string, unknown>;

function codeWithStatus(simulator: Simulator, statuses: readonly string[]): string {
  const found = simulator.subscriptions().find((s) => statuses.includes(s.status));
  if (!found)
    throw new ExampleDataError(
      'EXAMPLE_DATA_MISSING',
      `the simulator holds no subscription with status ${statuses.join('/')}`,
    );
  return found.subscriber_code;
}

const CANCELLED = ['CANCELLED_BY_CUSTOMER', 'CANCELLED_BY_SELLER', 'CANCELLED_BY_ADMIN'];

/** An active subscription outside its trial: the only kind whose charge day can change. */
function changeableCode(simulator: Simulator): string {
  const found = simulator
    .subscriptions()
    .find((s) => s.status === 'ACTIVE' && !s.trial && s.plan.recurrency_period !== 7);
  if (!found)
    throw new ExampleDataError(
      'EXAMPLE_DATA_MISSING',
      'the simulator holds no active monthly subscription outside its trial',
    );
  return found.subscriber_code;
}

function firstProductId(simulator: Simulator): number {
  const product = simulator.subscriptions()[0]?.product.id;
  if (product === undefined)
    throw new ExampleDataError('EXAMPLE_DATA_MISSING', 'the simulator holds no product');
  return product;
}

/** The simulator's data decides: reactivation needs a cancelled subscription, cancel an active one. */
const PICKERS: Record<string, Picker> = {
  listSubscriptions: () => ({ limit: 3 }),
  getSubscriberPurchases: (sim) => ({ subscriber_code: codeWithStatus(sim, ['ACTIVE']) }),
  cancelSubscription: (sim) => ({
    subscriber_code: codeWithStatus(sim, ['ACTIVE']),
    send_mail: false,
  }),
  reactivateSubscription: (sim) => ({
    subscriber_code: codeWithStatus(sim, CANCELLED),
    charge: false,
  }),
  changeDueDay: (sim) => ({ subscriber_code: changeableCode(sim), due_day: 15 }),
  // One that changes and one that cannot: the partial success the list modules report.
  cancelSubscriptions: (sim) => ({
    subscriber_codes: [codeWithStatus(sim, ['ACTIVE']), codeWithStatus(sim, CANCELLED)],
    send_mail: false,
  }),
  reactivateSubscriptions: (sim) => ({
    subscriber_codes: [codeWithStatus(sim, CANCELLED), codeWithStatus(sim, ['ACTIVE'])],
    charge: false,
  }),
  createCoupon: (sim) => ({ product_id: firstProductId(sim), code: 'BEMVINDO15', discount: 15 }),
  listCoupons: (sim) => ({
    product_id: sim.coupons()[0]?.product_id ?? firstProductId(sim),
    limit: 10,
  }),
  deleteCoupon: (sim) => {
    const coupon = sim.coupons()[0];
    if (coupon === undefined)
      throw new ExampleDataError('EXAMPLE_DATA_MISSING', 'the simulator holds no coupon to delete');
    return { coupon_id: coupon.id };
  },
  listProductOffers: (sim) => ({ product_id: firstProductId(sim) }),
  listProductPlans: (sim) => ({ product_id: firstProductId(sim) }),
  makeApiCall: () => ({
    url: '/payments/api/v1/subscriptions/summary',
    method: 'GET',
    qs: [{ key: 'max_results', value: '2' }],
  }),
};

export function exampleParameters(
  module: ModuleSpec,
  simulator: Simulator,
): Record<string, unknown> {
  const picker = PICKERS[module.name];
  if (picker) return picker(simulator);
  const out: Record<string, unknown> = {};
  for (const param of [
    ...paramViews(module.staticParameters),
    ...paramViews(module.mappableParameters),
  ]) {
    if (!param.required) continue;
    if (param.default !== undefined) out[param.name] = param.default;
    else if (param.options[0]) out[param.name] = param.options[0].value;
  }
  return out;
}

/** Form values an RPC needs to list something: the offers and plans of a product. */
const RPC_PICKERS: Record<string, Picker> = {
  listOffers: (sim) => ({ product_id: firstProductId(sim) }),
  listPlans: (sim) => ({ product_id: firstProductId(sim) }),
};

export function rpcExampleParameters(
  rpcName: string,
  simulator: Simulator,
): Record<string, unknown> {
  return RPC_PICKERS[rpcName]?.(simulator) ?? {};
}

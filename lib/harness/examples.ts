// The parameters of a module's or RPC's example run (`npm start`, the generated docs, the build's
// interface check). They live in the module source (`example`, schemas/example.schema.json);
// this file only replaces the sample references in them (`{ $sample: 'subscriberCode', … }`)
// with data the simulator holds, so an example keeps working on any data set. A module without
// an example gets its required parameters' defaults (or first option), so a new module still
// runs and shows up.
import type {
  App,
  CouponSample,
  ExampleParameters,
  ExampleValue,
  ModuleSpec,
  SampleReference,
  SubscriberCodeSample,
} from '../types';
import type { Simulator } from '../simulator';
import { paramViews } from '../shared';
import { ToolError } from '../shared';

/** The data set has nothing an example run needs (a subscriber of some status, a coupon). */
class ExampleDataError extends ToolError<'EXAMPLE_DATA_MISSING'> {}

/** A plan of this period (days) is weekly, as the simulator's calendar counts it. */
const WEEKLY_PERIOD = 7;

function subscriberCode(simulator: Simulator, sample: SubscriberCodeSample): string {
  const found = simulator
    .subscriptions()
    .find(
      (s) =>
        (sample.status as readonly string[]).includes(s.status) &&
        (sample.trial === undefined || s.trial === sample.trial) &&
        (sample.weekly === undefined ||
          (s.plan.recurrency_period === WEEKLY_PERIOD) === sample.weekly),
    );
  if (found) return found.subscriber_code;
  const extra = [
    sample.trial === undefined ? '' : sample.trial ? ', in its trial' : ', outside its trial',
    sample.weekly === undefined ? '' : sample.weekly ? ', on a weekly plan' : ', not weekly',
  ].join('');
  throw new ExampleDataError(
    'EXAMPLE_DATA_MISSING',
    `the simulator holds no subscription with status ${sample.status.join('/')}${extra}`,
  );
}

function productId(simulator: Simulator): number {
  const product = simulator.subscriptions()[0]?.product.id;
  if (product === undefined)
    throw new ExampleDataError('EXAMPLE_DATA_MISSING', 'the simulator holds no product');
  return product;
}

function coupon(simulator: Simulator, sample: CouponSample): number {
  const first = simulator.coupons()[0];
  if (first === undefined)
    throw new ExampleDataError('EXAMPLE_DATA_MISSING', 'the simulator holds no coupon');
  return first[sample.field];
}

function resolveSample(simulator: Simulator, sample: SampleReference): string | number {
  switch (sample.$sample) {
    case 'subscriberCode':
      return subscriberCode(simulator, sample);
    case 'productId':
      return productId(simulator);
    case 'coupon':
      return coupon(simulator, sample);
  }
}

function isSample(value: object): value is SampleReference {
  return Object.hasOwn(value, '$sample');
}

function resolveValue(simulator: Simulator, value: ExampleValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => resolveValue(simulator, item));
  if (isSample(value)) return resolveSample(simulator, value);
  return resolveAll(simulator, value);
}

function resolveAll(
  simulator: Simulator,
  example: Readonly<Record<string, ExampleValue>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(example)) out[name] = resolveValue(simulator, value);
  return out;
}

/** The examples an app's source declares, by module and by RPC name (the build drops them). */
export interface SourceExamples {
  readonly modules: ReadonlyMap<string, ExampleParameters>;
  readonly rpcs: ReadonlyMap<string, ExampleParameters>;
}

function byName(
  specs: readonly { name: string; example?: ExampleParameters }[],
): Map<string, ExampleParameters> {
  const out = new Map<string, ExampleParameters>();
  for (const spec of specs) if (spec.example) out.set(spec.name, spec.example);
  return out;
}

export function sourceExamples(source: App): SourceExamples {
  return {
    modules: byName(source.modules as readonly { name: string; example?: ExampleParameters }[]),
    rpcs: byName(source.rpcs),
  };
}

/** The parameters of a module's example run: its source example, or its required defaults. */
export function exampleParameters(
  module: ModuleSpec,
  simulator: Simulator,
  example: ExampleParameters | undefined,
): Record<string, unknown> {
  if (example) return resolveAll(simulator, example);
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

/** Form values an RPC needs to list something (the offers and plans of a product). */
export function rpcExampleParameters(
  example: ExampleParameters | undefined,
  simulator: Simulator,
): Record<string, unknown> {
  return example ? resolveAll(simulator, example) : {};
}

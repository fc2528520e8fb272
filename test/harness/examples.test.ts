// A module's example lives in its source; sample references in it are filled from whatever data
// the simulator holds, and a module without an example runs with its required defaults.
import { exampleParameters, rpcExampleParameters, sourceExamples } from '../../lib/harness';
import { createSimulator } from '../../lib/simulator';
import type { ModuleSpec } from '../../lib/types';
import realApp from '../../app';

const simulator = createSimulator({ size: 60, now: () => new Date('2024-06-15T12:00:00Z') });

function moduleNamed(name: string): ModuleSpec {
  const found = realApp.modules.find((m) => m.name === name);
  if (!found) throw new TypeError(`no module ${name}`);
  return found;
}

test('plain values pass as written; sample references become data the simulator holds', () => {
  const params = exampleParameters(moduleNamed('cancelSubscription'), simulator, {
    subscriber_code: { $sample: 'subscriberCode', status: ['ACTIVE'] },
    send_mail: false,
    nested: { list: [{ $sample: 'productId' }, 'plain'] },
  });
  const active = simulator.subscriptions().find((s) => s.status === 'ACTIVE');
  expect(params).toEqual({
    subscriber_code: active?.subscriber_code,
    send_mail: false,
    nested: { list: [simulator.subscriptions()[0]?.product.id, 'plain'] },
  });
});

test('trial and weekly narrow the subscriber sample', () => {
  const code = exampleParameters(moduleNamed('changeDueDay'), simulator, {
    code: { $sample: 'subscriberCode', status: ['ACTIVE'], trial: false, weekly: false },
  }).code;
  const picked = simulator.subscriptions().find((s) => s.subscriber_code === code);
  expect(picked).toMatchObject({ status: 'ACTIVE', trial: false });
  expect(picked?.plan.recurrency_period).not.toBe(7);
});

test('a coupon sample gives the field asked for', () => {
  const coupon = simulator.coupons()[0];
  expect(coupon).toBeDefined();
  expect(
    exampleParameters(moduleNamed('deleteCoupon'), simulator, {
      id: { $sample: 'coupon', field: 'id' },
      product: { $sample: 'coupon', field: 'product_id' },
    }),
  ).toEqual({ id: coupon?.id, product: coupon?.product_id });
});

test('data the simulator does not hold is a clear error naming what is missing', () => {
  const empty = createSimulator({ size: 0, now: () => new Date('2024-06-15T12:00:00Z') });
  expect(() =>
    exampleParameters(moduleNamed('cancelSubscription'), empty, {
      subscriber_code: { $sample: 'subscriberCode', status: ['ACTIVE'], trial: true },
    }),
  ).toThrow('the simulator holds no subscription with status ACTIVE, in its trial');
});

test('without an example, the required parameters get their default or first option', () => {
  expect(exampleParameters(moduleNamed('changeDueDay'), simulator, undefined)).toEqual({});
  const withRequired: ModuleSpec = {
    ...moduleNamed('listSubscriptions'),
    mappableParameters: [
      { name: 'size', type: 'number', label: 'Size', required: true, default: 5 },
      {
        name: 'kind',
        type: 'select',
        label: 'Kind',
        required: true,
        options: [
          { label: 'A', value: 'a' },
          { label: 'B', value: 'b' },
        ],
      },
      { name: 'optional', type: 'text', label: 'Optional', default: 'x' },
    ],
  } as ModuleSpec;
  expect(exampleParameters(withRequired, simulator, undefined)).toEqual({ size: 5, kind: 'a' });
});

test("the app's own examples are read from the source, modules and RPCs apart", () => {
  const examples = sourceExamples(realApp);
  expect(examples.modules.get('listSubscriptions')).toEqual({ limit: 3 });
  expect(examples.rpcs.get('listPlans')).toEqual({ product_id: { $sample: 'productId' } });
  expect(rpcExampleParameters(examples.rpcs.get('listPlans'), simulator)).toEqual({
    product_id: simulator.subscriptions()[0]?.product.id,
  });
  expect(rpcExampleParameters(undefined, simulator)).toEqual({});
});

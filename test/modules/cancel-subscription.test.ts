import type { Loose, ModuleSpec } from '../../lib/types';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';
import { unexercisedInterfacePaths } from '../support/interface-check';
import { describeSubscriberCodeGuard } from '../support/subscriber-code-tests';

const PATH = '/payments/api/v1/subscriptions/QX7K2M9P/cancel';

// Hotmart's `YYYY-MM-DD HH:mm:ss` strings are UTC, Hotmart's billing clock (modules/README.md).
const EXPECTED = {
  status: 'INACTIVE',
  subscriber_code: 'QX7K2M9P',
  creation_date: '2024-02-02T09:19:00.000Z',
  current_recurrence: 3,
  date_last_recurrence: '2024-04-02T09:20:11.000Z',
  date_next_charge: '2024-05-02T12:00:00.000Z',
  due_day: 2,
  trial_period: 0,
  interval_type_between_charges: 'MONTH',
  interval_between_charges: 1,
  max_charge_cycles: 12,
  activation_date: '2024-02-02T09:21:05.000Z',
  shopper: { email: 'marina.lopes@example.com', phone: '(11) 987654321' },
};

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

describe('cancelSubscription', () => {
  test('POSTs send_mail in a JSON body (default true) and outputs the subscription with ISO dates', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .post(PATH, { send_mail: true })
      .reply(capture(seen, 200, fixture('cancel')));

    const { bundles } = await run(built.runtime, 'cancelSubscription', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P' },
    });

    scope.done();
    expect(seen).toEqual([
      {
        method: 'POST',
        path: PATH,
        headers: expect.objectContaining({
          authorization: 'Bearer test-access-token-FIRST-0001',
          'content-type': 'application/json',
          host: 'developers.hotmart.com',
        }),
        body: '{"send_mail":true}',
      },
    ]);
    expect(bundles).toEqual([EXPECTED]);
  });

  test('send_mail = No is sent as false', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .post(PATH, { send_mail: false })
      .reply(capture(seen, 200, fixture('cancel')));
    await run(built.runtime, 'cancelSubscription', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P', send_mail: false },
    });
    scope.done();
    expect(seen[0]?.body).toBe('{"send_mail":false}');
  });

  test("the dates do not depend on the scenario's time zone", async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi().post(PATH, { send_mail: true }).reply(200, fixture('cancel'));
    const { bundles } = await run(built.runtime, 'cancelSubscription', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P' },
      timezone: 'Asia/Tokyo',
    });
    scope.done();
    expect(bundles).toEqual([EXPECTED]);
  });

  test('fields Hotmart leaves out stay out of the bundle', async () => {
    const connection = await connect(built.runtime);
    const minimal = {
      status: 'INACTIVE',
      subscriber_code: 'QX7K2M9P',
      creation_date: '2024-02-02 09:19:00',
    };
    const scope = hotmartApi().post(PATH, { send_mail: true }).reply(200, minimal);
    const { bundles } = await run(built.runtime, 'cancelSubscription', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P' },
    });
    scope.done();
    expect(bundles).toEqual([
      {
        status: 'INACTIVE',
        subscriber_code: 'QX7K2M9P',
        creation_date: '2024-02-02T09:19:00.000Z',
      },
    ]);
  });

  test('the fixture exercises every interface field', () => {
    expect(unexercisedInterfacePaths(built.runtime, 'cancelSubscription', [EXPECTED])).toEqual([]);
  });

  test('is labelled as Make names update actions', () => {
    const module: Loose<ModuleSpec> | undefined = built.runtime.definition.modules.find(
      (m) => m.name === 'cancelSubscription',
    );
    expect({ label: module?.label, type: module?.type, crud: module?.crud }).toEqual({
      label: 'Cancel a Subscription',
      type: 'action',
      crud: 'update',
    });
  });

  describeSubscriberCodeGuard(() => built, 'cancelSubscription');

  describeHotmartErrors({
    built: () => built,
    module: 'cancelSubscription',
    parameters: { subscriber_code: 'QX7K2M9P' },
    intercept: (api) => api.post(PATH, { send_mail: true }),
    success: fixture('cancel'),
    bundles: [EXPECTED],
  });
});

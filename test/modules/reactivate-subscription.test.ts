import type { Loose, Parameter } from '../../lib/types';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';
import { unexercisedInterfacePaths } from '../support/interface-check';
import { describeSubscriberCodeGuard } from '../support/subscriber-code-tests';

const PATH = '/payments/api/v1/subscriptions/QX7K2M9P/reactivate';

const EXPECTED = {
  status: 'INACTIVE',
  subscriber_code: 'QX7K2M9P',
  creation_date: '2024-02-02T09:19:00.000Z',
  interval_between_charges: 30,
  shopper: { email: 'marina.lopes@example.com', phone: '(11) 987654321' },
};

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

describe('reactivateSubscription', () => {
  test('POSTs charge in a JSON body (default false, as Hotmart) and outputs the subscription', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .post(PATH, { charge: false })
      .reply(capture(seen, 200, fixture('reactivate')));

    const { bundles } = await run(built.runtime, 'reactivateSubscription', {
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
        body: '{"charge":false}',
      },
    ]);
    expect(bundles).toEqual([EXPECTED]);
  });

  test('Charge Now = Yes is sent as charge: true', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .post(PATH, { charge: true })
      .reply(capture(seen, 200, fixture('reactivate')));
    await run(built.runtime, 'reactivateSubscription', {
      connection,
      parameters: { subscriber_code: 'QX7K2M9P', charge: true },
    });
    scope.done();
    expect(seen[0]?.body).toBe('{"charge":true}');
  });

  test('label and help explain the 3-day e-mail acceptance', () => {
    const module = built.runtime.definition.modules.find(
      (m) => m.name === 'reactivateSubscription',
    );
    expect(module?.label).toBe('Reactivate and Charge a Subscription');
    expect(module?.description).toContain('within 3 days');
    const code: Loose<Parameter> | undefined = module?.mappableParameters.find(
      (p) => p.name === 'subscriber_code',
    );
    expect(code?.help).toContain('accept the reactivation');
    expect(code?.help).toContain('3 days');
  });

  test('the fixture exercises every interface field', () => {
    const missing = unexercisedInterfacePaths(built.runtime, 'reactivateSubscription', [EXPECTED]);
    expect(missing).toEqual([]);
  });

  describeSubscriberCodeGuard(() => built, 'reactivateSubscription');

  describeHotmartErrors({
    built: () => built,
    module: 'reactivateSubscription',
    parameters: { subscriber_code: 'QX7K2M9P' },
    intercept: (api) => api.post(PATH, { charge: false }),
    success: fixture('reactivate'),
    bundles: [EXPECTED],
  });
});

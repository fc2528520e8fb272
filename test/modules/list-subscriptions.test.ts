import { ALL_SUBSCRIPTIONS_FROM_MS } from '../../modules/list-subscriptions/accession-window';
import type { Loose, Parameter } from '../../lib/types';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, NOW, run, runFailing, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, RENEWED_TOKEN, tokenRequest, type Seen } from '../support/hotmart';
import { unexercisedInterfacePaths } from '../support/interface-check';
import { expectedSubscription, type Item } from '../support/subscriptions';

const PATH = '/payments/api/v1/subscriptions';
const ALL_TIME = String(ALL_SUBSCRIPTIONS_FROM_MS);

interface Page {
  items: Item[];
  page_info: { next_page_token?: string };
}

const page1 = fixture<Page>('subscriptions-page-1');
const page2 = fixture<Page>('subscriptions-page-2');
const page3 = fixture<Page>('subscriptions-page-3');
const allItems = [...page1.items, ...page2.items, ...page3.items];

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

describe('listSubscriptions', () => {
  test("sends Hotmart's documented request and outputs one bundle per subscription", async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(capture(seen, 200, fixture('subscriptions-page-3')));

    const { bundles } = await run(built.runtime, 'listSubscriptions', { connection });

    scope.done();
    expect(seen).toEqual([
      {
        method: 'GET',
        path: `${PATH}?accession_date=${ALL_TIME}&max_results=10`,
        headers: {
          authorization: 'Bearer test-access-token-FIRST-0001',
          'content-type': 'application/json',
          host: 'developers.hotmart.com',
        },
        body: '',
      },
    ]);
    expect(bundles).toEqual([
      {
        subscriber_code: 'K2VB9X4Q',
        subscription_id: 3190230,
        status: 'STARTED',
        accession_date: '2024-01-25T12:00:00.000Z',
        end_accession_date: null,
        request_date: '2024-01-25T11:59:00.000Z',
        date_next_charge: '2024-01-25T12:00:00.000Z',
        trial: false,
        transaction: 'HP23001840017733',
        plan: { name: 'Plano Trimestral', id: 905520, recurrency_period: 90, max_charge_cycles: 4 },
        product: {
          id: 4400012,
          name: 'Clube de Edição',
          ucode: 'e6b1d4a9-0f72-4c3e-8a51-d29c7f0b3e18',
        },
        price: { value: 129.7, currency_code: 'BRL' },
        subscriber: {
          name: 'Lucas Pereira',
          email: 'lucas.pereira@example.com',
          ucode: '7f3c0a6e-b219-4e84-95d1-c8a2e6f04b93',
        },
      },
    ]);
  });

  test('sends every filter under its API name: repeated status and plan keys, dates in ms', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .get(PATH)
      .query({
        product_id: '4321987',
        plan: ['Plano Mensal Pro', 'Plano Anual Pro'],
        plan_id: '905511',
        status: ['ACTIVE', 'DELAYED'],
        subscriber_code: 'QX7K2M9P',
        subscriber_email: 'marina.lopes@example.com',
        transaction: 'HP23001847561120',
        trial: 'true',
        accession_date: '1704067200000',
        end_accession_date: '1706745599000',
        cancelation_date: '1706745600000',
        end_cancelation_date: '1709251199000',
        date_next_charge: '1709251200000',
        end_date_next_charge: '1711929599000',
        max_results: '50',
      })
      .reply(capture(seen, 200, fixture('subscriptions-page-3')));

    await run(built.runtime, 'listSubscriptions', {
      connection,
      parameters: {
        product_id: 4321987,
        plan: ['Plano Mensal Pro', 'Plano Anual Pro'],
        plan_id: 905511,
        status: ['ACTIVE', 'DELAYED'],
        subscriber_code: 'QX7K2M9P',
        subscriber_email: 'marina.lopes@example.com',
        transaction: 'HP23001847561120',
        trial: true,
        accession_date: '2024-01-01T00:00:00.000Z',
        end_accession_date: '2024-01-31T23:59:59.000Z',
        cancelation_date: '2024-02-01T00:00:00.000Z',
        end_cancelation_date: '2024-02-29T23:59:59.000Z',
        date_next_charge: '2024-03-01T00:00:00.000Z',
        end_date_next_charge: '2024-03-31T23:59:59.000Z',
        limit: 50,
      },
    });

    scope.done();
    expect(seen[0]?.path).toContain('plan=Plano%20Mensal%20Pro&plan=Plano%20Anual%20Pro');
    expect(seen[0]?.path).toContain('status=ACTIVE&status=DELAYED');
  });

  test('dates are sent and read the same in any scenario time zone', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PATH)
      .query({ accession_date: '1704067200000', max_results: '10' })
      .reply(200, fixture('subscriptions-page-3'));
    const { bundles } = await run(built.runtime, 'listSubscriptions', {
      connection,
      parameters: { accession_date: '2024-01-01T00:00:00.000Z' },
      timezone: 'America/Los_Angeles',
    });
    scope.done();
    expect(bundles).toEqual(page3.items.map(expectedSubscription));
  });

  test('trial = No is sent as trial=false, not dropped', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PATH)
      .query({ trial: 'false', accession_date: ALL_TIME, max_results: '10' })
      .reply(200, fixture('subscriptions-empty'));
    await run(built.runtime, 'listSubscriptions', { connection, parameters: { trial: false } });
    scope.done();
  });

  describe("Hotmart's silent 30-day window", () => {
    test('without Accession Date From, every subscription since 2000-01-01 is asked for', async () => {
      expect(new Date(ALL_SUBSCRIPTIONS_FROM_MS).toISOString()).toBe('2000-01-01T00:00:00.000Z');
      const connection = await connect(built.runtime);
      const scope = hotmartApi()
        .get(PATH)
        .query({ subscriber_code: 'M3KD7R2W', accession_date: '946684800000', max_results: '10' })
        .reply(200, {
          items: [page2.items[0]],
          page_info: { total_results: 1, results_per_page: 10 },
        });
      const { bundles } = await run(built.runtime, 'listSubscriptions', {
        connection,
        parameters: { subscriber_code: 'M3KD7R2W' },
      });
      scope.done();
      // A subscription that started in 2023, far outside Hotmart's default 30 days.
      expect(bundles.map((bundle) => bundle.accession_date)).toEqual(['2023-09-01T12:00:00.000Z']);
    });

    test('a user-set Accession Date From is sent instead of the all-time start', async () => {
      const connection = await connect(built.runtime);
      const scope = hotmartApi()
        .get(PATH)
        .query({ accession_date: '1712016000000', max_results: '10' })
        .reply(200, fixture('subscriptions-empty'));
      await run(built.runtime, 'listSubscriptions', {
        connection,
        parameters: { accession_date: '2024-04-02T00:00:00.000Z' },
      });
      scope.done();
    });

    test('the module help and the app README both explain the behaviour', () => {
      const module = built.runtime.definition.modules.find((m) => m.name === 'listSubscriptions');
      const accession: Loose<Parameter> | undefined = module?.mappableParameters.find(
        (p) => p.name === 'accession_date',
      );
      expect(accession?.help).toContain('Leave empty to search subscriptions of any date');
      expect(accession?.help).toContain('last 30 days');
      expect(built.runtime.definition.readme).toContain('**last 30 days**');
      expect(built.runtime.definition.readme).toContain('**1 January 2000**');
    });
  });

  test('an empty result is zero bundles after one request', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PATH)
      .query({ status: 'CANCELLED_BY_ADMIN', accession_date: ALL_TIME, max_results: '10' })
      .reply(200, fixture('subscriptions-empty'));
    const { bundles, log } = await run(built.runtime, 'listSubscriptions', {
      connection,
      parameters: { status: ['CANCELLED_BY_ADMIN'] },
    });
    scope.done();
    expect(bundles).toEqual([]);
    expect(log.requests).toHaveLength(1);
  });

  describe('pagination with page_token (5 subscriptions over 3 pages)', () => {
    const cases = [
      {
        name: 'limit below the total',
        limit: 3,
        pages: 2,
        codes: ['QX7K2M9P', 'ZT4N8B1C', 'M3KD7R2W'],
      },
      {
        name: 'limit at the total',
        limit: 5,
        pages: 3,
        codes: allItems.map((i) => i.subscriber_code),
      },
      {
        name: 'limit above the total',
        limit: 10,
        pages: 3,
        codes: allItems.map((i) => i.subscriber_code),
      },
    ];

    test.each(cases)('$name ($limit): $pages requests', async ({ limit, pages, codes }) => {
      const connection = await connect(built.runtime);
      const seen: Seen = [];
      const common = { accession_date: ALL_TIME, max_results: String(limit) };
      const api = hotmartApi();
      api
        .get(PATH)
        .query(common)
        .reply(capture(seen, 200, page1));
      api
        .get(PATH)
        .query({ ...common, page_token: page1.page_info.next_page_token })
        .reply(capture(seen, 200, page2));
      if (pages === 3) {
        api
          .get(PATH)
          .query({ ...common, page_token: page2.page_info.next_page_token })
          .reply(capture(seen, 200, page3));
      }

      const { bundles } = await run(built.runtime, 'listSubscriptions', {
        connection,
        parameters: { limit },
      });

      api.done();
      expect(seen).toHaveLength(pages);
      expect(bundles.map((bundle) => bundle.subscriber_code)).toEqual(codes);
      expect(bundles).toEqual(allItems.slice(0, codes.length).map(expectedSubscription));
    });

    test('pages are never asked bigger than 500, whatever the limit', async () => {
      const connection = await connect(built.runtime);
      const scope = hotmartApi()
        .get(PATH)
        .query({ accession_date: ALL_TIME, max_results: '500' })
        .reply(200, fixture('subscriptions-page-3'));
      const { bundles } = await run(built.runtime, 'listSubscriptions', {
        connection,
        parameters: { limit: 3200 },
      });
      scope.done();
      expect(bundles).toHaveLength(1);
    });
  });

  test('10-digit dates (seconds, as in an official example) are read as seconds', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(200, fixture('subscriptions-10-digit-dates'));
    const { bundles } = await run(built.runtime, 'listSubscriptions', { connection });
    scope.done();
    expect(
      bundles.map(({ accession_date, request_date, date_next_charge }) => ({
        accession_date,
        request_date,
        date_next_charge,
      })),
    ).toEqual([
      {
        accession_date: '2020-01-01T03:00:00.000Z',
        request_date: '2020-01-01T02:59:00.000Z',
        date_next_charge: '2025-01-02T12:00:00.000Z',
      },
    ]);
  });

  test('a Sandbox connection reads from sandbox.hotmart.com', async () => {
    const connection = await connect(built.runtime, { environment: 'sandbox' });
    const scope = hotmartApi('sandbox')
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(200, fixture('subscriptions-page-3'));
    const { bundles } = await run(built.runtime, 'listSubscriptions', { connection });
    scope.done();
    expect(bundles).toHaveLength(1);
  });

  test('a token that expires within 15 minutes is renewed before the request', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const renewal = tokenRequest(seen, { body: RENEWED_TOKEN });
    const scope = hotmartApi('production', RENEWED_TOKEN.access_token)
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(capture(seen, 200, fixture('subscriptions-empty')));
    // The first token (expires_in 172799 s) has 14 minutes left.
    const later = new Date(NOW.getTime() + (172799 - 14 * 60) * 1000);
    await run(built.runtime, 'listSubscriptions', { connection, now: later });
    renewal.done();
    scope.done();
    expect(seen.map((request) => request.path.split('?')[0])).toEqual([
      '/security/oauth/token',
      PATH,
    ]);
  });

  test('a token with more than 15 minutes left is reused', async () => {
    const connection = await connect(built.runtime);
    const scope = hotmartApi()
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(200, fixture('subscriptions-empty'));
    const later = new Date(NOW.getTime() + (172799 - 16 * 60) * 1000);
    await run(built.runtime, 'listSubscriptions', { connection, now: later });
    scope.done();
  });

  describe('parameter errors, before any request', () => {
    const cases: Array<{ parameters: Record<string, unknown>; parameter: string; says: string }> = [
      {
        parameters: { subscriber_code: '../sales' },
        parameter: 'subscriber_code',
        says: 'does not match the pattern',
      },
      {
        parameters: { subscriber_code: 'a/b' },
        parameter: 'subscriber_code',
        says: 'does not match the pattern',
      },
      {
        parameters: { subscriber_code: 'a?b' },
        parameter: 'subscriber_code',
        says: 'does not match the pattern',
      },
      {
        parameters: { subscriber_code: 'a#b' },
        parameter: 'subscriber_code',
        says: 'does not match the pattern',
      },
      {
        parameters: { status: ['ACTIVE', 'CANCELLED_BY_BUYER'] },
        parameter: 'status[2]',
        says: 'CANCELLED_BY_BUYER',
      },
      { parameters: { limit: 0 }, parameter: 'limit', says: 'less than the minimum 1' },
      { parameters: { limit: 3201 }, parameter: 'limit', says: 'greater than the maximum 3200' },
      { parameters: { limit: 'ten' }, parameter: 'limit', says: 'is not a number' },
      {
        parameters: { product_id: { id: 4321987 } },
        parameter: 'product_id',
        says: 'expected an option value, got an object',
      },
      {
        parameters: { accession_date: 'last month' },
        parameter: 'accession_date',
        says: 'is not a date',
      },
      { parameters: { trial: 'maybe' }, parameter: 'trial', says: 'expected true or false' },
    ];

    test.each(cases)('$parameter = $parameters', async ({ parameters, parameter, says }) => {
      const connection = await connect(built.runtime);
      const error = await runFailing(built.runtime, 'listSubscriptions', {
        connection,
        parameters,
      });
      expect(error.type).toBe('DataError');
      expect(error.parameter).toBe(parameter);
      expect(error.message).toContain(`parameter '${parameter}'`);
      expect(error.message).toContain(says);
      expect(error.log?.requestCount).toBe(0);
    });
  });

  test('the fixtures exercise every interface field', async () => {
    const connection = await connect(built.runtime);
    const api = hotmartApi();
    api
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(200, { items: allItems, page_info: {} });
    api
      .get(PATH)
      .query({ accession_date: ALL_TIME, max_results: '10' })
      .reply(200, fixture('subscriptions-10-digit-dates'));
    const first = await run(built.runtime, 'listSubscriptions', { connection });
    const second = await run(built.runtime, 'listSubscriptions', { connection });
    api.done();
    const bundles = [...first.bundles, ...second.bundles];
    expect(unexercisedInterfacePaths(built.runtime, 'listSubscriptions', bundles)).toEqual([]);
  });

  describeHotmartErrors({
    built: () => built,
    module: 'listSubscriptions',
    parameters: { status: ['ACTIVE'] },
    intercept: (api) =>
      api.get(PATH).query({ status: 'ACTIVE', accession_date: ALL_TIME, max_results: '10' }),
    success: fixture('subscriptions-page-3'),
    bundles: page3.items.map(expectedSubscription),
  });
});

// The fixture backend: Hotmart played by nock, answering exactly the request each scenario must
// send with the recorded fixtures (test/fixtures/hotmart/). It is the control run of the module
// scenarios: the same test bodies pass here and against the simulator.
import nock from 'nock';
import { ALL_SUBSCRIPTIONS_FROM_MS } from '../../modules/list-subscriptions/accession-window';
import { fixture } from './fixtures';
import { connect, NOW } from './harness';
import { hotmartApi } from './hotmart';
import type { Exchange, ModuleBackend, SubscriptionSet } from './module-backend';
import { SECRET_VALUES } from './secrets';
import type { Item } from './subscriptions';

const SUBSCRIPTIONS = '/payments/api/v1/subscriptions';
const ALL_TIME = String(ALL_SUBSCRIPTIONS_FROM_MS);

interface Page {
  items: Item[];
  page_info: { next_page_token?: string };
}

const PAGES = [
  fixture<Page>('subscriptions-page-1'),
  fixture<Page>('subscriptions-page-2'),
  fixture<Page>('subscriptions-page-3'),
] as const;
const ALL_ITEMS = PAGES.flatMap((page) => page.items);

/** The fixtures' subscriber: in `purchases.json`, `cancel.json` and `reactivate.json`. */
const FIXTURE_CODE = 'QX7K2M9P';

type Reply = (this: nock.ReplyFnContext, uri: string, requestBody: nock.Body) => nock.ReplyFnResult;

function headerRecord(raw: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = String(value);
  }
  return headers;
}

export function fixtureBackend(): ModuleBackend {
  let exchanges: Exchange[] = [];
  let scopes: nock.Scope[] = [];

  /** A nock reply that records the exchange and answers `status` with `body` as JSON. */
  function answer(status: number, body: unknown): Reply {
    const responseBody = JSON.stringify(body);
    return function reply(this: nock.ReplyFnContext, uri: string, requestBody: nock.Body) {
      const url = new URL(uri, 'https://placeholder.invalid');
      const headers = headerRecord(this.req.headers);
      exchanges.push({
        method: this.req.method,
        host: headers['host'] ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers,
        body: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody),
        status,
        responseBody,
      });
      return [status, responseBody, { 'Content-Type': 'application/json;charset=UTF-8' }];
    };
  }

  /** A data-host scope that accepts only the fixtures' first token; checked in `tearDown`. */
  function api(): nock.Scope {
    const scope = hotmartApi();
    scopes.push(scope);
    return scope;
  }

  /** The fixture pages from the first, each asked for with the previous page's token. */
  function pagesUpTo(count: number, query: Record<string, string | string[]>): void {
    const scope = api();
    PAGES.slice(0, count).forEach((page, index) => {
      const token = index === 0 ? undefined : PAGES[index - 1]?.page_info.next_page_token;
      scope
        .get(SUBSCRIPTIONS)
        .query(token === undefined ? query : { ...query, page_token: token })
        .reply(answer(200, page));
    });
  }

  function onePage(query: Record<string, string | string[]>, items: Item[]): void {
    api()
      .get(SUBSCRIPTIONS)
      .query(query)
      .reply(answer(200, { items, page_info: { total_results: items.length } }));
  }

  return {
    name: 'fixtures',
    setUp() {
      exchanges = [];
      scopes = [];
    },
    tearDown() {
      for (const scope of scopes) scope.done();
    },
    now: () => NOW,
    connect: (runtime) => connect(runtime),
    secrets: () => [...SECRET_VALUES],
    exchanges: () => [...exchanges],

    everySubscription(): SubscriptionSet {
      pagesUpTo(3, { accession_date: ALL_TIME, max_results: '10' });
      return { items: ALL_ITEMS, limit: 10 };
    },
    firstSubscriptions(): SubscriptionSet {
      pagesUpTo(2, { accession_date: ALL_TIME, max_results: '3' });
      return { items: ALL_ITEMS.slice(0, 3), limit: 3 };
    },
    oldSubscription(): Item {
      // M3KD7R2W started in September 2023, months before the fixed clock.
      const item = PAGES[1].items[0];
      if (item === undefined) throw new Error('subscriptions-page-2.json has no item');
      const code = String(item['subscriber_code']);
      onePage({ subscriber_code: code, accession_date: ALL_TIME, max_results: '10' }, [item]);
      return item;
    },
    withStatuses() {
      const statuses = ['ACTIVE', 'DELAYED'];
      const items = ALL_ITEMS.filter((item) => statuses.includes(String(item['status'])));
      onePage({ status: statuses, accession_date: ALL_TIME, max_results: '10' }, items);
      return { statuses, items, limit: 10 };
    },
    subscriberWithPurchases() {
      const purchases = fixture<Item[]>('purchases');
      api().get(`${SUBSCRIPTIONS}/${FIXTURE_CODE}/purchases`).reply(answer(200, purchases));
      return { code: FIXTURE_CODE, purchases };
    },
    unknownSubscriberPurchases() {
      const code = 'NoSuchSub1';
      api()
        .get(`${SUBSCRIPTIONS}/${code}/purchases`)
        .reply(answer(404, fixture('error-404')));
      return code;
    },
    cancellable(sendMail) {
      api()
        .post(`${SUBSCRIPTIONS}/${FIXTURE_CODE}/cancel`, { send_mail: sendMail })
        .reply(answer(200, fixture('cancel')));
      return FIXTURE_CODE;
    },
    reactivatable(charge) {
      api()
        .post(`${SUBSCRIPTIONS}/${FIXTURE_CODE}/reactivate`, { charge })
        .reply(answer(200, fixture('reactivate')));
      return FIXTURE_CODE;
    },
    apiCallList() {
      const qs = { max_results: '2' };
      api().get(SUBSCRIPTIONS).query(qs).reply(answer(200, PAGES[0]));
      return { path: SUBSCRIPTIONS, qs };
    },
    apiCallMissing() {
      const path = '/payments/api/v1/no-such-endpoint';
      api()
        .get(path)
        .reply(
          answer(404, {
            error: 'not_found',
            error_description: 'The requested URL was not found.',
            error_uri: 'https://developers.hotmart.com/docs/en/start/http-response-codes/',
          }),
        );
      return path;
    },
  };
}

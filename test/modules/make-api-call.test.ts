import { createRuntimeApp, type RuntimeApp } from '../../lib/runtime';
import type { App } from '../../lib/types';
import { describeHotmartErrors } from '../support/error-tests';
import { fixture } from '../support/fixtures';
import { buildHotmartApp, connect, run, runFailing, type BuiltApp } from '../support/harness';
import { capture, hotmartApi, type Seen } from '../support/hotmart';
import { unexercisedInterfacePaths } from '../support/interface-check';
import { BAD_API_CALL_URLS } from '../support/security-cases';
import { recordStrayRequests } from '../support/stray-requests';

const SUBSCRIPTIONS = '/payments/api/v1/subscriptions';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

describe('makeApiCall', () => {
  test('GETs the path on the Hotmart host with the query string and outputs body, headers and status', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .get(SUBSCRIPTIONS)
      .query({ max_results: '1', status: 'ACTIVE' })
      .reply(capture(seen, 200, fixture('subscriptions-page-3'), { 'RateLimit-Remaining': '499' }));

    const { bundles } = await run(built.runtime, 'makeApiCall', {
      connection,
      parameters: {
        url: SUBSCRIPTIONS,
        method: 'GET',
        qs: [
          { key: 'max_results', value: '1' },
          { key: 'status', value: 'ACTIVE' },
        ],
      },
    });

    scope.done();
    expect(seen).toEqual([
      {
        method: 'GET',
        path: `${SUBSCRIPTIONS}?max_results=1&status=ACTIVE`,
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
        body: fixture('subscriptions-page-3'),
        headers: expect.objectContaining({
          'content-type': 'application/json;charset=UTF-8',
          'ratelimit-remaining': '499',
        }),
        statusCode: 200,
      },
    ]);
    expect(unexercisedInterfacePaths(built.runtime, 'makeApiCall', bundles)).toEqual([]);
  });

  test('POSTs a JSON body typed as text exactly as typed', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const path = `${SUBSCRIPTIONS}/QX7K2M9P/cancel`;
    const scope = hotmartApi()
      .post(path, { send_mail: false })
      .reply(capture(seen, 200, fixture('cancel')));

    const { bundles, log } = await run(built.runtime, 'makeApiCall', {
      connection,
      parameters: { url: path, method: 'POST', body: '{"send_mail": false}' },
    });

    scope.done();
    // nock hands the reply a re-serialised body; the run log keeps the text that was sent.
    expect(log.requests[0]?.request.body).toBe('{"send_mail": false}');
    expect(seen[0]?.headers['content-type']).toBe('application/json');
    expect(bundles[0]?.body).toEqual(fixture('cancel'));
  });

  test('a mapped object body is sent as JSON', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const path = `${SUBSCRIPTIONS}/reactivate`;
    const body = { subscriber_code: ['QX7K2M9P', 'ZT4N8B1C'], charge: false };
    const scope = hotmartApi()
      .post(path, body)
      .reply(capture(seen, 200, { success_subscriptions: [], fail_subscriptions: [] }));
    await run(built.runtime, 'makeApiCall', {
      connection,
      parameters: { url: path, method: 'POST', body },
    });
    scope.done();
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual(body);
  });

  test('custom headers are added; the Authorization header stays the connection’s', async () => {
    const connection = await connect(built.runtime);
    const seen: Seen = [];
    const scope = hotmartApi()
      .patch(`${SUBSCRIPTIONS}/QX7K2M9P`, { due_day: 15 })
      .reply(capture(seen, 200, ''));
    const { bundles } = await run(built.runtime, 'makeApiCall', {
      connection,
      parameters: {
        url: `${SUBSCRIPTIONS}/QX7K2M9P`,
        method: 'PATCH',
        headers: [
          { key: 'Content-Type', value: 'application/json' },
          { key: 'Accept-Language', value: 'pt-BR' },
        ],
        body: '{"due_day": 15}',
      },
    });
    scope.done();
    expect(seen[0]?.headers).toEqual(
      expect.objectContaining({
        authorization: 'Bearer test-access-token-FIRST-0001',
        'accept-language': 'pt-BR',
        'content-type': 'application/json',
      }),
    );
    // Hotmart answers the due-day change with an empty body.
    expect(bundles).toEqual([{ headers: expect.any(Object), statusCode: 200 }]);
  });

  test('DELETE on the Sandbox host', async () => {
    const connection = await connect(built.runtime, { environment: 'sandbox' });
    const scope = hotmartApi('sandbox').delete('/products/api/v1/coupon/1234').reply(200, {});
    const { bundles } = await run(built.runtime, 'makeApiCall', {
      connection,
      parameters: { url: '/products/api/v1/coupon/1234', method: 'DELETE' },
    });
    scope.done();
    expect(bundles).toEqual([{ body: {}, headers: expect.any(Object), statusCode: 200 }]);
  });

  describe('the request never leaves the Hotmart host', () => {
    test.each(BAD_API_CALL_URLS.map((url) => [JSON.stringify(url), url]))(
      '%s is refused before any request',
      async (_shown, url) => {
        const connection = await connect(built.runtime);
        const recorder = recordStrayRequests();
        let error;
        try {
          error = await runFailing(built.runtime, 'makeApiCall', {
            connection,
            parameters: { url, method: 'GET' },
          });
        } finally {
          recorder.stop();
        }
        expect({ type: error.type, code: error.code, parameter: error.parameter }).toEqual({
          type: 'DataError',
          code: 'PARAMETER_INVALID',
          parameter: 'url',
        });
        expect(error.log?.requestCount).toBe(0);
        expect(recorder.stray).toEqual([]);
      },
    );

    // The second guard, proven on its own: with the parameter pattern removed, whatever is
    // typed still becomes a path on the connection's Hotmart host.
    let unguarded: RuntimeApp;
    beforeAll(() => {
      const definition = JSON.parse(JSON.stringify(built.runtime.definition)) as App;
      for (const module of definition.modules) {
        if (module.name !== 'makeApiCall') continue;
        for (const parameter of module.mappableParameters) {
          if (parameter.name === 'url' && parameter.type === 'text') delete parameter.validate;
        }
      }
      unguarded = createRuntimeApp(definition);
    });

    test.each(BAD_API_CALL_URLS.map((url) => [JSON.stringify(url), url]))(
      'without the pattern, %s still goes to developers.hotmart.com',
      async (_shown, url) => {
        const connection = await connect(unguarded);
        const seen: Seen = [];
        const scope = hotmartApi()
          .get(/.*/)
          .reply(capture(seen, 200, {}));
        const recorder = recordStrayRequests();
        try {
          await run(unguarded, 'makeApiCall', { connection, parameters: { url, method: 'GET' } });
        } finally {
          recorder.stop();
        }
        scope.done();
        expect(recorder.stray).toEqual([]);
        expect(seen).toHaveLength(1);
        expect(seen[0]?.headers.host).toBe('developers.hotmart.com');
        expect(seen[0]?.path.startsWith('//')).toBe(false);
      },
    );
  });

  test('a missing URL is a required-parameter error', async () => {
    const connection = await connect(built.runtime);
    const error = await runFailing(built.runtime, 'makeApiCall', {
      connection,
      parameters: { method: 'GET' },
    });
    expect({ type: error.type, parameter: error.parameter }).toEqual({
      type: 'DataError',
      parameter: 'url',
    });
  });

  test('an unknown method is refused before any request', async () => {
    const connection = await connect(built.runtime);
    const error = await runFailing(built.runtime, 'makeApiCall', {
      connection,
      parameters: { url: SUBSCRIPTIONS, method: 'TRACE' },
    });
    expect({ type: error.type, parameter: error.parameter }).toEqual({
      type: 'DataError',
      parameter: 'method',
    });
    expect(error.log?.requestCount).toBe(0);
  });

  describeHotmartErrors({
    built: () => built,
    module: 'makeApiCall',
    parameters: { url: `${SUBSCRIPTIONS}/QX7K2M9P/purchases`, method: 'GET' },
    intercept: (api) => api.get(`${SUBSCRIPTIONS}/QX7K2M9P/purchases`),
    success: fixture('purchases'),
    bundles: [{ body: fixture('purchases'), headers: expect.any(Object), statusCode: 200 }],
  });
});

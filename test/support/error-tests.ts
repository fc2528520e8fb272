// The error-mapping tests every module shares: each answer of Hotmart's error table becomes the
// right Make error, and a 401 (expired token) is answered by one refresh and one retry.
import type nock from 'nock';
import { fixture } from './fixtures';
import { connect, run, runFailing, type BuiltApp } from './harness';
import { capture, hotmartApi, RENEWED_TOKEN, tokenRequest, type Seen } from './hotmart';
import { HOTMART_ERRORS } from './hotmart-errors';

export interface ErrorTestSetup {
  built: () => BuiltApp;
  module: string;
  parameters: Record<string, unknown>;
  /** The module's exact request on a data-host scope (method, path, query, body). */
  intercept: (api: nock.Scope) => nock.Interceptor;
  /** A successful answer, for the retry after a refresh. */
  success: unknown;
  /** The bundles the successful answer becomes. */
  bundles: unknown[];
}

export function describeHotmartErrors(setup: ErrorTestSetup): void {
  describe("Hotmart's error table", () => {
    test.each(HOTMART_ERRORS)('$status becomes a $type', async (errorCase) => {
      const { runtime } = setup.built();
      const connection = await connect(runtime);
      const seen: Seen = [];
      const scope = setup
        .intercept(hotmartApi())
        .reply(capture(seen, errorCase.status, fixture(errorCase.fixture), errorCase.headers));
      const error = await runFailing(runtime, setup.module, {
        connection,
        parameters: setup.parameters,
      });
      scope.done();
      expect(seen).toHaveLength(1);
      expect({ type: error.type, message: error.message, statusCode: error.statusCode }).toEqual({
        type: errorCase.type,
        message: errorCase.message,
        statusCode: errorCase.status,
      });
    });

    test('401 token_expired: the token is renewed once and the request retried with it', async () => {
      const { runtime } = setup.built();
      const connection = await connect(runtime);
      const seen: Seen = [];
      const expired = setup.intercept(hotmartApi()).reply(capture(seen, 401, fixture('error-401')));
      const renewal = tokenRequest(seen, { body: RENEWED_TOKEN });
      const retried = setup
        .intercept(hotmartApi('production', RENEWED_TOKEN.access_token))
        .reply(capture(seen, 200, setup.success));
      const result = await run(runtime, setup.module, { connection, parameters: setup.parameters });
      expired.done();
      renewal.done();
      retried.done();
      expect(seen.map((request) => request.headers.authorization)).toEqual([
        'Bearer test-access-token-FIRST-0001',
        expect.stringMatching(/^Basic /),
        'Bearer test-access-token-RENEWED-0002',
      ]);
      expect(result.bundles).toEqual(setup.bundles);
      expect(connection.data.accessToken).toBe(RENEWED_TOKEN.access_token);
    });

    test('401 again after the renewal becomes an InvalidAccessTokenError', async () => {
      const { runtime } = setup.built();
      const connection = await connect(runtime);
      const seen: Seen = [];
      const expired = setup.intercept(hotmartApi()).reply(capture(seen, 401, fixture('error-401')));
      const renewal = tokenRequest(seen, { body: RENEWED_TOKEN });
      const stillRefused = setup
        .intercept(hotmartApi('production', RENEWED_TOKEN.access_token))
        .reply(capture(seen, 401, fixture('error-401')));
      const error = await runFailing(runtime, setup.module, {
        connection,
        parameters: setup.parameters,
      });
      expired.done();
      renewal.done();
      stillRefused.done();
      expect({ type: error.type, message: error.message }).toEqual({
        type: 'InvalidAccessTokenError',
        message: '[401] The access token expired (token_expired)',
      });
    });
  });
}

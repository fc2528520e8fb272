// One acme connection per test file (token fetched once in beforeAll), so request and response
// tests mock only the module's own requests.
import nock from 'nock';
import type { Connection } from '../../../lib/runtime';
import { ACME_PARAMETERS, AUTH, TOKEN_BODY, testApp, testModule, tokenReply } from './app';
import { connect, load } from './runtime';

export const NOW = new Date('2024-05-01T12:00:00.000Z');

export function sharedConnection(): { get(): Connection } {
  let connection: Connection | undefined;
  beforeAll(async () => {
    const app = await load(
      testApp({ modules: [testModule({ communication: { url: '/v1/ping' } })] }),
    );
    const scope = nock(AUTH).post('/oauth/token', TOKEN_BODY).reply(200, tokenReply(1));
    connection = await connect(app, 'acme', ACME_PARAMETERS, { now: () => NOW });
    scope.done();
  });
  return {
    get(): Connection {
      if (!connection) throw new Error('the shared connection was not created');
      return connection;
    },
  };
}

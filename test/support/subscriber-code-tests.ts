// The subscriber_code guard every single-subscription module shares: a code that is not short
// alphanumeric text is refused with a DataError naming the parameter, and no request leaves for
// any host (the bearer token included).
import { connect, runFailing, type BuiltApp } from './harness';
import { BAD_SUBSCRIBER_CODES } from './security-cases';
import { recordStrayRequests } from './stray-requests';

export function describeSubscriberCodeGuard(built: () => BuiltApp, module: string): void {
  describe('subscriber_code is refused before any request unless short alphanumeric text', () => {
    test.each(BAD_SUBSCRIBER_CODES.map((code) => [JSON.stringify(code), code]))(
      '%s',
      async (_shown, code) => {
        const { runtime } = built();
        const connection = await connect(runtime);
        const recorder = recordStrayRequests();
        let error;
        try {
          error = await runFailing(runtime, module, {
            connection,
            parameters: { subscriber_code: code },
          });
        } finally {
          recorder.stop();
        }
        expect({ type: error.type, code: error.code, parameter: error.parameter }).toEqual({
          type: 'DataError',
          code: 'PARAMETER_INVALID',
          parameter: 'subscriber_code',
        });
        expect(error.message).toContain("invalid value of parameter 'subscriber_code'");
        expect(error.log?.requestCount).toBe(0);
        expect(recorder.stray).toEqual([]);
      },
    );

    test('a missing subscriber_code is a required-parameter error', async () => {
      const { runtime } = built();
      const connection = await connect(runtime);
      const error = await runFailing(runtime, module, { connection, parameters: {} });
      expect({ type: error.type, code: error.code, message: error.message }).toEqual({
        type: 'DataError',
        code: 'PARAMETER_REQUIRED',
        message: `module ${module}: missing value of required parameter 'subscriber_code'.`,
      });
    });
  });
}

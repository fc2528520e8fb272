// Everything that comes back from Make's API passes through here before the deploy code sees it:
// every rejection of an SDK call becomes a DeployRemoteError with the API token redacted from its
// message (a Make error body may echo the token), and a body that is not JSON is said to be so.
import type { MakeSdk } from './sdk';

export type DeployRemoteErrorCode = 'MAKE_API_ERROR' | 'MAKE_RESPONSE_INVALID' | 'MAKE_UNREACHABLE';

export class DeployRemoteError extends Error {
  override readonly name = 'DeployRemoteError';

  constructor(
    readonly code: DeployRemoteErrorCode,
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

const REDACTED_TOKEN = '[MAKE_API_TOKEN]';

/** `text` without the token (as is, or URL-encoded). */
export function redactToken(text: string, token: string): string {
  if (token.length < 4) return text;
  let out = text.split(token).join(REDACTED_TOKEN);
  const encoded = encodeURIComponent(token);
  if (encoded !== token) out = out.split(encoded).join(REDACTED_TOKEN);
  return out;
}

/** Make answered, but not with what its API documents (a field missing, a list that is not one). */
export function unexpectedShape(reason: string): DeployRemoteError {
  return new DeployRemoteError(
    'MAKE_RESPONSE_INVALID',
    `Make answered with data of an unexpected shape (${reason})`,
  );
}

function field(value: unknown, key: 'name' | 'message' | 'code' | 'cause' | 'statusCode'): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The typed, redacted form of whatever an SDK call rejected with. Duck-typed: fetch's errors come
 * from another realm under some test runners, where `instanceof Error` is false.
 */
function toRemoteError(error: unknown, token: string): DeployRemoteError {
  if (error instanceof DeployRemoteError) return error;
  const text = (value: unknown): string | undefined => {
    const message = field(value, 'message');
    return typeof message === 'string' ? redactToken(message, token) : undefined;
  };
  const message = text(error) ?? redactToken(String(error), token);
  const name = field(error, 'name');
  if (name === 'SyntaxError') {
    return new DeployRemoteError(
      'MAKE_RESPONSE_INVALID',
      `Make answered with a body that is not valid JSON (${message})`,
    );
  }
  const status = field(error, 'statusCode');
  if (typeof status === 'number') return new DeployRemoteError('MAKE_API_ERROR', message, status);
  // No answer at all: fetch's "fetch failed" (the reason in its cause), or a socket error with a
  // system code such as ECONNREFUSED.
  const code = field(error, 'code');
  if (message === 'fetch failed' || (typeof code === 'string' && /^E[A-Z]+$/.test(code))) {
    return new DeployRemoteError('MAKE_UNREACHABLE', text(field(error, 'cause')) ?? message);
  }
  if (name === 'TypeError') return unexpectedShape(message);
  return new DeployRemoteError('MAKE_API_ERROR', message);
}

/** The SDK with every method's rejection turned into a DeployRemoteError (see above). */
export function guardSdk(sdk: MakeSdk, token: string): MakeSdk {
  const wrap = (target: object): object =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value === 'function') {
          return async (...args: unknown[]) => {
            try {
              return (await (value as (...a: unknown[]) => unknown).apply(object, args)) as unknown;
            } catch (error) {
              throw toRemoteError(error, token);
            }
          };
        }
        if (value !== null && typeof value === 'object') return wrap(value);
        return value;
      },
    });
  return wrap(sdk) as MakeSdk;
}

// Errors leave the runtime through here (createConnection, runModule, streamModule, and every
// run collected with `withRunLog`): every known
// secret is redacted from the message, the stack and the attached request, and anything that is
// not a MakeError (a bug in the runtime) is wrapped in a RuntimeError so callers always get one of
// Make's types.
import { MakeError, RuntimeError } from './errors';
import { Redactor } from './redact';
import { RunLog, type RunLogOptions } from './run-log';

export function finalizeError(error: unknown, redactor: Redactor): MakeError {
  if (error instanceof MakeError) {
    error.message = redactor.redactString(error.message);
    if (error.stack !== undefined) error.stack = redactor.redactString(error.stack);
    if (error.request !== undefined) {
      Object.defineProperty(error, 'request', {
        value: redactor.redact(error.request),
        enumerable: true,
      });
    }
    return error;
  }
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const wrapped = new RuntimeError(redactor.redactString(`Unexpected runtime failure: ${reason}`), {
    code: 'UNEXPECTED',
  });
  return wrapped;
}

/** Attaches the run's log to an error leaving the runtime, so callers can show what happened. */
export function withLog(error: MakeError, log: RunLog): MakeError {
  Object.defineProperty(error, 'log', { value: log, enumerable: false, configurable: true });
  return error;
}

/**
 * Runs one collected run (an RPC, an epoch, a responder, a webhook call or registration step)
 * with its own log: the connection's redactor (or a fresh one) and the options' log bound. Any
 * failure leaves as a redacted MakeError carrying that log.
 */
export async function withRunLog<T>(
  options: { connection?: { redactor: Redactor }; log?: RunLogOptions },
  run: (log: RunLog, redactor: Redactor) => Promise<T>,
): Promise<T> {
  const redactor = options.connection?.redactor ?? new Redactor();
  const log = new RunLog(redactor, options.log);
  try {
    return await run(log, redactor);
  } catch (error) {
    throw withLog(finalizeError(error, redactor), log);
  }
}

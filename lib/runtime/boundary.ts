// Errors leave the runtime through here (createConnection, runModule, streamModule): every known
// secret is redacted from the message, the stack and the attached request, and anything that is
// not a MakeError (a bug in the runtime) is wrapped in a RuntimeError so callers always get one of
// Make's types.
import { MakeError, RuntimeError } from './errors';
import type { Redactor } from './redact';
import type { RunLog } from './run-log';

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

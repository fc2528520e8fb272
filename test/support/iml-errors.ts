// The ImlError a piece of code throws, for tests that inspect codes, locations and messages.
import { ImlError } from '../../lib/iml';

/** Runs `run` and returns the ImlError it throws; fails the test when it throws nothing or something else. */
export function thrownImlError(run: () => unknown): ImlError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImlError) return error;
    throw error;
  }
  throw new Error('expected an ImlError');
}

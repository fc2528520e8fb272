// JSON functions.

import { ImlArgumentError } from '../errors';
import { checkLength } from '../values';
import { optionalText } from './args';
import { eager, type FunctionTable } from './types';

export const jsonFunctions: FunctionTable = {
  /** createJSON(value): JSON text (dates as ISO 8601); undefined stays undefined. */
  createJSON: eager(1, 1, ([value]) => {
    if (value === undefined) return undefined;
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      throw new ImlArgumentError(
        "Function 'createJSON': argument 1 cannot be serialised",
        undefined,
        {
          cause: error,
        },
      );
    }
    return text === undefined ? undefined : checkLength(text);
  }),

  /** parseJSON(text): the parsed value; invalid JSON is IML_INVALID_ARGUMENT. */
  parseJSON: eager(1, 1, ([value]) => {
    const text = optionalText(value, 'parseJSON', 1);
    if (text === undefined || text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // No `cause`: JSON.parse's message quotes the input, which may carry a secret.
      throw new ImlArgumentError("Function 'parseJSON': argument 1 is not valid JSON");
    }
  }),
};

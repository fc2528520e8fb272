// A template that does not parse fails at run time, on the first scenario that reaches it; the
// build finds it first. (The other reference rules skip strings that do not parse.)
import { FUNCTION_NAMES, ImlUnknownFunctionError, parseTemplate } from '../../iml';
import { customFunctionNames, eachTemplate } from '../communications';
import type { Constraint } from '../constraint';
import { hint, issueAt } from '../constraint';
import { didYouMean } from '../../shared';
import type { Issue } from '../issue';

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { detail, column } = error as Error & { detail?: unknown; column?: unknown };
  const text = typeof detail === 'string' ? detail : error.message;
  return typeof column === 'number' ? `${text} at column ${column}` : text;
}

export const imlValid: Constraint = {
  id: 'iml-valid',
  description:
    'Every IML template in the base and in every communication parses and calls known functions with the right number of arguments.',
  check(app) {
    const issues: Issue[] = [];
    // The app's own functions are callable from every template (make-app-format §2.7).
    const functions = customFunctionNames(app);
    eachTemplate(app, (text, path) => {
      try {
        parseTemplate(text, { functions });
      } catch (error) {
        // IML function names are case-sensitive; `didYouMean` also offers a case-only fix.
        const suggestion =
          error instanceof ImlUnknownFunctionError
            ? didYouMean(error.functionName, [...FUNCTION_NAMES, ...functions])
            : undefined;
        issues.push(
          issueAt(
            app,
            path,
            this.id,
            `invalid IML: ${describeError(error)}${hint(suggestion)}`,
            suggestion,
          ),
        );
      }
    });
    return issues;
  },
};

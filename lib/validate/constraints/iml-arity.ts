// Make runs a built-in given more arguments than it takes without the extra ones, and so does
// the runtime; in the project's own app an extra argument can only be a mistake (a misplaced
// parenthesis, an option the function does not have), so the build reports it. In the `make`
// profile it is a warning. (Too few arguments are `iml-valid` errors everywhere.)
import { ImlArgumentCountError, parseTemplate } from '../../iml';
import { customFunctionNames, eachTemplate } from '../communications';
import type { Constraint } from '../constraint';
import { issueAt } from '../constraint';
import type { Issue } from '../issue';

export const imlArity: Constraint = {
  id: 'iml-arity',
  description:
    'No IML built-in is called with more arguments than it takes (Make ignores the extra ones).',
  check(app) {
    const issues: Issue[] = [];
    const options = { functions: customFunctionNames(app), strictArity: true };
    eachTemplate(app, (text, path) => {
      try {
        parseTemplate(text, options);
      } catch (error) {
        // Every other failure is iml-valid's to report.
        if (!(error instanceof ImlArgumentCountError)) return;
        const at = error.column === undefined ? '' : ` at column ${error.column}`;
        issues.push(
          issueAt(app, path, this.id, `${error.detail}${at}; Make ignores the extra arguments`),
        );
      }
    });
    return issues;
  },
};

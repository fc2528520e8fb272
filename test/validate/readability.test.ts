// The exact wording of the most common definition mistakes, as `npm run build` prints them.
// Everywhere else tests assert the rule and location only.
import { formatIssue, validateApp } from '../../lib/validate';
import { brokenApp, type Editor } from './support';

const messages: Array<[string, (e: Editor) => void, string]> = [
  [
    'misspelt directive',
    (e) => e.rename(['modules', 1, 'communication', 1, 'response', 'iterate'], 'iterat'),
    'module listTasks: modules/list-tasks/list-tasks.communication.iml.json#/1/response/iterat: unknown key "iterat" (did you mean "iterate"?) [schema/additionalProperties]',
  ],
  [
    'directive not allowed for the module type',
    (e) => e.set(['modules', 0, 'communication', 'response', 'iterate'], '{{body.items}}'),
    'module createTask: modules/create-task/create-task.communication.iml.json#/response/iterate: key "iterate" is not allowed here in an action module [schema/additionalProperties]',
  ],
  [
    'key not allowed on the parameter type',
    (e) =>
      e.push(['modules', 0, 'mappableParameters'], {
        name: 'flag',
        type: 'boolean',
        label: 'Flag',
        options: 'rpc://listProjects',
      }),
    'module createTask: modules/create-task/create-task.mappable-params.iml.json#/3/options: key "options" is not allowed here on a boolean parameter [schema/additionalProperties]',
  ],
  [
    'misspelt directive that the module type does not allow',
    (e) => e.set(['modules', 0, 'communication', 'paginaton'], { qs: {} }),
    'module createTask: modules/create-task/create-task.communication.iml.json#/paginaton: unknown key "paginaton" (did you mean "pagination"? it is not allowed in an action module) [schema/additionalProperties]',
  ],
  [
    'misspelt section',
    (e) => e.rename(['modules', 1, 'interface'], 'interfce'),
    'module listTasks: makecomapp.json#/components/module/listTasks/interfce: unknown key "interfce" (did you mean "interface"?) [schema/additionalProperties]',
  ],
  [
    'misspelt IML function',
    (e) =>
      e.set(
        ['modules', 1, 'communication', 1, 'qs', 'status'],
        '{{fomatDate(parameters.status, "YYYY")}}',
      ),
    'module listTasks: modules/list-tasks/list-tasks.communication.iml.json#/1/qs/status: invalid IML: Unknown function \'fomatDate\' at column 3 (did you mean "formatDate"?) [iml-valid]',
  ],
  [
    'secret through temp',
    (e) => {
      e.set(['modules', 3, 'communication', 'temp'], { t: '{{connection.apiKey}}' });
      e.set(['modules', 3, 'communication', 'qs'], { s: '{{temp.t}}' });
    },
    'module getAccount: modules/get-account/get-account.communication.iml.json#/qs/s: query parameter "s" carries the temp variable "t" (set from the password parameter "apiKey") but log.sanitize does not list "request.qs.s" [sanitize-covers-secrets]',
  ],
  [
    'wrong value type',
    (e) => e.set(['connections', 0, 'communication', 'token', 'method'], 42),
    'connection acme: connections/acme/acme.oauth-communication.iml.json#/token/method: must be a string, found a number (42) [schema/type]',
  ],
  [
    'misspelt module type',
    (e) => e.set(['modules', 3, 'type'], 'acton'),
    'module getAccount: makecomapp.json#/components/module/getAccount/moduleType: "acton" is not one of "action", "search", "universal", "trigger", "instant_trigger", "responder" (did you mean "action"?) [schema/discriminator]',
  ],
  [
    'module missing from the groups',
    (e) => e.remove(['groups', 1]),
    'module getAccount: makecomapp.json#/components/module/getAccount: module "getAccount" is not in any group; add it to one in groups [module-in-one-group]',
  ],
  [
    'misspelt parameter reference',
    (e) => e.set(['modules', 0, 'communication', 'body', 'title'], '{{parameters.titel}}'),
    'module createTask: modules/create-task/create-task.communication.iml.json#/body/title: {{parameters.titel}} refers to a parameter that the module does not declare (did you mean "title"?) [parameters-reference-resolves]',
  ],
  [
    'secret not sanitized',
    (e) => e.remove(['connections', 0, 'communication', 'token', 'log']),
    'connection acme: connections/acme/acme.oauth-communication.iml.json#/token/body/client_secret: body field "client_secret" carries the password parameter "clientSecret" but log.sanitize does not list "request.body.client_secret" [sanitize-covers-secrets]',
  ],
  [
    'invalid module id',
    (e) => {
      e.set(['modules', 3, 'name'], 'get_account');
      e.set(['groups', 1, 'modules', 0], 'get_account');
    },
    'module get_account: makecomapp.json#/components/module/get_account: module id "get_account" is invalid: 3–64 characters: letters and digits only (camelCase), starting with a letter [id-format]',
  ],
];

describe('readability of the common mistakes', () => {
  test.each(messages)('%s', (_name, edit, expected) => {
    expect(validateApp(brokenApp(edit)).map(formatIssue)[0]).toBe(expected);
  });
});

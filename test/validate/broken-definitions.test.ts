// Each broken definition must produce exactly the expected issues: component, generated file,
// JSON pointer and rule (the wording is pinned for a few in readability.test.ts).
import { validateApp } from '../../lib/validate';
import { brokenApp, where, type Editor } from './support';

const LIST_TASKS = 'modules/list-tasks/list-tasks.communication.iml.json';
const CREATE_TASK = 'modules/create-task/create-task.communication.iml.json';
const ACME_OAUTH = 'connections/acme/acme.oauth-communication.iml.json';

const TASK_EVENTS = 'webhooks/task-events/task-events';

/** A webhook registered with attach/detach, with `patch` laid over it. */
function taskEvents(patch: Record<string, unknown>): unknown {
  return {
    name: 'taskEvents',
    label: 'Task events',
    type: 'web',
    connection: 'acme',
    parameters: [{ name: 'event', type: 'text', label: 'Event', required: true }],
    communication: { output: '{{body}}' },
    attach: {
      url: '/hooks',
      method: 'POST',
      body: { url: '{{webhook.url}}', event: '{{parameters.event}}' },
      response: { data: { hookId: '{{body.id}}' } },
    },
    detach: { url: '/hooks/{{webhook.hookId}}', method: 'DELETE' },
    ...patch,
  };
}

interface Case {
  name: string;
  edit: (e: Editor) => void;
  expected: Array<{ component: string; file: string; pointer: string; rule: string }>;
  suggestion?: string;
}

const cases: Case[] = [
  // --- schema errors -------------------------------------------------------------------------
  {
    name: 'misspelt response directive (iterat)',
    edit: (e) => e.rename(['modules', 1, 'communication', 1, 'response', 'iterate'], 'iterat'),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/response/iterat',
        rule: 'schema/additionalProperties',
      },
    ],
    suggestion: 'iterate',
  },
  {
    name: 'misspelt request directive (paginaton) in an RPC',
    edit: (e) => e.rename(['rpcs', 0, 'communication', 'pagination'], 'paginaton'),
    expected: [
      {
        component: 'rpc listProjects',
        file: 'rpcs/list-projects/list-projects.communication.iml.json',
        pointer: '/paginaton',
        rule: 'schema/additionalProperties',
      },
    ],
    suggestion: 'pagination',
  },
  {
    name: 'wrong type: a number as method',
    edit: (e) => e.set(['connections', 0, 'communication', 'token', 'method'], 42),
    expected: [
      {
        component: 'connection acme',
        file: ACME_OAUTH,
        pointer: '/token/method',
        rule: 'schema/type',
      },
    ],
  },
  {
    name: 'misspelt enum value: method GETT',
    edit: (e) => e.set(['connections', 0, 'communication', 'info', 'method'], 'GETT'),
    expected: [
      {
        component: 'connection acme',
        file: ACME_OAUTH,
        pointer: '/info/method',
        rule: 'schema/enum',
      },
    ],
    suggestion: 'GET',
  },
  {
    name: 'an action with iterate',
    edit: (e) => e.set(['modules', 0, 'communication', 'response', 'iterate'], '{{body.items}}'),
    expected: [
      {
        component: 'module createTask',
        file: CREATE_TASK,
        pointer: '/response/iterate',
        rule: 'schema/additionalProperties',
      },
    ],
  },
  {
    name: 'a universal module with an absolute URL',
    edit: (e) =>
      e.set(['modules', 4, 'communication', 'url'], 'https://evil.example.com/{{parameters.url}}'),
    expected: [
      {
        component: 'module makeApiCall',
        file: 'modules/make-api-call/make-api-call.communication.iml.json',
        pointer: '/url',
        rule: 'schema/pattern',
      },
    ],
  },
  {
    name: 'a bare-string parameter',
    edit: (e) => e.push(['modules', 0, 'mappableParameters'], 'notes'),
    expected: [
      {
        component: 'module createTask',
        file: 'modules/create-task/create-task.mappable-params.iml.json',
        pointer: '/3',
        rule: 'schema/type',
      },
    ],
  },
  {
    name: 'unknown module type (acton)',
    edit: (e) => e.set(['modules', 3, 'type'], 'acton'),
    expected: [
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount/moduleType',
        rule: 'schema/discriminator',
      },
    ],
    suggestion: 'action',
  },
  {
    name: 'missing section (samples)',
    edit: (e) => e.remove(['modules', 3, 'samples']),
    expected: [
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.samples.iml.json',
        pointer: '',
        rule: 'schema/required',
      },
    ],
  },
  {
    name: 'misspelt parameter type (txt)',
    edit: (e) => e.set(['modules', 0, 'mappableParameters', 1, 'type'], 'txt'),
    expected: [
      {
        component: 'module createTask',
        file: 'modules/create-task/create-task.mappable-params.iml.json',
        pointer: '/1/type',
        rule: 'schema/discriminator',
      },
    ],
    suggestion: 'text',
  },
  {
    name: 'misspelt key in a select option (one anyOf branch, not all four)',
    edit: (e) => e.rename(['modules', 1, 'mappableParameters', 1, 'options', 0, 'label'], 'lable'),
    expected: [
      {
        component: 'module listTasks',
        file: 'modules/list-tasks/list-tasks.mappable-params.iml.json',
        pointer: '/1/options/0/lable',
        rule: 'schema/additionalProperties',
      },
    ],
    suggestion: 'label',
  },
  {
    name: 'misspelt key of a condition object (no extra "missing condition")',
    edit: (e) =>
      e.set(['modules', 4, 'communication', 'condition'], { condtion: '{{parameters.url}}' }),
    expected: [
      {
        component: 'module makeApiCall',
        file: 'modules/make-api-call/make-api-call.communication.iml.json',
        pointer: '/condition/condtion',
        rule: 'schema/additionalProperties',
      },
    ],
    suggestion: 'condition',
  },
  {
    name: 'misspelt section (interfce): no "missing interface", no sample flood',
    edit: (e) => e.rename(['modules', 1, 'interface'], 'interfce'),
    expected: [
      {
        component: 'module listTasks',
        file: 'makecomapp.json',
        pointer: '/components/module/listTasks/interfce',
        rule: 'schema/additionalProperties',
      },
    ],
    suggestion: 'interface',
  },
  {
    name: 'misspelt section (mapableParameters): no "missing", no reference flood',
    edit: (e) => e.rename(['modules', 1, 'mappableParameters'], 'mapableParameters'),
    expected: [
      {
        component: 'module listTasks',
        file: 'makecomapp.json',
        pointer: '/components/module/listTasks/mapableParameters',
        rule: 'schema/additionalProperties',
      },
    ],
    suggestion: 'mappableParameters',
  },
  {
    name: 'a null parameter in place of a referenced one (no reference issues)',
    edit: (e) => e.set(['modules', 1, 'mappableParameters', 0], null),
    expected: [
      {
        component: 'module listTasks',
        file: 'modules/list-tasks/list-tasks.mappable-params.iml.json',
        pointer: '/0',
        rule: 'schema/type',
      },
    ],
  },
  {
    name: 'a null interface field (no sample issues)',
    edit: (e) => e.set(['modules', 3, 'interface', 0], null),
    expected: [
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.interface.iml.json',
        pointer: '/0',
        rule: 'schema/type',
      },
    ],
  },
  {
    name: 'options on a boolean parameter',
    edit: (e) =>
      e.push(['modules', 0, 'mappableParameters'], {
        name: 'flag',
        type: 'boolean',
        label: 'Flag',
        options: 'rpc://listProjects',
      }),
    expected: [
      {
        component: 'module createTask',
        file: 'modules/create-task/create-task.mappable-params.iml.json',
        pointer: '/3/options',
        rule: 'schema/additionalProperties',
      },
    ],
  },
  {
    name: 'misspelt directive not allowed for the type (paginaton in an action)',
    edit: (e) => e.set(['modules', 0, 'communication', 'paginaton'], { qs: {} }),
    expected: [
      {
        component: 'module createTask',
        file: CREATE_TASK,
        pointer: '/paginaton',
        rule: 'schema/additionalProperties',
      },
    ],
  },
  // --- functional constraints ----------------------------------------------------------------
  {
    name: 'module id with a dash (Make: letters and digits only)',
    edit: (e) => {
      e.set(['modules', 3, 'name'], 'get-account');
      e.set(['groups', 1, 'modules', 0], 'get-account');
    },
    expected: [
      {
        component: 'module get-account',
        file: 'makecomapp.json',
        pointer: '/components/module/get-account',
        rule: 'id-format',
      },
      // groups.schema.json checks module ids too
      {
        component: 'app',
        file: 'modules/groups.json',
        pointer: '/1/modules/0',
        rule: 'schema/pattern',
      },
    ],
  },
  {
    name: 'duplicate module id',
    edit: (e) => e.push(['modules'], structuredClone(e.get(['modules', 3]))),
    expected: [
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount',
        rule: 'id-unique',
      },
    ],
  },
  {
    name: 'two connection ids compiling to the same folder',
    edit: (e) =>
      e.push(['connections'], {
        ...(structuredClone(e.get(['connections', 1])) as object),
        name: 'acmeKey',
      }),
    expected: [
      {
        component: 'connection acmeKey',
        file: 'makecomapp.json',
        pointer: '/components/connection/acmeKey',
        rule: 'id-folder-unique',
      },
    ],
  },
  {
    name: 'module in no group',
    edit: (e) => e.remove(['groups', 1]),
    expected: [
      {
        component: 'module getAccount',
        file: 'makecomapp.json',
        pointer: '/components/module/getAccount',
        rule: 'module-in-one-group',
      },
    ],
  },
  {
    name: 'module in two groups',
    edit: (e) => e.push(['groups', 2, 'modules'], 'listTasks'),
    expected: [
      {
        component: 'app',
        file: 'modules/groups.json',
        pointer: '/2/modules/1',
        rule: 'module-in-one-group',
      },
    ],
  },
  {
    name: 'group names a module that does not exist',
    edit: (e) => e.push(['groups', 0, 'modules'], 'listTask'),
    expected: [
      {
        component: 'app',
        file: 'modules/groups.json',
        pointer: '/0/modules/3',
        rule: 'group-module-exists',
      },
    ],
    suggestion: 'listTasks',
  },
  {
    name: 'module connection that does not exist',
    edit: (e) => e.set(['modules', 0, 'connection'], 'acmee'),
    expected: [
      {
        component: 'module createTask',
        file: 'makecomapp.json',
        pointer: '/components/module/createTask/connection',
        rule: 'connection-exists',
      },
    ],
    suggestion: 'acme',
  },
  {
    name: 'altConnection that does not exist',
    edit: (e) => e.set(['modules', 0, 'altConnection'], 'backup'),
    expected: [
      {
        component: 'module createTask',
        file: 'makecomapp.json',
        pointer: '/components/module/createTask/altConnection',
        rule: 'connection-exists',
      },
    ],
  },
  {
    name: 'rpc:// reference to a missing RPC',
    edit: (e) => e.set(['modules', 1, 'mappableParameters', 0, 'options'], 'rpc://listProject'),
    expected: [
      {
        component: 'module listTasks',
        file: 'modules/list-tasks/list-tasks.mappable-params.iml.json',
        pointer: '/0/options',
        rule: 'rpc-exists',
      },
    ],
    suggestion: 'rpc://listProjects',
  },
  {
    name: '{{parameters.x}} not declared',
    edit: (e) => e.set(['modules', 0, 'communication', 'body', 'title'], '{{parameters.titel}}'),
    expected: [
      {
        component: 'module createTask',
        file: CREATE_TASK,
        pointer: '/body/title',
        rule: 'parameters-reference-resolves',
      },
    ],
    suggestion: 'title',
  },
  {
    name: '{{parameters.x}} in connection code not a connection parameter',
    edit: (e) =>
      e.set(
        ['connections', 0, 'communication', 'token', 'body', 'client_id'],
        '{{parameters.clientID}}',
      ),
    expected: [
      {
        component: 'connection acme',
        file: ACME_OAUTH,
        pointer: '/token/body/client_id',
        rule: 'parameters-reference-resolves',
      },
    ],
    suggestion: 'clientId',
  },
  {
    name: '{{parameters.x}} in a webhook’s communication not one of its parameters',
    edit: (e) =>
      e.set(
        ['webhooks'],
        [taskEvents({ communication: { condition: '{{parameters.evnt = body.type}}' } })],
      ),
    expected: [
      {
        component: 'webhook taskEvents',
        file: `${TASK_EVENTS}.communication.iml.json`,
        pointer: '/condition',
        rule: 'parameters-reference-resolves',
      },
    ],
    suggestion: 'event',
  },
  {
    name: '{{connection.x}} in a webhook’s attach request',
    edit: (e) =>
      e.set(
        ['webhooks'],
        [
          taskEvents({
            attach: {
              url: '/hooks',
              method: 'POST',
              headers: { 'X-Account': '{{connection.acountId}}' },
              body: { url: '{{webhook.url}}' },
            },
          }),
        ],
      ),
    expected: [
      {
        component: 'webhook taskEvents',
        file: `${TASK_EVENTS}.attach.iml.json`,
        pointer: '/headers/X-Account',
        rule: 'connection-reference-resolves',
      },
    ],
  },
  {
    name: 'invalid IML in a webhook’s detach request',
    edit: (e) =>
      e.set(
        ['webhooks'],
        [taskEvents({ detach: { url: '/hooks/{{webhook.hookId', method: 'DELETE' } })],
      ),
    expected: [
      {
        component: 'webhook taskEvents',
        file: `${TASK_EVENTS}.detach.iml.json`,
        pointer: '/url',
        rule: 'iml-valid',
      },
    ],
  },
  {
    name: '{{connection.x}} neither a parameter nor stored data',
    edit: (e) => e.set(['base', 'headers', 'Authorization'], 'Bearer {{connection.acessToken}}'),
    expected: [
      {
        component: 'app',
        file: 'general/base.iml.json',
        pointer: '/headers/Authorization',
        rule: 'connection-reference-resolves',
      },
    ],
    suggestion: 'accessToken',
  },
  {
    name: '{{connection.x}} in a module without a connection',
    edit: (e) => {
      e.set(['modules', 3, 'connection'], null);
      e.remove(['modules', 3, 'communication', 'headers']);
    },
    expected: [
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.communication.iml.json',
        pointer: '/url',
        rule: 'connection-reference-resolves',
      },
    ],
  },
  {
    name: "a root variable that is not one of Make's (a typo Make would read as empty)",
    edit: (e) =>
      e.set(
        ['modules', 1, 'communication', 1, 'response', 'output', 'project', 'name'],
        '{{iten.name}}',
      ),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/response/output/project/name',
        rule: 'iml-root-known',
      },
    ],
  },
  {
    name: '{{temp.x}} never set in the communication',
    edit: (e) =>
      e.set(
        ['modules', 1, 'communication', 1, 'response', 'output', 'project', 'name'],
        '{{temp.project}}',
      ),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/response/output/project/name',
        rule: 'temp-reference-resolves',
      },
    ],
  },
  {
    name: 'IML calling an unknown function',
    edit: (e) =>
      e.set(['modules', 1, 'communication', 1, 'qs', 'status'], '{{lowercase(parameters.status)}}'),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/qs/status',
        rule: 'iml-valid',
      },
    ],
  },
  {
    name: 'IML giving a built-in more arguments than it takes',
    edit: (e) =>
      e.set(['modules', 1, 'communication', 1, 'qs', 'status'], '{{lower(parameters.status, 1)}}'),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/qs/status',
        rule: 'iml-arity',
      },
    ],
  },
  {
    name: 'IML calling a misspelt function (fomatDate)',
    edit: (e) =>
      e.set(
        ['modules', 1, 'communication', 1, 'qs', 'status'],
        '{{fomatDate(parameters.status, "YYYY")}}',
      ),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/qs/status',
        rule: 'iml-valid',
      },
    ],
    suggestion: 'formatDate',
  },
  {
    name: 'sample key not in the interface',
    edit: (e) => e.set(['modules', 3, 'samples', 'seat'], 3),
    expected: [
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.samples.iml.json',
        pointer: '/seat',
        rule: 'samples-match-interface',
      },
    ],
    suggestion: 'seats',
  },
  {
    name: 'sample value of the wrong type',
    edit: (e) => e.set(['modules', 3, 'samples', 'seats'], 'three'),
    expected: [
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.samples.iml.json',
        pointer: '/seats',
        rule: 'samples-match-interface',
      },
    ],
  },
  {
    name: 'sample value of the wrong type inside a collection',
    edit: (e) => {
      const sample = structuredClone(e.get(['modules', 0, 'samples'])) as Record<string, unknown>;
      e.set(['modules', 0, 'samples'], { ...sample, project: { id: 7, name: 'Inbox' } });
    },
    expected: [
      {
        component: 'module createTask',
        file: 'modules/create-task/create-task.samples.iml.json',
        pointer: '/project/id',
        rule: 'samples-match-interface',
      },
    ],
  },
  {
    name: 'connection token request does not sanitize the client secret',
    edit: (e) => e.remove(['connections', 0, 'communication', 'token', 'log']),
    expected: [
      {
        component: 'connection acme',
        file: ACME_OAUTH,
        pointer: '/token/body/client_secret',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.body.client_secret',
  },
  {
    name: 'basic connection sends the API key header unsanitized',
    edit: (e) =>
      e.set(
        ['connections', 1, 'communication', 'log', 'sanitize'],
        ['request.headers.authorization'],
      ),
    expected: [
      {
        component: 'connection acme-key',
        file: 'connections/acme-key/acme-key.communication.iml.json',
        pointer: '/headers/X-Api-Key',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.headers.x-api-key',
  },
  {
    // The validator once missed passwords nested under select options, which the runtime redacts:
    // both now use one walk (lib/shared/parameters.ts).
    name: 'a password nested under a select option is sent unsanitized',
    edit: (e) => {
      e.set(
        ['connections', 1, 'parameters'],
        [
          { name: 'apiKey', type: 'password', label: 'API key', required: true },
          {
            name: 'region',
            type: 'select',
            label: 'Region',
            options: [
              { label: 'EU', value: 'eu' },
              {
                label: 'Private',
                value: 'private',
                nested: [{ name: 'regionKey', type: 'password', label: 'Region key' }],
              },
            ],
          },
        ],
      );
      e.set(['connections', 1, 'communication', 'headers'], {
        'X-Api-Key': '{{parameters.apiKey}}',
        'X-Region-Key': '{{parameters.regionKey}}',
      });
    },
    expected: [
      {
        component: 'connection acme-key',
        file: 'connections/acme-key/acme-key.communication.iml.json',
        pointer: '/headers/X-Region-Key',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.headers.x-region-key',
  },
  {
    name: 'base sends the stored access token without sanitizing it',
    edit: (e) => e.remove(['base', 'log']),
    expected: [
      {
        component: 'app',
        file: 'general/base.iml.json',
        pointer: '/headers/Authorization',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.headers.authorization',
  },
  {
    name: 'a module log replaces the base log and drops the inherited Authorization header',
    edit: (e) => e.set(['modules', 1, 'communication', 0, 'log'], { sanitize: [] }),
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/0/log/sanitize',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.headers.authorization',
  },
  {
    name: 'a secret passed through temp into the query string',
    edit: (e) => {
      e.set(['modules', 3, 'communication', 'temp'], { t: '{{connection.apiKey}}' });
      e.set(['modules', 3, 'communication', 'qs'], { s: '{{temp.t}}' });
    },
    expected: [
      {
        component: 'module getAccount',
        file: 'modules/get-account/get-account.communication.iml.json',
        pointer: '/qs/s',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.qs.s',
  },
  {
    name: 'a secret passed through two temp keys (response.temp) into a header',
    edit: (e) => {
      e.set(['modules', 1, 'communication', 0, 'response', 'temp'], {
        projectName: '{{body.name}}',
        a: '{{connection.accessToken}}',
        b: 'Bearer {{temp.a}}',
      });
      e.set(['modules', 1, 'communication', 1, 'headers'], { 'X-Token': '{{temp.b}}' });
    },
    expected: [
      {
        component: 'module listTasks',
        file: LIST_TASKS,
        pointer: '/1/headers/X-Token',
        rule: 'sanitize-covers-secrets',
      },
    ],
    suggestion: 'request.headers.x-token',
  },
];

describe('broken definitions: exact component, file, pointer and rule', () => {
  test('the table is large enough', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  test.each(cases)('$name', ({ edit, expected, suggestion }) => {
    const issues = validateApp(brokenApp(edit));
    expect(where(issues)).toEqual(expected);
    if (suggestion !== undefined) expect(issues[0]?.suggestion).toBe(suggestion);
  });

  test('every problem is reported, not just the first', () => {
    const app = brokenApp((e) => {
      for (const c of cases.filter((x) =>
        [
          'misspelt response directive (iterat)',
          'module in no group',
          'sample key not in the interface',
        ].includes(x.name),
      )) {
        c.edit(e);
      }
    });
    expect(
      where(validateApp(app))
        .map((i) => i.rule)
        .sort(),
    ).toEqual(['module-in-one-group', 'samples-match-interface', 'schema/additionalProperties']);
  });
});

// Conformance rows S1-S13 (lib/runtime/README.md): response directives and module output.
import nock from 'nock';
import { API, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { NOW, sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

interface Case {
  name: string;
  module: Parameters<typeof testModule>[0];
  parameters?: Record<string, unknown>;
  unvalidated?: boolean;
  mock?: (api: nock.Scope) => nock.Scope;
  bundles?: unknown[];
  error?: Record<string, unknown>;
}

const items = [
  { id: 1, kind: 'a', at: 1714564800000 },
  { id: 2, kind: 'b', at: 1714651200000 },
  { id: 3, kind: 'a', at: 1714737600000 },
];

const cases: Case[] = [
  {
    name: 'S1 automatic parsing by Content-Type: text/plain stays text',
    module: {
      type: 'action',
      communication: { url: '/v1/t', response: { output: { text: '{{body}}' } } },
    },
    mock: (api) => api.get('/v1/t').reply(200, 'hello', { 'Content-Type': 'text/plain' }),
    bundles: [{ text: 'hello' }],
  },
  {
    name: 'S1 automatic parsing: an unknown content type is JSON when it parses',
    module: { type: 'action', communication: { url: '/v1/t', response: { output: '{{body}}' } } },
    mock: (api) =>
      api.get('/v1/t').reply(200, '{"a":1}', { 'Content-Type': 'application/octet-stream' }),
    bundles: [{ a: 1 }],
  },
  {
    name: 'S1 automatic parsing: x-www-form-urlencoded becomes an object',
    module: { type: 'action', communication: { url: '/v1/t', response: { output: '{{body}}' } } },
    mock: (api) =>
      api
        .get('/v1/t')
        .reply(200, 'a=1&b=x%20y&b=z', { 'Content-Type': 'application/x-www-form-urlencoded' }),
    bundles: [{ a: '1', b: ['x y', 'z'] }],
  },
  {
    name: 'S1 response.type json parses whatever the Content-Type says',
    module: {
      type: 'action',
      communication: { url: '/v1/t', response: { type: 'json', output: '{{body}}' } },
    },
    mock: (api) => api.get('/v1/t').reply(200, '{"a":2}', { 'Content-Type': 'text/plain' }),
    bundles: [{ a: 2 }],
  },
  {
    name: 'S1 response.type keyed by status: the narrowest match wins',
    module: {
      type: 'action',
      communication: {
        url: '/v1/t',
        response: {
          type: { '*': 'json', '200-299': 'text', '201': 'json' },
          output: { body: '{{body}}' },
        },
      },
    },
    mock: (api) => api.get('/v1/t').reply(202, '{"a":3}', { 'Content-Type': 'application/json' }),
    bundles: [{ body: '{"a":3}' }],
  },
  {
    name: 'S2 response.temp is merged into temp and visible in output',
    module: {
      type: 'action',
      communication: {
        temp: { a: 1 },
        url: '/v1/t',
        response: { temp: { b: '{{body.v}}' }, output: { a: '{{temp.a}}', b: '{{temp.b}}' } },
      },
    },
    mock: (api) => api.get('/v1/t').reply(200, { v: 'x' }),
    bundles: [{ a: 1, b: 'x' }],
  },
  {
    name: 'S3 valid false on a 200 is an error: valid.message and valid.type win',
    module: {
      type: 'action',
      communication: {
        url: '/v1/t',
        response: {
          valid: {
            condition: '{{body.ok}}',
            message: 'Not ok: {{body.reason}}',
            type: 'DataError',
          },
          error: { message: 'generic', type: 'RuntimeError' },
        },
      },
    },
    mock: (api) => api.get('/v1/t').reply(200, { ok: false, reason: 'quota' }),
    error: { type: 'DataError', code: 'HTTP_STATUS', message: 'Not ok: quota', statusCode: 200 },
  },
  {
    name: 'S3 valid false without a message: error.<status> then error.message',
    module: {
      type: 'action',
      communication: {
        url: '/v1/t',
        response: {
          valid: '{{body.ok}}',
          error: {
            message: 'generic {{statusCode}}',
            '200': { message: 'status 200 entry', type: 'IncompleteDataError' },
          },
        },
      },
    },
    mock: (api) => api.get('/v1/t').reply(200, { ok: false }),
    error: { type: 'IncompleteDataError', message: 'status 200 entry' },
  },
  {
    name: 'S3 valid false with no error directives: "Response marked as invalid." RuntimeError',
    module: { type: 'action', communication: { url: '/v1/t', response: { valid: false } } },
    unvalidated: true,
    mock: (api) => api.get('/v1/t').reply(200, { ok: true }),
    error: { type: 'RuntimeError', message: 'Response marked as invalid.' },
  },
  {
    name: 'S4 a 4xx is an error even when valid says true',
    module: {
      type: 'action',
      communication: {
        url: '/v1/t',
        response: { valid: true, error: { message: '[{{statusCode}}] {{body.error}}' } },
      },
    },
    mock: (api) => api.get('/v1/t').reply(400, { error: 'bad' }),
    error: { type: 'RuntimeError', message: '[400] bad', statusCode: 400 },
  },
  {
    name: 'S4 a bare string error is the message',
    module: {
      type: 'action',
      communication: { url: '/v1/t', response: { error: 'Failed with {{statusCode}}' } },
    },
    mock: (api) => api.get('/v1/t').reply(500, {}),
    error: { type: 'RuntimeError', message: 'Failed with 500' },
  },
  {
    name: 'S4 without directives: "[status] <error_description>" and the default type',
    module: { type: 'action', communication: { url: '/v1/t' } },
    mock: (api) =>
      api
        .get('/v1/t')
        .reply(403, { error: 'forbidden', error_description: 'No access to this resource' }),
    error: { type: 'RuntimeError', message: '[403] No access to this resource', statusCode: 403 },
  },
  {
    name: 'S4 an error body that is not an object: template paths read undefined',
    module: {
      type: 'action',
      communication: {
        url: '/v1/t',
        response: { error: { message: 'E {{statusCode}} {{ifempty(body.message, "none")}}' } },
      },
    },
    mock: (api) => api.get('/v1/t').reply(500, 'plain failure', { 'Content-Type': 'text/plain' }),
    error: { type: 'RuntimeError', message: 'E 500 none' },
  },
  {
    name: 'S4 a message template that fails falls back to the default message and says why',
    module: {
      type: 'action',
      communication: {
        url: '/v1/t',
        response: { error: { message: '{{body.a + unknownRoot.x}}' } },
      },
    },
    unvalidated: true,
    mock: (api) => api.get('/v1/t').reply(500, { error_description: 'boom' }),
    error: { type: 'RuntimeError', statusCode: 500 },
  },
  {
    name: 'S5 iterate with a container and condition (condition sees item)',
    module: {
      communication: {
        url: '/v1/list',
        response: {
          iterate: { container: '{{body.data}}', condition: "{{item.kind = 'a'}}" },
          output: { id: '{{item.id}}' },
        },
      },
    },
    mock: (api) => api.get('/v1/list').reply(200, { data: items }),
    bundles: [{ id: 1 }, { id: 3 }],
  },
  {
    name: 'S6 output defaults to item when iterating; dates in outputs become ISO strings (S13)',
    module: {
      communication: {
        url: '/v1/list',
        response: {
          iterate: '{{body.data}}',
          output: { '{{...}}': '{{item}}', at: "{{parseDate(item.at, 'x')}}" },
        },
      },
    },
    mock: (api) => api.get('/v1/list').reply(200, { data: items.slice(0, 1) }),
    bundles: [{ id: 1, kind: 'a', at: '2024-05-01T12:00:00.000Z' }],
  },
  {
    name: 'S13 dates in values shared across items (temp) become ISO in every bundle, temp itself untouched',
    module: {
      communication: {
        url: '/v1/list',
        response: {
          temp: { shared: { at: '{{now}}' } },
          iterate: '{{body.data}}',
          output: {
            id: '{{item.id}}',
            shared: '{{temp.shared}}',
            stillDate: '{{temp.shared.at > 0}}',
          },
        },
      },
    },
    unvalidated: true,
    mock: (api) => api.get('/v1/list').reply(200, { data: items.slice(0, 2) }),
    bundles: [
      { id: 1, shared: { at: NOW.toISOString() }, stillDate: true },
      { id: 2, shared: { at: NOW.toISOString() }, stillDate: true },
    ],
  },
  {
    name: 'S6 output defaults to body without iterate',
    module: { type: 'action', communication: { url: '/v1/one' } },
    mock: (api) => api.get('/v1/one').reply(200, { id: 9 }),
    bundles: [{ id: 9 }],
  },
  {
    name: 'S6 an output that evaluates to undefined yields no bundle',
    module: {
      type: 'action',
      communication: { url: '/v1/one', response: { output: '{{undefined}}' } },
    },
    mock: (api) => api.get('/v1/one').reply(200, { id: 9 }),
    bundles: [],
  },
  {
    name: 'S7 limit (IML) cuts the items of a page',
    module: {
      mappableParameters: [{ name: 'limit', type: 'uinteger', label: 'Limit' }],
      communication: {
        url: '/v1/list',
        response: {
          iterate: '{{body.data}}',
          output: { id: '{{item.id}}' },
          limit: '{{parameters.limit}}',
        },
      },
    },
    parameters: { limit: '2' },
    mock: (api) => api.get('/v1/list').reply(200, { data: items }),
    bundles: [{ id: 1 }, { id: 2 }],
  },
  {
    name: 'S7 an empty limit means no limit',
    module: {
      mappableParameters: [{ name: 'limit', type: 'uinteger', label: 'Limit' }],
      communication: {
        url: '/v1/list',
        response: {
          iterate: '{{body.data}}',
          output: { id: '{{item.id}}' },
          limit: '{{parameters.limit}}',
        },
      },
    },
    parameters: { limit: '' },
    mock: (api) => api.get('/v1/list').reply(200, { data: items }),
    bundles: [{ id: 1 }, { id: 2 }, { id: 3 }],
  },
  {
    name: 'S8 wrapper receives the collected output and its value becomes the output',
    module: {
      communication: {
        url: '/v1/list',
        response: {
          iterate: '{{body.data}}',
          output: '{{item.id}}',
          wrapper: { ids: '{{join(output, ",")}}', count: '{{length(output)}}' },
        },
      },
    },
    unvalidated: true,
    mock: (api) => api.get('/v1/list').reply(200, { data: items }),
    bundles: [{ ids: '1,2,3', count: 3 }],
  },
  {
    name: 'S9 multiple requests: temp carries across, the last executed request gives the output',
    module: {
      type: 'action',
      communication: [
        { url: '/v1/a', response: { temp: { id: '{{body.id}}' } } },
        {
          url: '/v1/b/{{temp.id}}',
          response: { output: { a: '{{temp.id}}', b: '{{body.name}}' } },
        },
      ],
    },
    mock: (api) =>
      api.get('/v1/a').reply(200, { id: 'x1' }).get('/v1/b/x1').reply(200, { name: 'B' }),
    bundles: [{ a: 'x1', b: 'B' }],
  },
  {
    name: 'S9 a skipped last request without default: the previous executed request gives the output',
    module: {
      type: 'action',
      communication: [
        { url: '/v1/a', response: { output: { from: 'a', id: '{{body.id}}' } } },
        { condition: false, url: '/v1/never', response: { output: { from: 'b' } } },
      ],
    },
    mock: (api) => api.get('/v1/a').reply(200, { id: 'x1' }),
    bundles: [{ from: 'a', id: 'x1' }],
  },
  {
    name: 'S9 a skipped last request with default: the default is the output',
    module: {
      type: 'action',
      communication: [
        { url: '/v1/a', response: { temp: { found: '{{length(body.items) > 0}}' } } },
        {
          condition: { condition: '{{temp.found}}', default: { cancelled: false } },
          url: '/v1/cancel',
          method: 'POST',
          body: {},
        },
      ],
    },
    mock: (api) => api.get('/v1/a').reply(200, { items: [] }),
    bundles: [{ cancelled: false }],
  },
  {
    name: "S9 only the last request's limit counts",
    module: {
      communication: [
        {
          url: '/v1/a',
          response: { iterate: '{{body}}', limit: 1, temp: { n: '{{length(body)}}' } },
        },
        {
          url: '/v1/b',
          response: { iterate: '{{body}}', output: { id: '{{item}}', n: '{{temp.n}}' } },
        },
      ],
    },
    unvalidated: true,
    mock: (api) => api.get('/v1/a').reply(200, [1, 2, 3]).get('/v1/b').reply(200, [7, 8]),
    bundles: [
      { id: 7, n: 3 },
      { id: 8, n: 3 },
    ],
  },
  {
    name: 'S10 request-less communication: output and iterate run without a request',
    module: {
      mappableParameters: [
        {
          name: 'names',
          type: 'array',
          label: 'Names',
          spec: { name: 'n', type: 'text', label: 'Name' },
        },
      ],
      communication: {
        response: { iterate: '{{parameters.names}}', output: { name: '{{item}}' } },
      },
    },
    parameters: { names: ['a', 'b'] },
    bundles: [{ name: 'a' }, { name: 'b' }],
  },
  {
    name: 'S10 request-less entries mix with requests (temp from a request-less step)',
    module: {
      type: 'action',
      communication: [
        { response: { temp: { path: 'v1/x' } } },
        { url: '/{{temp.path}}', response: { output: '{{body}}' } },
      ],
    },
    unvalidated: true,
    mock: (api) => api.get('/v1/x').reply(200, { ok: true }),
    bundles: [{ ok: true }],
  },
  {
    name: 'S11 an action whose output is an array fails like Make',
    module: {
      type: 'action',
      communication: { url: '/v1/list', response: { output: '{{body}}' } },
    },
    mock: (api) => api.get('/v1/list').reply(200, [{ id: 1 }]),
    error: {
      type: 'RuntimeError',
      code: 'INVALID_RESPONSE',
      message: 'module testModule: Invalid module output. Expected Object, but found Array.',
    },
  },
  {
    name: 'S11 a search without iterate spreads an array output into bundles',
    module: { communication: { url: '/v1/list' } },
    unvalidated: true,
    mock: (api) => api.get('/v1/list').reply(200, [{ id: 1 }, { id: 2 }]),
    bundles: [{ id: 1 }, { id: 2 }],
  },
  {
    name: 'S12 an empty 200 body gives an empty search result',
    module: { communication: { url: '/v1/list', response: { iterate: '{{body.items}}' } } },
    mock: (api) => api.get('/v1/list').reply(200, ''),
    bundles: [],
  },
  {
    name: 'S12 an empty 200 body lets an action build its own output',
    module: {
      type: 'action',
      communication: {
        url: '/v1/x',
        method: 'PATCH',
        body: {},
        response: { output: { updated: true, body: '{{body}}' } },
      },
    },
    mock: (api) => api.patch('/v1/x').reply(200),
    bundles: [{ updated: true }],
  },
];

describe('response directives (S rows)', () => {
  test.each(cases)('$name', async (c) => {
    const app = await load(testApp({ modules: [testModule(c.module)] }), {
      validate: !c.unvalidated,
    });
    const api = c.mock ? c.mock(nock(API)) : undefined;
    const promise = run(app, 'testModule', {
      connection: acme.get(),
      parameters: c.parameters ?? {},
      now: NOW,
    });
    if (c.error) {
      expect(await failure(promise)).toMatchObject(c.error);
    } else {
      expect((await promise).bundles).toEqual(c.bundles);
    }
    api?.done();
  });
});

test('S4 a failing message template names the reason in the fallback message', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          communication: { url: '/v1/t', response: { error: { message: "{{parseJSON('{')}}" } } },
        }),
      ],
    }),
    { validate: false },
  );
  const api = nock(API).get('/v1/t').reply(500, { error_description: 'boom' });
  const error = await failure(run(app, 'testModule', { connection: acme.get() }));
  api.done();
  expect(error.message).toMatch(/^\[500\] boom \(the error message template failed: .*parseJSON/);
});

test('S4 a message template that evaluates to an object reads as JSON, not "[object Object]"', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          communication: { url: '/v1/t', response: { error: { message: '{{body.errors}}' } } },
        }),
      ],
    }),
    { validate: false },
  );
  const api = nock(API)
    .get('/v1/t')
    .reply(422, { errors: [{ field: 'email', code: 'invalid' }] });
  const error = await failure(run(app, 'testModule', { connection: acme.get() }));
  api.done();
  expect(error.message).toBe('[{"field":"email","code":"invalid"}]');
});

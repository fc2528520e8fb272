// The define* helpers are identities at run time; at the type level a misspelt or misplaced
// directive is a compile error. `npm run typecheck` fails if an `@ts-expect-error` below is not
// needed any more, i.e. if the types stopped catching the mistake.
import {
  defineApp,
  defineConnection,
  defineFunction,
  defineModule,
  defineRpc,
} from '../../lib/define';
import type {
  App,
  BaseSpec,
  Communication,
  ConnectionSpec,
  Group,
  Loose,
  Manifest,
  ModuleOfType,
  ModuleSpec,
  ModuleType,
  OAuthCommunication,
  Pagination,
  Parameter,
  ParameterOfType,
  RequestSpec,
  ResponseSpec,
  RpcSpec,
  SearchModule,
  SelectParameter,
} from '../../lib/types';

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const empty = {
  staticParameters: [],
  mappableParameters: [],
  interface: [],
  samples: {},
  scope: [],
};

const search = defineModule({
  name: 'listThings',
  label: 'List Things',
  description: 'Lists things.',
  type: 'search',
  connection: 'example',
  ...empty,
  communication: {
    url: '/things',
    response: { iterate: '{{body.items}}', limit: '{{parameters.limit}}' },
    pagination: { qs: { page: '{{pagination.page}}' } },
  },
});

const connection = defineConnection({
  name: 'example',
  label: 'Example',
  type: 'basic',
  parameters: [{ name: 'apiKey', type: 'password', label: 'API key', required: true }],
  communication: {
    url: 'https://api.example.com/me',
    headers: { 'X-Key': '{{parameters.apiKey}}' },
  },
});

const rpc = defineRpc({
  name: 'listOptions',
  label: 'List options',
  connection: connection.name,
  parameters: [],
  communication: { url: '/options', response: { iterate: '{{body}}' } },
});

const app = defineApp({
  manifest: {
    name: 'example-app',
    label: 'Example',
    description: 'An example.',
    version: 1,
    theme: '#123456',
    language: 'en',
    audience: 'global',
  },
  readme: '# Example',
  base: { baseUrl: 'https://api.example.com' },
  common: null,
  groups: [{ label: 'Things', modules: [search.name] }],
  connections: [connection],
  modules: [search],
  rpcs: [rpc],
});

describe('define helpers', () => {
  test('return their argument unchanged', () => {
    const module: ModuleSpec = { ...search };
    expect(defineModule(module)).toBe(module);
    expect(defineConnection(connection)).toBe(connection);
    expect(defineRpc(rpc)).toBe(rpc);
    const fn = { name: 'centsToAmount', code: 'function centsToAmount(c) { return c / 100; }' };
    expect(defineFunction(fn)).toBe(fn);
    expect(defineApp(app)).toBe(app);
    expect(app.modules[0]).toBe(search);
  });

  test('keep the literal name of a component', () => {
    const name: 'listThings' = search.name;
    // defineModule narrows the result to the variant of its `type`.
    const searchModule: SearchModule = search;
    expect(searchModule.type).toBe('search');
    const connectionName: 'example' = connection.name;
    expect([name, connectionName, rpc.name]).toEqual(['listThings', 'example', 'listOptions']);
  });
});

describe('type-level checks (verified by npm run typecheck)', () => {
  test('misspelt and misplaced directives are compile errors', () => {
    const mistakes = [
      defineModule({
        name: 'listThings',
        label: 'L',
        description: 'D',
        type: 'search',
        connection: null,
        ...empty,
        communication: {
          url: '/things',
          // @ts-expect-error misspelt directive `paginaton`
          paginaton: { qs: {} },
        },
      }),
      defineModule({
        name: 'listThings',
        label: 'L',
        description: 'D',
        type: 'search',
        connection: null,
        ...empty,
        communication: { url: '/things' },
        // @ts-expect-error misspelt top-level key `epochh`
        epochh: {},
      }),
      defineModule({
        name: 'getThing',
        label: 'L',
        description: 'D',
        type: 'action',
        connection: null,
        ...empty,
        communication: {
          url: '/things/1',
          // @ts-expect-error an action does not iterate
          response: { iterate: '{{body.items}}' },
        },
      }),
      defineModule({
        name: 'listThings',
        label: 'L',
        description: 'D',
        type: 'search',
        // @ts-expect-error `crud` belongs to actions
        crud: 'read',
        connection: null,
        ...empty,
        communication: { url: '/things' },
      }),
      defineModule({
        name: 'getThing',
        label: 'L',
        description: 'D',
        type: 'action',
        connection: null,
        ...empty,
        communication: {
          url: '/things/1',
          // @ts-expect-error not an HTTP method, and not IML either
          method: 'FETCH',
        },
      }),
      defineConnection({
        name: 'example',
        label: 'Example',
        type: 'basic',
        parameters: [],
        communication: {
          url: 'https://api.example.com/me',
          // @ts-expect-error a connection has no output
          response: { output: '{{body}}' },
        },
      }),
      defineRpc({
        name: 'listOptions',
        label: 'L',
        connection: null,
        // @ts-expect-error a parameter given as a bare string
        parameters: ['id'],
        communication: { url: '/options' },
      }),
      // A search module with `response.iterate` and a misspelt sibling: the error lands on the
      // typo, not on `iterate` (which a search allows). `iterate` sits on its own line, so an
      // error blamed on it would both surface and leave the directive below unused.
      defineModule({
        name: 'listThings',
        label: 'L',
        description: 'D',
        type: 'search',
        connection: null,
        ...empty,
        communication: {
          url: '/things',
          response: {
            iterate: '{{body.items}}',
            limit: 10,
          },
          // @ts-expect-error misspelt directive `paginaton` next to `response.iterate`
          paginaton: { qs: { page: '{{pagination.page}}' } },
        },
      }),
      defineModule({
        name: 'listThings',
        label: 'L',
        description: 'D',
        type: 'search',
        connection: null,
        ...empty,
        communication: {
          url: '/things',
          response: {
            iterate: '{{body.items}}',
            // @ts-expect-error misspelt directive `outptu` next to `iterate`
            outptu: '{{item}}',
          },
          pagination: { qs: { page: '{{pagination.page}}' } },
        },
      }),
      defineModule({
        name: 'watchThings',
        label: 'L',
        description: 'D',
        type: 'trigger',
        connection: null,
        ...empty,
        communication: {
          url: '/things',
          response: {
            iterate: '{{body.items}}',
            trigger: { type: 'id', order: 'desc', id: '{{item.id}}' },
          },
          // @ts-expect-error misspelt directive in a trigger
          paginaton: { qs: {} },
        },
      }),
      defineModule({
        name: 'callApi',
        label: 'L',
        description: 'D',
        type: 'universal',
        connection: null,
        ...empty,
        communication: {
          url: '/things',
          response: {
            output: '{{body}}',
          },
          // @ts-expect-error misspelt directive in a universal module
          qss: {},
        },
      }),
      defineModule({
        name: 'reply',
        label: 'L',
        description: 'D',
        type: 'responder',
        connection: null,
        ...empty,
        communication: {
          response: {
            status: 200,
            // @ts-expect-error misspelt directive in a responder
            bdy: '{{parameters.text}}',
          },
        },
      }),
      defineModule({
        name: 'listThings',
        label: 'L',
        description: 'D',
        type: 'search',
        connection: null,
        staticParameters: [],
        // @ts-expect-error misspelt section `mapableParameters`
        mapableParameters: [],
        mappableParameters: [],
        interface: [],
        samples: {},
        scope: [],
        communication: { url: '/things' },
      }),
    ];
    // At run time they are identities like any other call.
    expect(mistakes).toHaveLength(13);
  });

  test('generated names match the source model', () => {
    const moduleTypes: Equals<
      ModuleType,
      'action' | 'search' | 'universal' | 'trigger' | 'instant_trigger' | 'responder'
    > = true;
    const parameterNamesAreStrings: Equals<Parameter['name'], string> = true;
    const appSections: Equals<
      keyof App,
      | 'manifest'
      | 'readme'
      | 'base'
      | 'common'
      | 'groups'
      | 'connections'
      | 'modules'
      | 'rpcs'
      | 'functions'
      | 'webhooks'
    > = true;
    expect([moduleTypes, parameterNamesAreStrings, appSections]).toEqual([true, true, true]);
  });

  test('the source-model names are exported with the shapes of ARCHITECTURE.md', () => {
    const sections: [Manifest, BaseSpec, Group[], ConnectionSpec[], ModuleSpec[], RpcSpec[]] = [
      app.manifest,
      app.base,
      app.groups,
      app.connections,
      app.modules,
      app.rpcs,
    ];
    const oauth: OAuthCommunication = {
      token: { url: 'https://auth.example.com', condition: true },
    };
    const pagination: Pagination = { qs: { page: '{{pagination.page}}' } };
    const response: ResponseSpec = {
      iterate: '{{body}}',
      trigger: { type: 'id', order: 'desc', id: '{{item.id}}' },
    };
    const request: RequestSpec = { url: '/x', pagination, response };
    const chain: Communication = [request, { response: { output: '{{temp}}' } }];
    // Every module's communication is usable where the runtime expects the superset.
    const communications: Communication[] = app.modules
      .filter((m): m is Exclude<ModuleSpec, { type: 'responder' }> => m.type !== 'responder')
      .map((m) => m.communication);
    expect([sections.length, oauth.token?.condition, chain.length, communications.length]).toEqual([
      6,
      true,
      2,
      1,
    ]);
  });

  test('helpers narrow and loosen the discriminated unions', () => {
    const searchIsSearch: Equals<ModuleOfType<'search'>, SearchModule> = true;
    const selectIsSelect: Equals<ParameterOfType<'select'>, SelectParameter> = true;
    const parameter: Parameter = {
      name: 'tags',
      type: 'array',
      spec: { name: 'tag', type: 'text' },
    };
    // `spec` exists on arrays and collections only; the loose view reads it from any parameter.
    const loose: Loose<Parameter> = parameter;
    const module: Loose<ModuleSpec> = search;
    expect([searchIsSearch, selectIsSelect, loose.spec, module.epoch]).toEqual([
      true,
      true,
      { name: 'tag', type: 'text' },
      undefined,
    ]);
  });
});

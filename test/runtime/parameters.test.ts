// Conformance rows P1-P13 (lib/runtime/README.md): input parameters, processed before any request.
import { processParameters } from '../../lib/runtime/parameters';
import type { Parameter } from '../../lib/types';
import { testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const where = { where: 'module test' };

const status: Parameter = {
  name: 'status',
  type: 'select',
  label: 'Status',
  multiple: true,
  options: [
    { label: 'Active', value: 'ACTIVE' },
    { label: 'Cancelled', value: 'CANCELLED' },
  ],
  validate: { maxItems: 2 },
};

interface Ok {
  name: string;
  specs: Parameter[];
  input: Record<string, unknown>;
  output: Record<string, unknown>;
}

const ok: Ok[] = [
  {
    name: 'P1 empty values are omitted: "", null, [], undefined',
    specs: [
      { name: 'a', type: 'text', label: 'A' },
      { name: 'b', type: 'number', label: 'B' },
      { name: 'c', type: 'array', label: 'C' },
      { name: 'd', type: 'boolean', label: 'D' },
      { name: 'e', type: 'text', label: 'E' },
    ],
    input: { a: '', b: null, c: [], d: undefined, e: 'x' },
    output: { e: 'x' },
  },
  {
    name: 'P2 a default fills a value never given, not one emptied on purpose',
    specs: [
      { name: 'a', type: 'boolean', label: 'A', default: true },
      { name: 'b', type: 'text', label: 'B', default: 'dflt' },
      { name: 'c', type: 'text', label: 'C', default: 'dflt' },
    ],
    input: { b: '', c: null },
    output: { a: true },
  },
  {
    name: 'P4 numbers: text is coerced; integer, uinteger and port accept integers',
    specs: [
      { name: 'n', type: 'number', label: 'N' },
      { name: 'i', type: 'integer', label: 'I' },
      { name: 'u', type: 'uinteger', label: 'U' },
      { name: 'p', type: 'port', label: 'P' },
    ],
    input: { n: ' 1.5 ', i: '-3', u: 0, p: '443' },
    output: { n: 1.5, i: -3, u: 0, p: 443 },
  },
  {
    name: 'P5 booleans from true/false text and 1/0',
    specs: [
      { name: 'a', type: 'boolean', label: 'A' },
      { name: 'b', type: 'boolean', label: 'B' },
      { name: 'c', type: 'boolean', label: 'C' },
    ],
    input: { a: 'TRUE', b: 0, c: false },
    output: { a: true, b: false, c: false },
  },
  {
    name: 'P6 dates become ISO 8601 UTC with milliseconds (text, epoch ms, Date); timestamps are unix seconds',
    specs: [
      { name: 'a', type: 'date', label: 'A' },
      { name: 'b', type: 'date', label: 'B' },
      { name: 'c', type: 'date', label: 'C' },
      { name: 'd', type: 'date', label: 'D' },
      { name: 't', type: 'timestamp', label: 'T' },
    ],
    input: {
      a: '2024-05-01',
      b: '2024-05-01T10:00:00+02:00',
      c: 1714557600000,
      d: new Date('2024-05-01T08:00:00Z'),
      t: '2024-05-01T00:00:10Z',
    },
    output: {
      a: '2024-05-01T00:00:00.000Z',
      b: '2024-05-01T08:00:00.000Z',
      c: '2024-05-01T10:00:00.000Z',
      d: '2024-05-01T08:00:00.000Z',
      t: 1714521610,
    },
  },
  {
    name: 'P7 selects: a multiple select is an array of option values (a scalar is wrapped); grouped options count',
    specs: [
      status,
      {
        name: 'plan',
        type: 'select',
        label: 'Plan',
        options: [{ label: 'Paid', options: [{ label: 'Gold', value: 1 }] }],
      },
      { name: 'dyn', type: 'select', label: 'Dynamic', options: 'rpc://listThings' },
      {
        name: 'free',
        type: 'select',
        label: 'Free',
        options: [{ label: 'A', value: 'a' }],
        validate: false,
      },
    ],
    input: { status: 'ACTIVE', plan: '1', dyn: 'anything', free: 'zzz' },
    output: { status: ['ACTIVE'], plan: 1, dyn: 'anything', free: 'zzz' },
  },
  {
    name: 'P9 arrays with a primitive spec and a collection spec; collections drop unknown keys and empty fields',
    specs: [
      {
        name: 'ids',
        type: 'array',
        label: 'IDs',
        spec: { name: 'id', type: 'integer', label: 'ID' },
      },
      {
        name: 'headers',
        type: 'array',
        label: 'Headers',
        spec: [
          { name: 'key', type: 'text', label: 'Key' },
          { name: 'value', type: 'text', label: 'Value' },
        ],
      },
      {
        name: 'address',
        type: 'collection',
        label: 'Address',
        spec: [
          { name: 'city', type: 'text', label: 'City', required: true },
          { name: 'zip', type: 'text', label: 'ZIP' },
        ],
      },
      {
        name: 'empty',
        type: 'collection',
        label: 'Empty',
        spec: [{ name: 'x', type: 'text', label: 'X' }],
      },
    ],
    input: {
      ids: ['1', 2, ''],
      headers: [{ key: 'A', value: 1, extra: 'dropped' }, {}],
      address: { city: 'Lisbon', zip: '', country: 'dropped' },
      empty: { x: '' },
    },
    output: { ids: [1, 2], headers: [{ key: 'A', value: '1' }], address: { city: 'Lisbon' } },
  },
  {
    name: 'P10 unknown parameters are ignored',
    specs: [{ name: 'a', type: 'text', label: 'A' }],
    input: { a: 'x', typo: 'y' },
    output: { a: 'x' },
  },
  {
    name: 'P10 undeclared keys pass through when a nested list comes from an RPC',
    specs: [
      {
        name: 'kind',
        type: 'select',
        label: 'Kind',
        options: [{ label: 'A', value: 'a', nested: 'rpc://fieldsOfA' }],
      },
    ],
    input: { kind: 'a', fieldOfA: 'v', blank: '' },
    output: { kind: 'a', fieldOfA: 'v' },
  },
  {
    name: 'P11 nested parameters exist only while their parent is set (a boolean: true; a select: the chosen option)',
    specs: [
      {
        name: 'notify',
        type: 'boolean',
        label: 'Notify',
        nested: [{ name: 'email', type: 'email', label: 'Email' }],
      },
      {
        name: 'off',
        type: 'boolean',
        label: 'Off',
        nested: [{ name: 'hidden', type: 'text', label: 'H' }],
      },
      {
        name: 'mode',
        type: 'select',
        label: 'Mode',
        options: [
          {
            label: 'A',
            value: 'a',
            nested: [{ name: 'aField', type: 'integer', label: 'A field' }],
          },
          { label: 'B', value: 'b', nested: [{ name: 'bField', type: 'text', label: 'B field' }] },
        ],
      },
    ],
    input: {
      notify: true,
      email: 'a@b.c',
      off: false,
      hidden: 'x',
      mode: 'a',
      aField: '5',
      bField: 'ignored',
    },
    output: { notify: true, email: 'a@b.c', off: false, mode: 'a', aField: 5 },
  },
  {
    name: 'P12 json parameters are parsed; any passes through',
    specs: [
      { name: 'j', type: 'json', label: 'J' },
      { name: 'x', type: 'any', label: 'X' },
    ],
    input: { j: '{"a":[1]}', x: { deep: true } },
    output: { j: { a: [1] }, x: { deep: true } },
  },
];

test.each(ok)('$name', ({ specs, input, output }) => {
  expect(processParameters(specs, input, where)).toEqual(output);
});

interface Bad {
  name: string;
  spec: Parameter;
  value: unknown;
  code?: string;
  message: string;
}

const bad: Bad[] = [
  {
    name: 'P3 required and missing',
    spec: { name: 'id', type: 'text', label: 'ID', required: true },
    value: '',
    code: 'PARAMETER_REQUIRED',
    message: "module test: missing value of required parameter 'id'.",
  },
  {
    name: 'P4 not a number',
    spec: { name: 'n', type: 'number', label: 'N' },
    value: '12abc',
    message: `module test: invalid value of parameter 'n' (number): "12abc" is not a number.`,
  },
  {
    name: 'P4 not an integer',
    spec: { name: 'n', type: 'integer', label: 'N' },
    value: 1.5,
    message: "module test: invalid value of parameter 'n' (integer): 1.5 is not an integer.",
  },
  {
    name: 'P4 negative uinteger',
    spec: { name: 'n', type: 'uinteger', label: 'N' },
    value: -1,
    message: "module test: invalid value of parameter 'n' (uinteger): -1 is negative.",
  },
  {
    name: 'P4 port out of range',
    spec: { name: 'n', type: 'port', label: 'N' },
    value: 70000,
    message: "module test: invalid value of parameter 'n' (port): 70000 is not a port (1-65535).",
  },
  {
    name: 'P5 not a boolean',
    spec: { name: 'b', type: 'boolean', label: 'B' },
    value: 'yes',
    message: `module test: invalid value of parameter 'b' (boolean): expected true or false, got "yes".`,
  },
  {
    name: 'P6 not a date',
    spec: { name: 'd', type: 'date', label: 'D' },
    value: 'tomorrow',
    message: `module test: invalid value of parameter 'd' (date): "tomorrow" is not a date.`,
  },
  {
    name: 'P7 not an option',
    spec: status,
    value: ['ACTIVE', 'PAUSED'],
    message: `module test: invalid value of parameter 'status[2]' (select): "PAUSED" is not one of the options ("ACTIVE", "CANCELLED").`,
  },
  {
    name: 'P7 an array for a single select',
    spec: { name: 's', type: 'select', label: 'S', options: [{ label: 'A', value: 'a' }] },
    value: ['a'],
    message:
      "module test: invalid value of parameter 's' (select): expected one option value, got an array (the select is not multiple).",
  },
  {
    name: 'P8 maxItems',
    spec: status,
    value: ['ACTIVE', 'CANCELLED', 'ACTIVE'],
    message:
      "module test: invalid value of parameter 'status' (select): 3 item(s), at most 2 allowed.",
  },
  {
    name: 'P8 pattern',
    spec: { name: 'code', type: 'text', label: 'Code', validate: { pattern: '^[A-Z0-9]+$' } },
    value: '../sales',
    message: `module test: invalid value of parameter 'code' (text): "../sales" does not match the pattern ^[A-Z0-9]+$.`,
  },
  {
    name: 'P8 text max length',
    spec: { name: 't', type: 'text', label: 'T', validate: { max: 3 } },
    value: 'abcd',
    message: `module test: invalid value of parameter 't' (text): "abcd" is longer than 3 characters.`,
  },
  {
    name: 'P8 number min',
    spec: { name: 'n', type: 'uinteger', label: 'N', validate: { min: 1, max: 500 } },
    value: 0,
    message:
      "module test: invalid value of parameter 'n' (uinteger): 0 is less than the minimum 1.",
  },
  {
    name: 'P8 enum',
    spec: { name: 't', type: 'text', label: 'T', validate: { enum: ['a', 'b'] } },
    value: 'c',
    message: `module test: invalid value of parameter 't' (text): "c" is not one of "a", "b".`,
  },
  {
    name: 'P8 array minItems',
    spec: { name: 'a', type: 'array', label: 'A', validate: { minItems: 2 } },
    value: ['x'],
    message: "module test: invalid value of parameter 'a' (array): 1 item(s), at least 2 required.",
  },
  {
    name: 'P9 an object for text',
    spec: { name: 't', type: 'text', label: 'T' },
    value: { a: 1 },
    message: "module test: invalid value of parameter 't' (text): expected text, got an object.",
  },
  {
    name: 'P9 a scalar for an array',
    spec: { name: 'a', type: 'array', label: 'A' },
    value: 'x',
    message:
      "module test: invalid value of parameter 'a' (array): expected an array, got a string.",
  },
  {
    name: 'P9 a nested collection field names its full path',
    spec: {
      name: 'rows',
      type: 'array',
      label: 'Rows',
      spec: [{ name: 'qty', type: 'integer', label: 'Qty' }],
    },
    value: [{ qty: 1 }, { qty: 'x' }],
    message: `module test: invalid value of parameter 'rows[2].qty' (integer): "x" is not a number.`,
  },
  {
    name: 'P12 invalid JSON',
    spec: { name: 'j', type: 'json', label: 'J' },
    value: '{',
    message: "module test: invalid value of parameter 'j' (json): not valid JSON.",
  },
  {
    name: 'P13 a password value is never echoed',
    spec: { name: 'pw', type: 'password', label: 'PW', validate: { min: 8 } },
    value: 'short',
    message:
      "module test: invalid value of parameter 'pw' (password): the given value is shorter than 8 characters.",
  },
];

test.each(bad)('$name → DataError naming the parameter', ({ spec, value, code, message }) => {
  let caught: unknown;
  try {
    processParameters([spec], { [spec.name]: value }, where);
  } catch (error) {
    caught = error;
  }
  expect(caught).toMatchObject({ type: 'DataError', code: code ?? 'PARAMETER_INVALID', message });
});

test('P3 a parameter error in a module run sends no request', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          mappableParameters: [
            {
              name: 'code',
              type: 'text',
              label: 'Code',
              required: true,
              validate: { pattern: '^[A-Z0-9]+$' },
            },
          ],
          communication: {
            url: '/v1/subscriptions/{{parameters.code}}',
            response: { output: '{{body}}' },
          },
        }),
      ],
    }),
  );
  for (const code of ['../sales', 'a/b', 'a?b', 'a#b']) {
    const error = await failure(
      run(app, 'testModule', { connection: acme.get(), parameters: { code } }),
    );
    expect(error).toMatchObject({ type: 'DataError', parameter: 'code' });
    expect((error.log as { requests: unknown[] }).requests).toEqual([]);
  }
});

test('P10 static and mappable parameters both reach `parameters`', async () => {
  const app = await load(
    testApp({
      modules: [
        testModule({
          type: 'action',
          staticParameters: [
            {
              name: 'mode',
              type: 'select',
              label: 'Mode',
              options: [{ label: 'Fast', value: 'fast' }],
            },
          ],
          mappableParameters: [{ name: 'id', type: 'integer', label: 'ID' }],
          communication: {
            response: { output: { mode: '{{parameters.mode}}', id: '{{parameters.id}}' } },
          },
        }),
      ],
    }),
    { validate: false },
  );
  const { bundles } = await run(app, 'testModule', {
    connection: acme.get(),
    parameters: { mode: 'fast', id: '7', other: 1 },
  });
  expect(bundles).toEqual([{ mode: 'fast', id: 7 }]);
});

test('a pattern failure also gives the parameter’s help, which says what is expected', () => {
  const spec = {
    name: 'code',
    type: 'text',
    help: 'The **subscriber code**, for example `QX7K2M9P`. More text.',
    validate: { pattern: '^[A-Z0-9]+$' },
  };
  expect(() => processParameters([spec], { code: '../sales' }, { where: 'module test' })).toThrow(
    `module test: invalid value of parameter 'code' (text): "../sales" does not match the pattern ^[A-Z0-9]+$ (The subscriber code, for example QX7K2M9P).`,
  );
});

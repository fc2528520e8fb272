// The checkers the module tests rely on must be able to fail.
import type { Parameter } from '../../lib/types';
import { FIRST_TOKEN } from '../support/hotmart';
import { checkAgainstInterface, interfacePaths, someBundleHas } from '../support/interface-check';
import { leakedSecrets } from '../support/secrets';

const spec: Parameter[] = [
  { name: 'code', type: 'text' },
  { name: 'when', type: 'date' },
  { name: 'count', type: 'number' },
  { name: 'ok', type: 'boolean' },
  {
    name: 'price',
    type: 'collection',
    spec: [
      { name: 'value', type: 'number' },
      { name: 'currency_code', type: 'text' },
    ],
  },
  { name: 'tags', type: 'array', spec: { name: 'tag', type: 'text' } },
];

describe('checkAgainstInterface', () => {
  test('a matching bundle, nulls included, has no problem', () => {
    const bundle = {
      code: 'QX7K2M9P',
      when: '2024-02-02T12:00:00.000Z',
      count: 2,
      ok: null,
      price: { value: 49.9, currency_code: 'BRL' },
      tags: ['a'],
    };
    expect(checkAgainstInterface(bundle, spec)).toEqual([]);
  });

  test('reports undescribed keys, wrong types and non-ISO dates with their path', () => {
    const bundle = {
      code: 7,
      when: 1706875200000,
      extra: true,
      price: { value: '49.9', currency: 'BRL' },
      tags: [1],
    };
    expect(checkAgainstInterface(bundle, spec)).toEqual([
      'code: expected a string (interface type text), got number 7',
      'when: expected an ISO 8601 date (interface type date), got number 1706875200000',
      'extra: not described in the interface',
      'price.value: expected a number (interface type number), got string "49.9"',
      'price.currency: not described in the interface',
      'tags[0]: expected a string (interface type text), got number 1',
    ]);
  });

  test('lists every field path and finds which ones a set of bundles covers', () => {
    expect(interfacePaths(spec)).toEqual([
      'code',
      'when',
      'count',
      'ok',
      'price',
      'price.value',
      'price.currency_code',
      'tags',
    ]);
    expect(someBundleHas([{ price: { value: 1 } }], 'price.value')).toBe(true);
    expect(someBundleHas([{ price: { value: null } }, {}], 'price.value')).toBe(false);
  });
});

test('leakedSecrets finds a secret anywhere in a value', () => {
  expect(
    leakedSecrets({
      entries: [{ headers: { Authorization: `Bearer ${FIRST_TOKEN.access_token}` } }],
    }),
  ).toEqual([FIRST_TOKEN.access_token]);
  expect(leakedSecrets({ headers: { Authorization: '[REDACTED]' } })).toEqual([]);
});

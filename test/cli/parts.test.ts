// Pure parts of the CLI: parameter typing, the bundle table, targets, progress text.
import path from 'node:path';
import { paramView, paramViews } from '../../lib/shared/param-view';
import { parseParams, typedValue } from '../../lib/cli/params';
import { formatProgress, progressLine } from '../../lib/cli/progress';
import type { CliIo } from '../../lib/cli/io';
import { assertFreshBuild, distDir } from '../../lib/cli/built-app';
import { PROJECT_ROOT } from '../../lib/shared';
import { rateLimitOf } from '../../lib/harness/execute';
import { bundlePrinter, flattenBundle, renderBundles } from '../../lib/cli/table';
import { hostMapTo, parseTarget } from '../../lib/cli/targets';
import { UsageError } from '../../lib/cli/errors';
import { renderTour } from '../../lib/cli/tour';
import type { HttpLogEntry } from '../../lib/runtime';

const SPECS = paramViews([
  { name: 'limit', type: 'uinteger' },
  { name: 'trial', type: 'boolean' },
  { name: 'status', type: 'select', multiple: true, options: [{ label: 'A', value: 'ACTIVE' }] },
  { name: 'plan', type: 'array', spec: { name: 'value', type: 'text' } },
  {
    name: 'qs',
    type: 'array',
    spec: [
      { name: 'key', type: 'text' },
      { name: 'value', type: 'text' },
    ],
  },
  { name: 'body', type: 'any' },
  { type: 'banner', title: 'not a parameter' },
]);

describe('parameters from the command line', () => {
  test('values are typed after the module definition', () => {
    expect(
      parseParams(
        {
          pairs: [
            'limit=5',
            'trial=no',
            'status=ACTIVE',
            'status=DELAYED',
            'plan=Gold',
            'qs={"key":"max_results","value":"2"}',
            'body={"send_mail":false}',
          ],
        },
        SPECS,
        'run',
      ),
    ).toEqual({
      limit: 5,
      trial: false,
      status: ['ACTIVE', 'DELAYED'],
      plan: ['Gold'],
      qs: [{ key: 'max_results', value: '2' }],
      body: { send_mail: false },
    });
  });

  test('a value that does not convert stays text for the runtime to judge', () => {
    const limit = SPECS.find((spec) => spec.name === 'limit');
    expect(typedValue('five', limit)).toBe('five');
    expect(typedValue('', limit)).toBe('');
    expect(
      typedValue(
        'maybe',
        SPECS.find((spec) => spec.name === 'trial'),
      ),
    ).toBe('maybe');
    expect(
      typedValue(
        '{oops',
        SPECS.find((spec) => spec.name === 'body'),
      ),
    ).toBe('{oops');
    expect(typedValue('a=b', undefined)).toBe('a=b');
  });

  test('--param wins over --params-json; a value may contain "="', () => {
    expect(
      parseParams({ pairs: ['body=a=b'], json: '{"limit": 1, "body": "x"}' }, SPECS, 'run'),
    ).toEqual({ limit: 1, body: 'a=b' });
  });

  test('unknown keys are usage errors with a suggestion', () => {
    expect(() => parseParams({ pairs: ['statsu=ACTIVE'] }, SPECS, 'run')).toThrow(
      new UsageError('unknown parameter `statsu`: did you mean `status`?'),
    );
    expect(() => parseParams({ pairs: [], json: '{"zzz": 1}' }, SPECS, 'run')).toThrow(
      /unknown parameter `zzz`: available: `limit`, `trial`/,
    );
  });

  test('the parameter view skips nameless entries and reads options and children', () => {
    expect(SPECS.map((spec) => spec.name)).toEqual([
      'limit',
      'trial',
      'status',
      'plan',
      'qs',
      'body',
    ]);
    expect(
      paramView({ name: 'x', type: 'select', options: { store: [{ value: 1 }] } })?.options,
    ).toEqual([{ value: 1 }]);
    expect(paramView('nope')).toBeUndefined();
  });
});

describe('bundles as text', () => {
  test('narrow bundles make a table', () => {
    expect(
      renderBundles([
        { id: 1, ok: true },
        { id: 22, ok: false, extra: null },
      ]),
    ).toBe('id  ok     extra\n--  -----  -----\n1   true\n22  false  null\n2 bundles\n');
  });

  test('wide bundles make one block each, nested values flattened one level', () => {
    const bundle = {
      code: 'QX7K2M9P',
      when: new Date('2024-01-02T03:04:05.000Z'),
      subscriber: { name: 'Person 1', tags: ['a', 'b'] },
      a: 1,
      b: 2,
      c: 3,
      d: 4,
    };
    expect(flattenBundle(bundle).map(([key]) => key)).toEqual([
      'code',
      'when',
      'subscriber.name',
      'subscriber.tags',
      'a',
      'b',
      'c',
      'd',
    ]);
    const text = renderBundles([bundle]);
    expect(text).toContain(
      'Bundle 1\n  code             QX7K2M9P\n  when             2024-01-02T03:04:05.000Z\n',
    );
    expect(text).toContain('  subscriber.tags  ["a","b"]\n');
    expect(text).toMatch(/\n1 bundle\n$/);
    expect(renderBundles([])).toBe('No bundles.\n');
  });

  test('long values are clipped to keep one line per field', () => {
    const text = renderBundles([{ a: 'x'.repeat(200), b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 }], 60);
    const line = text.split('\n').find((l) => l.startsWith('  a '));
    expect(line?.length).toBeLessThanOrEqual(60);
    expect(line?.endsWith('…')).toBe(true);
  });
});

describe('targets and progress', () => {
  test('--target values', () => {
    expect(parseTarget('simulator', 'run')).toEqual({ kind: 'simulator' });
    expect(parseTarget('http://127.0.0.1:8787/', 'run')).toEqual({
      kind: 'url',
      origin: 'http://127.0.0.1:8787',
    });
    expect(() => parseTarget('staging', 'run')).toThrow(UsageError);
    expect(hostMapTo('http://127.0.0.1:1')).toEqual({
      'api-sec-vlc.hotmart.com': 'http://127.0.0.1:1',
      'developers.hotmart.com': 'http://127.0.0.1:1',
      'sandbox.hotmart.com': 'http://127.0.0.1:1',
    });
  });

  test('rate-limit usage comes from the latest response that carries the headers', () => {
    const entry = (headers: Record<string, string>) =>
      ({ kind: 'http', response: { statusCode: 200, headers } }) as unknown as HttpLogEntry;
    expect(
      rateLimitOf([
        entry({ 'ratelimit-limit': '500', 'ratelimit-remaining': '480' }),
        entry({ 'ratelimit-limit': '500', 'ratelimit-remaining': '470' }),
        entry({}),
      ]),
    ).toEqual({ used: 30, limit: 500 });
    expect(rateLimitOf([entry({})])).toBeUndefined();
    expect(formatProgress('m', { pages: 2, bundles: 1 })).toBe('m: 2 pages fetched · 1 bundle');
  });

  test('the npm start summary aligns numbers and shows failures', () => {
    const text = renderTour([
      { module: 'a', ok: true, bundles: 3, requests: 1, ms: 5, result: 'id=1', mismatches: [] },
      {
        module: 'longer',
        ok: false,
        bundles: 0,
        requests: 0,
        ms: 120,
        result: 'DataError: x',
        mismatches: [],
      },
    ]);
    expect(text.split('\n')).toEqual([
      'Module  Result  Bundles  Requests    Time  First bundle / error',
      '------  ------  -------  --------  ------  --------------------',
      'a       ok            3         1    5 ms  id=1',
      'longer  FAILED        0         0  120 ms  DataError: x',
    ]);
  });
});

describe('the progress line', () => {
  const ioWith = (tty: boolean, written: string[]): CliIo =>
    ({ stderrIsTty: tty, stderr: (text: string) => written.push(text) }) as unknown as CliIo;

  test('on a terminal: says it is connecting, then counts, then clears itself', () => {
    const written: string[] = [];
    const line = progressLine(ioWith(true, written), 'm');
    line.status('connecting to the embedded simulator…');
    line.update({ pages: 1, bundles: 3 });
    line.clear();
    expect(written).toEqual([
      '\r\x1b[2Km: connecting to the embedded simulator…',
      '\r\x1b[2Km: 1 page fetched · 3 bundles',
      '\r\x1b[2K',
    ]);
  });

  test('piped: draws nothing', () => {
    const written: string[] = [];
    const line = progressLine(ioWith(false, written), 'm');
    line.status('connecting…');
    line.update({ pages: 1, bundles: 3 });
    line.clear();
    expect(written).toEqual([]);
  });
});

describe('the built app’s folder', () => {
  test('--dist left at its default is the project’s dist/, from any folder; a given one is from the current folder', () => {
    expect(distDir('/somewhere/else', 'dist')).toBe(path.join(PROJECT_ROOT, 'dist'));
    expect(distDir('/somewhere/else', 'out')).toBe('/somewhere/else/out');
    expect(distDir('/somewhere/else', '/abs/dist')).toBe('/abs/dist');
  });

  test('a folder without the build marker is not judged (another app, or no build yet)', () => {
    expect(() => assertFreshBuild('/nonexistent/folder', 'run')).not.toThrow();
  });
});

describe('bundles printed as they arrive', () => {
  const wide = Array.from({ length: 3 }, (_v, i) =>
    Object.fromEntries(Array.from({ length: 9 }, (_w, k) => [`field${k}`, `value ${i}-${k}`])),
  );
  const narrow = [
    { id: 1, ok: true },
    { id: 22, ok: false },
  ];

  test('wide bundles: each block is written when it arrives; the whole text is renderBundles’', () => {
    const written: string[] = [];
    const printer = bundlePrinter((text) => written.push(text), 100);
    wide.forEach((bundle, i) => {
      printer.add(bundle);
      expect(written).toHaveLength(i + 1);
      expect(written[i]).toContain(`Bundle ${i + 1}\n  field0`);
    });
    printer.finish();
    expect(written.join('')).toBe(renderBundles(wide, 100));
  });

  test('narrow bundles wait for the table, which needs every width', () => {
    const written: string[] = [];
    const printer = bundlePrinter((text) => written.push(text), 100);
    for (const bundle of narrow) printer.add(bundle);
    expect(written).toEqual([]);
    printer.finish();
    expect(written).toEqual([renderBundles(narrow, 100)]);
  });

  test('no bundles', () => {
    const written: string[] = [];
    bundlePrinter((text) => written.push(text)).finish();
    expect(written).toEqual(['No bundles.\n']);
  });
});

// The generated module pages: one per module plus an index, deterministic (fixed seed and
// clock), prettier-stable, and carrying what a reader needs (endpoint, parameters, output
// fields, a real example request and response).
import app from '../../app';
import { BANNER, builtApp, DOCS_DIR, docsGeneratedFiles, generateDocs } from '../../lib/docs';
import { endpointsOf, templateText } from '../../lib/docs/endpoint';
import { formatMarkdown } from '../../lib/shared/prettier';
import { renderIndex, runCommand } from '../../lib/docs/render';
import type { ModuleSpec } from '../../lib/types';

jest.setTimeout(60_000);

let pages: Map<string, string>;

beforeAll(async () => {
  pages = await generateDocs(app);
});

test('one page per module plus an index, each with the generated banner', () => {
  const expected = [
    `${DOCS_DIR}/README.md`,
    ...app.modules.map((module) => `${DOCS_DIR}/${module.name}.md`),
  ];
  expect([...pages.keys()]).toEqual(expected);
  for (const text of pages.values()) expect(text.startsWith(`${BANNER}\n`)).toBe(true);
  for (const module of app.modules) {
    expect(pages.get(`${DOCS_DIR}/README.md`)).toContain(`(${module.name}.md)`);
  }
});

test('a page documents the endpoint, the parameters, the output and a real example', () => {
  const page = pages.get(`${DOCS_DIR}/cancelSubscription.md`) ?? '';
  expect(page).toContain(
    '- `POST https://developers.hotmart.com/payments/api/v1/subscriptions/{subscriber_code}/cancel`',
  );
  expect(page).toMatch(/\| `subscriber_code` +\| [^|]+\| text +\| yes /);
  expect(page).toMatch(/\| `shopper.email` +\| [^|]+\| email /);
  const code =
    /hotmart-make run cancelSubscription --param subscriber_code=([A-Z0-9]{8}) --param send_mail=false/.exec(
      page,
    )?.[1];
  expect(code).toBeDefined();
  expect(page).toContain(`POST /payments/api/v1/subscriptions/${code}/cancel HTTP/1.1`);
  expect(page).toContain('Authorization: Bearer <access token>');
  expect(page).toContain('"status": "INACTIVE"');
  expect(page).not.toMatch(/H4sI|sim-client-secret/);
});

test('a search page shows the pagination and cuts long lists to one item', () => {
  const page = pages.get(`${DOCS_DIR}/listSubscriptions.md`) ?? '';
  expect(page).toContain("(paginated: the module follows Hotmart's `page_token`");
  expect(page).toContain('Status 200 (the first of 3 items shown):');
  expect(page).toContain('3 bundles; the first one:');
});

// The renderer writes prettier's form itself (lib/docs/markdown.ts): prettier changes no page.
test('pages are already prettier-formatted', async () => {
  for (const [file, page] of pages) {
    expect([file, await formatMarkdown(page)]).toEqual([file, page]);
  }
});

test('a page with a character prettier counts as two columns is aligned by prettier', async () => {
  const wide = {
    ...app,
    modules: app.modules.map((module) =>
      module.name === 'listSales' ? { ...module, label: 'List Sales 販売' } : module,
    ),
  } as typeof app;
  const some = await generateDocs(wide, { only: ['listSales'] });
  const index = some.get(`${DOCS_DIR}/README.md`) ?? '';
  expect(index).toContain('[List Sales 販売](listSales.md)');
  expect(await formatMarkdown(index)).toBe(index);
  // The renderer's own alignment counts one column per character: one short of prettier's here.
  const native = renderIndex(builtApp(wide).modules);
  expect(native).not.toBe(index);
  expect(await formatMarkdown(native)).toBe(index);
});

// A second generation, through the registry: equal pages also prove generation deterministic.
test('registry entries serve the same pages from one generation, deterministically', async () => {
  let loads = 0;
  const entries = docsGeneratedFiles(
    () => {
      loads += 1;
      return Promise.resolve(app);
    },
    app.modules.map((module) => module.name),
  );
  expect(entries.map((entry) => entry.path)).toEqual([...pages.keys()]);
  expect(entries.every((entry) => entry.command === 'npm run docs')).toBe(true);
  const texts = await Promise.all(entries.map((entry) => entry.generate()));
  expect(texts).toEqual([...pages.values()]);
  expect(loads).toBe(1);
});

test('a failed example run fails the generation, naming the module, instead of a page', async () => {
  const broken = {
    ...app,
    modules: app.modules.map((module) =>
      module.name === 'getSalesSummary'
        ? {
            ...module,
            communication: { ...module.communication, url: '/payments/api/v1/nothing-here' },
          }
        : module,
    ),
  } as typeof app;
  // Only two modules' examples run: the failure is the same in a whole generation.
  await expect(generateDocs(broken, { only: ['listSales', 'getSalesSummary'] })).rejects.toThrow(
    /1 example run\(s\) failed against the simulator, so no page was written:\n {2}getSalesSummary: \w+Error: /,
  );
});

test('only: the index and the pages of the modules named, as a whole generation writes them', async () => {
  const some = await generateDocs(app, { only: ['cancelSubscription', 'listSales'] });
  const wanted = ['README.md', 'listSales.md', 'cancelSubscription.md'].map(
    (file) => `${DOCS_DIR}/${file}`,
  );
  expect([...some.keys()].sort()).toEqual([...wanted].sort());
  for (const file of wanted) expect(some.get(file)).toBe(pages.get(file));
});

test('an invalid app is refused with its problems listed', async () => {
  await expect(generateDocs({ ...app, manifest: { ...app.manifest, name: 'X' } })).rejects.toThrow(
    /the app definition has \d+ problem\(s\)/,
  );
});

describe('endpoint templates', () => {
  test('IML reading one parameter becomes {name}; anything else is kept', () => {
    expect(templateText('/subscriptions/{{encodeURL(parameters.subscriber_code)}}/cancel')).toBe(
      '/subscriptions/{subscriber_code}/cancel',
    );
    expect(templateText('{{parameters.method}}')).toBe('{method}');
    expect(templateText('/x/{{now}}')).toBe('/x/{now}');
  });

  test('method placeholders stay as they are; plain methods are upper case', () => {
    const module = {
      communication: [
        { url: '/a', method: 'post', pagination: {} },
        { url: '/b', method: '{{parameters.method}}' },
        { condition: true },
      ],
    } as unknown as ModuleSpec;
    expect(endpointsOf(module)).toEqual([
      { method: 'POST', path: '/a', paginated: true },
      { method: '{method}', path: '/b', paginated: false },
    ]);
  });

  test('the try-it command uses --param for plain values and --params-json otherwise', () => {
    expect(runCommand('m', { a: 1, b: 'x' })).toBe(
      'npx hotmart-make run m --param a=1 --param b=x',
    );
    expect(runCommand('m', { qs: [{ key: 'k' }] })).toBe(
      `npx hotmart-make run m --params-json '{"qs":[{"key":"k"}]}'`,
    );
  });
});

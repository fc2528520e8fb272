// The module studio in a real browser (headless Chromium): the app's modules as Make lists them,
// a form filled with an RPC option picked, a run whose bundles and requests are read from the
// page, Make's validation messages, array items, an error with its Make type, and an instant
// trigger's live events. Screenshots go under test-output/studio/ (printed at the end).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import app from '../../app';
import { resolveTarget } from '../../lib/cli/targets';
import type { ResolvedTarget } from '../../lib/harness';
import { SIMULATOR_CREDENTIALS } from '../../lib/simulator';
import { startStudio, type Studio } from '../../lib/studio';
import { buildHotmartApp, type BuiltApp } from '../support/harness';
import { launchChromium, SCREENSHOTS } from './browser';

jest.setTimeout(60_000);

let built: BuiltApp;
let target: ResolvedTarget;
let studio: Studio;
let browser: Browser;
let page: Page;
const shots: string[] = [];

beforeAll(async () => {
  built = await buildHotmartApp();
  target = await resolveTarget({ kind: 'simulator' }, {}, 'studio');
  studio = await startStudio({ app: built.runtime, target });
  browser = await launchChromium();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
});

afterEach(async () => {
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  await target?.close();
  await built?.dispose();
  if (shots.length > 0)
    process.stdout.write(`Studio screenshots:\n${shots.map((s) => `  ${s}\n`).join('')}`);
});

async function screenshot(name: string): Promise<void> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
}

/** The options of an RPC select once loaded (their labels). */
async function rpcOptions(selector: string): Promise<string[]> {
  await page.waitForSelector(`${selector}[data-loaded]:not([data-loading])`);
  return page.$$eval(`${selector} option`, (options) =>
    options.filter((o) => o.value !== '').map((o) => o.textContent ?? ''),
  );
}

test('the home page lists every module and RPC, grouped as in Make', async () => {
  await page.goto(studio.url);
  const groups = await page.$$eval('section.group h2', (headings) =>
    headings.map((h) => h.textContent),
  );
  expect(groups).toEqual([...app.groups.map((group) => group.label), 'RPCs (dropdowns)']);
  const listed = await page.$$eval('a[data-module]', (links) =>
    links.map((a) => a.getAttribute('data-module')),
  );
  expect(listed.sort()).toEqual(app.modules.map((module) => module.name).sort());
  for (const rpc of app.rpcs) expect(await page.textContent('body')).toContain(rpc.name);
  await screenshot('home');
});

test('List Sales: pick a product and an offer from their RPCs, run, read the bundles', async () => {
  await page.goto(`${studio.url}module/listSales`);
  expect(await page.textContent('label[for="f-limit"]')).toContain('*');
  const products = await rpcOptions('select[data-rpc="listProducts"]');
  expect(products.length).toBeGreaterThan(1);
  await page.selectOption('select[data-rpc="listProducts"]', { label: products[1] ?? '' });
  // The offers are the chosen product's: they load after the product changes.
  await page.waitForSelector('select[data-rpc="listOffers"]:not([data-loaded="0"])[data-loaded]');
  const offers = await rpcOptions('select[data-rpc="listOffers"]');
  await page.selectOption('select[data-rpc="listOffers"]', { label: offers[0] ?? '' });
  await page.fill('#f-limit', '3');
  await page.click('#run');
  await page.waitForSelector('#output:not([hidden])');
  const bundles = await page.$$('#output details.bundle');
  expect(bundles.length).toBeGreaterThan(0);
  expect(bundles.length).toBeLessThanOrEqual(3);
  const productName = (products[1] ?? '').replace(/ \(\d+\)$/, '');
  expect(await page.textContent('#output .bundles')).toContain(productName);
  const requests = await page.$$eval('#log .entries > li summary', (s) =>
    s.map((x) => x.textContent),
  );
  expect(requests[0]).toMatch(
    /^GET https:\/\/developers\.hotmart\.com\/payments\/api\/v1\/sales\/history → 200$/,
  );
  // The connection's secrets never reach the page.
  const html = await page.content();
  expect(html).not.toContain(SIMULATOR_CREDENTIALS.clientSecret);
  expect(html).not.toContain(SIMULATOR_CREDENTIALS.basicToken);
  await screenshot('list-sales');
});

test('a required parameter left empty shows Make’s message and sends nothing', async () => {
  await page.goto(`${studio.url}module/listProductPlans`);
  await rpcOptions('select[data-rpc="listProducts"]');
  let runs = 0;
  page.on('request', (request) => {
    if (request.url().includes('/api/run/')) runs += 1;
  });
  await page.click('#run');
  expect(await page.textContent('.field[data-name="product_id"] .error')).toBe(
    'Value must not be empty.',
  );
  expect(await page.textContent('#status')).toBe('Check the highlighted fields.');
  expect(runs).toBe(0);
});

test('arrays add and remove items; an item’s select loads its RPC; the plan filter runs', async () => {
  await page.goto(`${studio.url}module/listSubscriptions`);
  const products = await rpcOptions('select[data-rpc="listProducts"]');
  await page.selectOption('.field[data-name="product_id"] > select', { label: products[0] ?? '' });
  const plans = page.locator('.field[data-name="plan"] > .array');
  await plans.locator('> button.add').click();
  await plans.locator('> button.add').click();
  expect(await plans.locator('.items > .item').count()).toBe(2);
  await plans.locator('.items > .item').nth(1).locator('button.remove').click();
  expect(await plans.locator('.items > .item').count()).toBe(1);
  const item = '.field[data-name="plan"] .items > .item select[data-rpc="listPlans"]';
  const planNames = await rpcOptions(item);
  expect(planNames.length).toBeGreaterThan(0);
  await page.selectOption(item, { label: planNames[0] ?? '' });
  await page.fill('#f-limit', '5');
  await page.click('#run');
  await page.waitForSelector('#output:not([hidden])');
  const planName = (planNames[0] ?? '').replace(/ \([^)]*\)$/, '');
  const texts = await page.$$eval('#output details.bundle', (b) =>
    b.map((x) => x.textContent ?? ''),
  );
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toContain(planName);
  await screenshot('list-subscriptions-plan-filter');
});

test('a failed run shows the error with its Make type', async () => {
  await page.goto(`${studio.url}module/getSubscriberPurchases`);
  await page.fill('#f-subscriber_code', 'NOSUCH99');
  await page.click('#run');
  await page.waitForSelector('#error:not([hidden])');
  expect(await page.textContent('#error .type')).toMatch(/Error$/);
  expect(await page.textContent('#error .message')).not.toBe('');
  expect(await page.textContent('#status')).toBe('Failed.');
  await screenshot('error');
});

test('Watch Events: a test event sent by the simulator arrives in the live feed', async () => {
  await page.goto(`${studio.url}module/watchEvents`);
  await page.waitForTimeout(200);
  await page.selectOption('#event-name', 'PURCHASE_APPROVED');
  await page.click('#fire');
  await page.waitForSelector('#event-feed .event');
  expect(await page.textContent('#event-feed')).toContain('PURCHASE_APPROVED');
  await screenshot('watch-events');
});

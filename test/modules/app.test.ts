// The app as a whole: it passes the project's validator, its parts are named as other checks
// expect, the README explains setup, samples match the interfaces, fixtures hold only fakes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import app from '../../app';
import { compileApp } from '../../lib/compile';
import { formatIssue, validateApp } from '../../lib/validate';
import { checkAgainstInterface } from '../support/interface-check';

const MODULES = [
  { name: 'listSubscriptions', type: 'search', label: 'List Subscriptions' },
  { name: 'getSubscriberPurchases', type: 'search', label: "Get a Subscriber's Purchases" },
  { name: 'listSubscriptionSummaries', type: 'search', label: 'List Subscription Summaries' },
  {
    name: 'listSubscriptionTransactions',
    type: 'search',
    label: 'List Subscription Transactions',
  },
  { name: 'listSales', type: 'search', label: 'List Sales' },
  { name: 'getSalesSummary', type: 'search', label: 'Get a Sales Summary' },
  { name: 'listSalesParticipants', type: 'search', label: 'List Sales Participants' },
  { name: 'listSalesCommissions', type: 'search', label: 'List Sales Commissions' },
  { name: 'listSalesPriceDetails', type: 'search', label: 'List Sales Price Details' },
  { name: 'listProductCatalog', type: 'search', label: 'List Products' },
  { name: 'listProductOffers', type: 'search', label: 'List Offers of a Product' },
  { name: 'listProductPlans', type: 'search', label: 'List Plans of a Product' },
  { name: 'cancelSubscription', type: 'action', label: 'Cancel a Subscription' },
  { name: 'reactivateSubscription', type: 'action', label: 'Reactivate and Charge a Subscription' },
  { name: 'changeDueDay', type: 'action', label: 'Change the Charge Day of a Subscription' },
  { name: 'cancelSubscriptions', type: 'action', label: 'Cancel a List of Subscriptions' },
  {
    name: 'reactivateSubscriptions',
    type: 'action',
    label: 'Reactivate a List of Subscriptions',
  },
  { name: 'watchEvents', type: 'instant_trigger', label: 'Watch Events' },
  { name: 'watchSales', type: 'trigger', label: 'Watch Sales' },
  { name: 'watchSubscriptions', type: 'trigger', label: 'Watch Subscriptions' },
  { name: 'createCoupon', type: 'action', label: 'Create a Coupon' },
  { name: 'listCoupons', type: 'search', label: 'List Coupons' },
  { name: 'deleteCoupon', type: 'action', label: 'Delete a Coupon' },
  { name: 'makeApiCall', type: 'universal', label: 'Make an API Call' },
];

describe('the Hotmart app', () => {
  test("passes the project's validator without a single issue", () => {
    expect(validateApp(app).map(formatIssue)).toEqual([]);
  });

  test('manifest: hotmart, Hotmart, in Hotmart orange', () => {
    expect(app.manifest).toEqual(
      expect.objectContaining({
        name: 'hotmart',
        label: 'Hotmart',
        theme: '#F04E23',
        language: 'en',
        audience: 'global',
      }),
    );
  });

  test('one oauth connection named hotmart, used by every module that calls the API', () => {
    expect(app.connections.map((c) => [c.name, c.type])).toEqual([['hotmart', 'oauth']]);
    // Watch Events only receives Hotmart's calls; the hottok, not the connection, vouches for them.
    expect(app.modules.map((m) => [m.name, m.connection])).toEqual(
      app.modules.map(({ name }) => [name, name === 'watchEvents' ? null : 'hotmart']),
    );
    expect(app.webhooks?.map((w) => [w.name, w.type, w.connection])).toEqual([
      ['hotmartEvents', 'web', null],
    ]);
  });

  // Pinned as a subset: a module added with `npx hotmart-make new module` joins without an edit.
  test('the modules, their types and labels', () => {
    const actual = app.modules.map(({ name, type, label }) => ({ name, type, label }));
    expect(actual).toEqual(expect.arrayContaining(MODULES));
    expect(new Set(actual.map((m) => m.name)).size).toBe(actual.length);
  });

  test('groups: events, reading, then writing, then the API call; every module exactly once', () => {
    const PINNED = [
      { label: 'Events', modules: ['watchEvents', 'watchSales', 'watchSubscriptions'] },
      {
        label: 'Subscriptions',
        modules: [
          'listSubscriptions',
          'getSubscriberPurchases',
          'listSubscriptionSummaries',
          'listSubscriptionTransactions',
          'cancelSubscription',
          'reactivateSubscription',
          'changeDueDay',
          'cancelSubscriptions',
          'reactivateSubscriptions',
        ],
      },
      {
        label: 'Sales',
        modules: [
          'listSales',
          'getSalesSummary',
          'listSalesParticipants',
          'listSalesCommissions',
          'listSalesPriceDetails',
        ],
      },
      {
        label: 'Products',
        modules: ['listProductCatalog', 'listProductOffers', 'listProductPlans'],
      },
      { label: 'Coupons', modules: ['createCoupon', 'listCoupons', 'deleteCoupon'] },
      { label: 'Other', modules: ['makeApiCall'] },
    ];
    expect(app.groups.map((group) => group.label)).toEqual(PINNED.map((group) => group.label));
    PINNED.forEach((pinned, i) => {
      expect(app.groups[i]?.modules).toEqual(expect.arrayContaining(pinned.modules));
    });
    const listed = app.groups.flatMap((group) => group.modules);
    expect([...listed].sort()).toEqual(app.modules.map((m) => m.name).sort());
  });

  test('the base sends the bearer token to the environment’s data host', () => {
    expect(app.base.baseUrl).toBe(
      "https://{{if(connection.environment = 'sandbox', 'sandbox', 'developers')}}.hotmart.com",
    );
    expect(app.base.headers?.Authorization).toBe('Bearer {{connection.accessToken}}');
  });

  test('the README explains where the credentials come from and what the modules decide', () => {
    const readme = app.readme;
    expect(readFileSync(path.join(__dirname, '../../app/README.md'), 'utf8')).toBe(readme);
    expect(compileApp(app).get('README.md')).toBe(readme);
    for (const phrase of [
      'Tools → Developer Credentials',
      '**Client ID**',
      '**Client Secret**',
      '**Basic**',
      'with or without its leading `Basic `',
      '**Production**',
      '**Sandbox**',
      'cannot be changed later',
      '**last 30 days**',
      '**1 January 2000**',
      '**3 days**',
      "read as **UTC**, Hotmart's billing clock",
      '500 API calls per minute',
    ]) {
      expect(readme).toContain(phrase);
    }
  });

  test.each(app.modules.map((m) => [m.name, m]))(
    '%s: its sample matches its interface',
    (_name, module) => {
      expect(checkAgainstInterface(module.samples, module.interface)).toEqual([]);
    },
  );

  test('fixtures carry only obviously fake tokens', () => {
    const dir = path.join(__dirname, '../fixtures/hotmart');
    const tokens = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
      .flatMap((text) =>
        [...text.matchAll(/"access_token":\s*"([^"]*)"/g)].map((match) => match[1]),
      );
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(token).toMatch(/^test-access-token-/);
  });
});

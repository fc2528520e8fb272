import { kebabCase } from '../../lib/compile';

describe('kebabCase (Make: /([a-z0-9])([A-Z])/g → $1-$2, lower-cased)', () => {
  test.each([
    ['listSubscriptions', 'list-subscriptions'],
    ['cancelSubscription', 'cancel-subscription'],
    ['makeApiCall', 'make-api-call'],
    ['getURL', 'get-url'],
    ['v2Items', 'v2-items'],
    ['item2Go', 'item2-go'],
    ['hotmart', 'hotmart'],
    ['acme-key', 'acme-key'],
    ['ABC', 'abc'],
  ])('%s → %s', (id, expected) => {
    expect(kebabCase(id)).toBe(expected);
  });
});

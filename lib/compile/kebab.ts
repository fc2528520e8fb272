/**
 * Make's local-development tooling names a component's folder and file prefix after the
 * kebab-case of its id (VSX `reserve-component-dir.ts`): `listSubscriptions` →
 * `list-subscriptions`. Only a lower-case letter or digit followed by an upper-case letter gets a
 * dash, so `getURL` → `get-url` and `my-conn` stays `my-conn`.
 */
export function kebabCase(id: string): string {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

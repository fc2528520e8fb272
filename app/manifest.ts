import type { Manifest } from '../lib/types';

// Hotmart's brand orange; Make shows it behind the app icon and on module headers.
export const manifest: Manifest = {
  name: 'hotmart',
  label: 'Hotmart',
  description:
    "Manage Hotmart subscriptions: list and filter subscriptions, read a subscriber's purchases, cancel or reactivate a subscription, or call any Hotmart API endpoint.",
  version: 1,
  theme: '#F04E23',
  language: 'en',
  audience: 'global',
};

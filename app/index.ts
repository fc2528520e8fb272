import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import hotmart from '../connections/hotmart/hotmart.connection';
import { defineApp } from '../lib/define';
import { hotmartEvents, listOffers, listPlans, listProducts, modules } from '../modules';
import { base } from './base';
import { groups } from './groups';
import { manifest } from './manifest';

export default defineApp({
  manifest,
  // The user-facing setup guide lives in Markdown so it can be read and reviewed as such.
  readme: readFileSync(join(__dirname, 'README.md'), 'utf8'),
  base,
  common: null,
  groups,
  connections: [hotmart],
  modules,
  rpcs: [listProducts, listOffers, listPlans],
  webhooks: [hotmartEvents],
});

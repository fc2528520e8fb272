// Hotmart's webhooks v2 (hotmart-api.md §8). Hotmart has no API to register a webhook, so there is
// no attach/detach: the user pastes Make's URL in Hotmart. Every call carries the account's hottok
// in `X-HOTMART-HOTTOK`; a call without the right one gets 401 and produces no bundle.
import { defineWebhook } from '../../lib/define';
import { webhookDateExpression } from '../shared/dates';
import { HOTMART_EVENTS } from './events';

/** The header, as the runtime and Make see it: names lower-cased. */
const HOTTOK_HEADER = 'headers.`x-hotmart-hottok`';

/**
 * The hottok check. Both sides are hashed before `=` compares them, so the comparison's time
 * depends on the digests, never on how much of the secret a caller guessed right (IML has no
 * constant-time comparison of its own). An absent or empty header never matches.
 */
const HOTTOK_MATCHES = `ifempty(${HOTTOK_HEADER}; "") != "" && sha256(${HOTTOK_HEADER}) = sha256(parameters.hottok)`;

/** No event chosen: every event; otherwise only the chosen ones. */
const EVENT_WANTED = `(length(parameters.events) = 0 || contains(parameters.events; body.event))`;

/**
 * Purchase, cancellation, cart and club events name the product at `data.product.id`; plan and
 * charge-day changes at `data.subscription.product.id`. An event with neither does not pass a
 * product filter.
 */
const PRODUCT_ID = 'ifempty(body.data.product.id; body.data.subscription.product.id)';
const PRODUCT_WANTED = `(ifempty(parameters.product_id; "") = "" || toString(${PRODUCT_ID}) = toString(parameters.product_id))`;

const date = (path: string): string => webhookDateExpression(path);

/** `data` with its epoch-millisecond dates as Make dates; every other field as Hotmart sent it. */
const DATA = [
  'merge(body.data; {',
  `date_next_charge: ${date('body.data.date_next_charge')},`,
  `cancellation_date: ${date('body.data.cancellation_date')},`,
  `switch_plan_date: ${date('body.data.switch_plan_date')},`,
  `product: if(body.data.product; merge(body.data.product; {warranty_date: ${date('body.data.product.warranty_date')}}); undefined),`,
  `purchase: if(body.data.purchase; merge(body.data.purchase; {approved_date: ${date('body.data.purchase.approved_date')}, order_date: ${date('body.data.purchase.order_date')}, date_next_charge: ${date('body.data.purchase.date_next_charge')}}); undefined),`,
  `subscription: if(body.data.subscription; merge(body.data.subscription; {date_next_charge: ${date('body.data.subscription.date_next_charge')}}); undefined)`,
  '})',
].join(' ');

export default defineWebhook({
  name: 'hotmartEvents',
  label: 'Hotmart events (webhook v2)',
  type: 'web',
  connection: null,
  parameters: [
    {
      name: 'hottok',
      type: 'password',
      label: 'Hottok',
      required: true,
      help: 'The secret Hotmart sends with every event. In Hotmart, open **Tools → Webhook (API and notifications)**; the hottok is on the **Authentication** tab. Calls without it are refused.',
    },
    {
      name: 'events',
      type: 'select',
      label: 'Events',
      multiple: true,
      options: HOTMART_EVENTS.map(({ value, label }) => ({ label, value })),
      help: 'Only these events trigger the scenario. Leave empty for every event the webhook receives. Choose the same events when registering the URL in Hotmart: Hotmart only sends those.',
    },
    {
      name: 'product_id',
      type: 'uinteger',
      label: 'Product ID',
      help: 'Only events of this product (its numeric ID). Leave empty for every product.',
    },
  ],
  communication: {
    condition: `{{${HOTTOK_MATCHES} && ${EVENT_WANTED} && ${PRODUCT_WANTED}}}`,
    // Hotmart wants a quick 2xx; 401 tells it (and its delivery history) the hottok was wrong.
    respond: {
      type: 'text',
      status: `{{if(${HOTTOK_MATCHES}; 200; 401)}}`,
      body: `{{if(${HOTTOK_MATCHES}; "OK"; "Invalid hottok")}}`,
    },
    output: {
      id: '{{body.id}}',
      event: '{{body.event}}',
      version: '{{body.version}}',
      // A captured test event used `creationDate`; both spellings are read.
      creation_date: `{{${date('ifempty(body.creation_date; body.creationDate)')}}}`,
      data: `{{${DATA}}}`,
    },
  },
});

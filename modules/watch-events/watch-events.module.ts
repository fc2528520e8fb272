import { defineModule } from '../../lib/define';
import { dataInterface } from './event-interfaces';
import hotmartEvents from './hotmart-events.webhook';
import samples from './watch-events.samples.json';

export default defineModule({
  name: 'watchEvents',
  label: 'Watch Events',
  description:
    'Triggers when Hotmart sends an event: a purchase approved, a subscription cancelled, a plan switched, …',
  type: 'instant_trigger',
  connection: null,
  webhook: hotmartEvents.name,
  staticParameters: [],
  mappableParameters: [],
  interface: [
    {
      name: 'id',
      type: 'text',
      label: 'Event ID',
      help: 'Unique per event: Hotmart may deliver an event more than once, so use it to skip repeats.',
    },
    { name: 'event', type: 'text', label: 'Event', help: 'For example `PURCHASE_APPROVED`.' },
    { name: 'version', type: 'text', label: 'Version' },
    { name: 'creation_date', type: 'date', label: 'Created' },
    dataInterface,
  ],
  samples,
  scope: [],
  // The webhook's output is the bundle.
  communication: {},
});

// Cancel and Reactivate change the subscription before their output is built, so their output must
// never fail: whatever value Hotmart puts in any field (a real cancel answered
// `"date_last_recurrence": 1`), the run succeeds. A date field that is not Hotmart's
// `YYYY-MM-DD HH:mm:ss` text passes through as text; every other field passes through unchanged.
import { fixture } from '../support/fixtures';
import { runModule } from '../../lib/runtime';
import { buildHotmartApp, connect, type BuiltApp } from '../support/harness';
import { hotmartApi } from '../support/hotmart';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

/** Values no documented answer has, each of which must pass through without failing the run. */
const ODD_VALUES: unknown[] = [
  1,
  0,
  -5,
  1.5,
  true,
  false,
  '',
  'not a date',
  '2024-02-31 10:00:00x',
  '2024-02-31 10:00:00',
  '2024-13-01 10:00:00',
  '1714652400123',
  '2024-05-02T12:00:00Z',
  {},
  { nested: [1, 2] },
  [],
  ['a'],
];

const ACTIONS = [
  {
    module: 'cancelSubscription',
    path: '/payments/api/v1/subscriptions/QX7K2M9P/cancel',
    body: { send_mail: true },
    answer: 'cancel',
  },
  {
    module: 'reactivateSubscription',
    path: '/payments/api/v1/subscriptions/QX7K2M9P/reactivate',
    body: { charge: false },
    answer: 'reactivate',
  },
] as const;

/** What the module outputs for an odd value in a field whose interface type is `type`. */
function expectedFor(type: string | undefined, value: unknown): unknown {
  if (type !== 'date') return value;
  // The module's date guard: an empty value stays as it is; anything else becomes text.
  if (value === '' || value === 0 || value === false) return value;
  // A text shaped like Hotmart's is read as a date (an impossible day rolls over, as parseDate
  // does in Make); any other text stays as it is.
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? expect.any(String) : value;
  }
  return expect.any(String);
}

describe.each(ACTIONS)('$module tolerates any value in any field', (action) => {
  const fields = (): Array<{ name: string; type: string | undefined }> => {
    const module = built.runtime.definition.modules.find((m) => m.name === action.module);
    return (module?.interface ?? []).map((field) => {
      const { name, type } = field as { name: string; type?: string };
      return { name, type };
    });
  };

  test('every interface field, every odd value: the run succeeds and the value passes through', async () => {
    const connection = await connect(built.runtime);
    const names = fields();
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const { name, type } of names) {
      for (const value of ODD_VALUES) {
        const answer = { ...(fixture(action.answer) as Record<string, unknown>), [name]: value };
        const scope = hotmartApi().post(action.path, action.body).reply(200, answer);
        // runModule itself: the harness's run also checks bundles against the interface, which
        // odd values rightly fail.
        const { bundles } = await runModule(built.runtime, action.module, {
          connection,
          parameters: { subscriber_code: 'QX7K2M9P' },
        });
        scope.done();
        expect({ field: name, value, out: bundles[0]?.[name] }).toEqual({
          field: name,
          value,
          out: expectedFor(type, value),
        });
      }
    }
  });
});

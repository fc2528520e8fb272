// The simulator's Brazil wall clock takes one Intl call per month; it must still agree with Intl
// at every instant, daylight-saving changes included (Brazil observed them until 2019).
import { formatHotmartDateTime } from '../../lib/simulator/calendar';
import { saoPauloDateTimeText } from '../support/expected-outputs';

const intlDateTime = saoPauloDateTimeText;

test('agrees with Intl around the 2018 and 2019 daylight-saving changes, minute by minute', () => {
  // DST began 2018-11-04 00:00 local (03:00 UTC) and ended 2019-02-17 00:00 local (02:00 UTC).
  const changes = [Date.UTC(2018, 10, 4, 3), Date.UTC(2019, 1, 17, 2)];
  for (const change of changes) {
    for (let ms = change - 3 * 3_600_000; ms <= change + 3 * 3_600_000; ms += 60_000) {
      expect(formatHotmartDateTime(ms)).toBe(intlDateTime(ms));
    }
  }
  expect(formatHotmartDateTime(Date.UTC(2018, 10, 4, 2, 59, 59))).toBe('2018-11-03 23:59:59');
  expect(formatHotmartDateTime(Date.UTC(2018, 10, 4, 3))).toBe('2018-11-04 01:00:00');
});

test('agrees with Intl at 5,000 instants spread over 2016–2027, sub-second ones included', () => {
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const from = Date.UTC(2016, 0, 1);
  const span = Date.UTC(2027, 11, 31) - from;
  for (let i = 0; i < 5_000; i += 1) {
    const ms = from + Math.floor(next() * span);
    expect(formatHotmartDateTime(ms)).toBe(intlDateTime(ms));
  }
});

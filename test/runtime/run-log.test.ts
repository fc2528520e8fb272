// The run log's bound: the first and last requests, notices always, one note for the gap.
import { RunLog, type HttpLogEntry } from '../../lib/runtime/run-log';

function request(page: number): HttpLogEntry {
  return {
    kind: 'http',
    component: 'module m',
    page,
    request: {
      method: 'GET',
      url: 'https://api.example.com/items',
      qs: { page: String(page) },
      headers: {},
    },
    response: { statusCode: 200, headers: {}, body: { page } },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
  };
}

test('keeps every entry, in order, while the run is shorter than the bound', () => {
  const log = new RunLog(undefined, { keepFirst: 2, keepLast: 2 });
  log.record(request(1));
  log.warn('W', 'early');
  for (const page of [2, 3, 4]) log.record(request(page));
  expect(log.entries.map((e) => (e.kind === 'http' ? e.page : e.code))).toEqual([1, 'W', 2, 3, 4]);
  expect(log.requestCount).toBe(4);
});

test('drops the middle requests but never a notice, and says how many were dropped', () => {
  const log = new RunLog(undefined, { keepFirst: 2, keepLast: 2 });
  for (const page of [1, 2, 3]) log.record(request(page));
  log.warn('CAP', 'a warning in the middle');
  for (const page of [4, 5, 6, 7]) log.record(request(page));
  expect(log.entries.map((e) => (e.kind === 'http' ? e.page : e.code))).toEqual([
    1,
    2,
    'LOG_TRUNCATED',
    'CAP',
    6,
    7,
  ]);
  expect(log.requestCount).toBe(7);
  expect(log.requests.map((r) => r.page)).toEqual([1, 2, 6, 7]);
  expect(log.entries[2]).toMatchObject({ message: expect.stringContaining('3 request(s)') });
});

test('memory holds keepFirst + keepLast requests however many are recorded', () => {
  const log = new RunLog(undefined, { keepFirst: 3, keepLast: 3 });
  for (let page = 1; page <= 100_000; page += 1) log.record(request(page));
  expect(log.requestCount).toBe(100_000);
  expect(log.requests.map((r) => r.page)).toEqual([1, 2, 3, 99_998, 99_999, 100_000]);
});

// Global nock hygiene for every test file: no real network, and a test that leaves a mock
// unconsumed fails, so a page or token request that never happened cannot pass silently.
import nock from 'nock';

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  // Loopback stays reachable: benchmarks and the simulator's HTTP adapter run servers there.
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(() => {
  nock.restore();
});

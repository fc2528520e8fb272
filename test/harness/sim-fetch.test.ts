// The in-memory fetch the docs use: what the runtime sends reaches the simulator whole, bodies
// sent as bytes included (the runtime sends text as bytes).
import { simulatorFetch } from '../../lib/harness';
import { createSimulator, SIMULATOR_CREDENTIALS } from '../../lib/simulator';

test('a JSON body sent as bytes reaches the simulator', async () => {
  const sim = createSimulator({ size: 20, now: () => new Date('2024-06-15T12:00:00Z') });
  const send = simulatorFetch(sim);
  const basic = `Basic ${SIMULATOR_CREDENTIALS.basicToken}`;
  const tokenAnswer = await send(
    `https://api-sec-vlc.hotmart.com/security/oauth/token?grant_type=client_credentials&client_id=${SIMULATOR_CREDENTIALS.clientId}&client_secret=${SIMULATOR_CREDENTIALS.clientSecret}`,
    { method: 'POST', headers: { authorization: basic } },
  );
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const code = sim.subscriptions().find((s) => s.status === 'ACTIVE' && !s.trial)?.subscriber_code;
  const answer = await send(
    `https://developers.hotmart.com/payments/api/v1/subscriptions/${code}`,
    {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: new TextEncoder().encode('{"due_day": 40}'),
    },
  );
  // The simulator read the body: 40 is refused by value, not as a missing field.
  expect(answer.status).toBe(400);
  expect(await answer.text()).toContain('must be a whole number from 1 to 31');
});

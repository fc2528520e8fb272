// Scrubbing rules on hand-written exchanges shaped like Hotmart's richest payloads (sales users:
// documents, phones, addresses).
import { buildFixture, RECORDED_CREDENTIALS, sensitiveKind, type Exchange } from '../../lib/record';

const SECRET = 'test-client-secret-XYZ';
const TOKEN = 'H4sIAAAAAAAAAtest-access-token-ABC';

const exchanges: Exchange[] = [
  {
    method: 'POST',
    url: `https://api-sec-vlc.hotmart.com/security/oauth/token?grant_type=client_credentials&client_id=test-client-id&client_secret=${SECRET}`,
    requestHeaders: { authorization: 'Basic dGVzdC1jbGllbnQtaWQ6dGVzdC1jbGllbnQtc2VjcmV0LVhZWg==' },
    status: 200,
    responseHeaders: { 'content-type': 'application/json', 'set-cookie': 'session=abc' },
    responseBody: JSON.stringify({
      access_token: TOKEN,
      token_type: 'bearer',
      jti: '4c1f0e52-9a7d-4b3e-8f21-6d0a9b7e3c15',
    }),
  },
  {
    method: 'GET',
    url: 'https://developers.hotmart.com/payments/api/v1/sales/users?buyer_email=marina.lopes%40example.org',
    requestHeaders: { authorization: `Bearer ${TOKEN}` },
    status: 200,
    responseHeaders: {
      'content-type': 'application/json',
      'ratelimit-remaining': '499',
      date: 'x',
    },
    responseBody: JSON.stringify({
      items: [
        {
          transaction: 'HP123',
          product: { name: 'Academia de Fotografia' },
          users: [
            {
              role: 'BUYER',
              user: {
                name: 'Marina Lopes',
                email: 'marina.lopes@example.org',
                cellphone: '+5511987654321',
                documents: [{ value: '12345678909', type: 'CPF' }],
                address: { city: 'São Paulo', zip_code: '05422000', address: 'Rua Exemplo' },
              },
            },
            {
              role: 'PRODUCER',
              user: { name: 'Estúdio Luz Ltda', email: 'contato@estudio.example' },
            },
          ],
          note: 'Contact Marina Lopes at marina.lopes@example.org',
        },
      ],
    }),
  },
];

test('credentials, tokens and personal data become fakes; the rest stays', () => {
  const { definitions } = buildFixture(exchanges, {
    clientId: 'test-client-id',
    clientSecret: SECRET,
    basicToken: 'dGVzdC1jbGllbnQtaWQ6dGVzdC1jbGllbnQtc2VjcmV0LVhZWg==',
  });
  const text = JSON.stringify(definitions);
  for (const leak of [
    SECRET,
    'test-client-id&',
    TOKEN,
    'Marina',
    'marina.lopes',
    '987654321',
    '12345678909',
    '05422000',
    'Rua Exemplo',
    'Estúdio',
    'contato@',
    '4c1f0e52',
    'session=abc',
  ]) {
    expect(text).not.toContain(leak);
  }
  const [token, users] = definitions;
  expect(token?.path).toContain(`client_secret=${RECORDED_CREDENTIALS.clientSecret}`);
  expect(token?.reqheaders).toEqual({ authorization: `Basic ${RECORDED_CREDENTIALS.basicToken}` });
  expect(token?.rawHeaders).toEqual({ 'content-type': 'application/json' });
  expect(users?.reqheaders).toEqual({ authorization: 'Bearer recorded-token-1' });
  // The same e-mail gets the same fake in the query, the body and free text.
  expect(users?.path).toBe('/payments/api/v1/sales/users?buyer_email=person1%40example.com');
  const item = (users?.response as { items: Array<Record<string, unknown>> }).items[0] as {
    product: { name: string };
    users: Array<{ user: Record<string, unknown> }>;
    note: string;
  };
  expect(item.product.name).toBe('Academia de Fotografia');
  expect(item.note).toBe('Contact Person 1 at person1@example.com');
  const buyer = item.users[0]?.user;
  expect(buyer).toMatchObject({
    name: 'Person 1',
    email: 'person1@example.com',
    documents: [{ type: 'CPF' }],
    address: { city: 'Fake address 1' },
  });
  expect(buyer?.cellphone).toMatch(/^\+\d{13}$/);
  expect(item.users[1]?.user).toEqual({ name: 'Person 2', email: 'person2@example.com' });
  expect(users?.rawHeaders).toEqual({
    'content-type': 'application/json',
    'ratelimit-remaining': '499',
  });
});

test('which keys are sensitive', () => {
  expect(sensitiveKind('email', undefined)).toBe('email');
  expect(sensitiveKind('subscriber_email', undefined)).toBe('email');
  expect(sensitiveKind('name', 'subscriber')).toBe('name');
  expect(sensitiveKind('name', 'product')).toBeNull();
  expect(sensitiveKind('next_page_token', 'page_info')).toBeNull();
  expect(sensitiveKind('access_token', undefined)).toBe('token');
  expect(sensitiveKind('phone_ddd', 'subscriber')).toBe('phone');
  expect(sensitiveKind('document', 'buyer')).toBe('document');
  expect(sensitiveKind('subscriber_code', undefined)).toBeNull();
});

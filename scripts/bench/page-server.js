// The benchmark's Hotmart stand-in, run as a child process so that building and serialising pages
// costs the measured process nothing: its CPU time, heap and RSS then describe the client alone
// (the runtime or the hand-written loop). Plain JavaScript so it starts without a TypeScript loader.
// Protocol: started with one JSON argument { total, pageSize, accessToken }; sends { port } once
// listening; exits on the message 'close'.
const http = require('node:http');

const { total, pageSize, accessToken } = JSON.parse(process.argv[2]);
const pages = Math.ceil(total / pageSize);

/** A subscription shaped like Hotmart's list item (hotmart-api §4.1), about 450 bytes of JSON. */
function item(i) {
  return {
    subscriber_code: `SUB${i.toString(36).toUpperCase().padStart(6, '0')}`,
    subscription_id: 1000000 + i,
    status: i % 7 === 0 ? 'CANCELLED_BY_CUSTOMER' : 'ACTIVE',
    accession_date: 1577847600000 + i * 60000,
    date_next_charge: 1580526000000 + i * 60000,
    trial: i % 11 === 0,
    plan: { name: 'Monthly', id: 11 + (i % 3), recurrency_period: 30, max_charge_cycles: 12 },
    product: { id: 123456, name: 'The Product', ucode: 'c1d2e3f4-0000-4000-8000-000000000000' },
    price: { value: 49.9, currency_code: 'BRL' },
    subscriber: { name: `Subscriber ${i}`, email: `subscriber${i}@example.com`, ucode: `u-${i}` },
  };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/oauth/token') {
    req.resume();
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ access_token: accessToken, expires_in: 172799 }));
    return;
  }
  if (req.headers.authorization !== `Bearer ${accessToken}`) {
    res.statusCode = 401;
    res.end('{"error":"unauthorized"}');
    return;
  }
  const token = url.searchParams.get('page_token');
  const page = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  const items = [];
  for (let i = page * pageSize; i < Math.min(total, (page + 1) * pageSize); i += 1) {
    items.push(item(i));
  }
  const next = page + 1 < pages ? Buffer.from(String(page + 1)).toString('base64url') : undefined;
  res.setHeader('Content-Type', 'application/json');
  res.end(
    JSON.stringify({
      items,
      page_info: { results_per_page: pageSize, ...(next ? { next_page_token: next } : {}) },
    }),
  );
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});

process.on('message', (message) => {
  if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.disconnect());
  }
});
// The parent died or went away: never outlive it.
process.on('disconnect', () => process.exit(0));

// Hostile responses (issue 9): deep JSON, huge bodies, gzip bombs, byte-order marks. The run and
// its log stay usable, and every failure is a typed error naming what happened.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import nock from 'nock';
import { MakeError, runModule } from '../../lib/runtime';
import { DEEPER_NOT_LOGGED, MAX_LOGGED_DEPTH } from '../../lib/runtime/depth';
import { API, testApp, testModule } from './helpers/app';
import { installLeakCheck } from './helpers/leak-check';
import { failure, load, run } from './helpers/runtime';
import { sharedConnection } from './helpers/shared-connection';

installLeakCheck();
const acme = sharedConnection();

const whole = testModule({
  name: 'whole',
  type: 'action',
  communication: { url: '/v1/item', response: { output: '{{body}}' } },
});

function nested(levels: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < levels; i += 1) value = { a: [value] };
  return value;
}

/** A deeply nested body as raw text (JSON.stringify itself would overflow on the deepest). */
function nestedText(levels: number): string {
  return `${'{"a":['.repeat(levels)}{"leaf":true}${']}'.repeat(levels)}`;
}

function depthOf(value: unknown): number {
  let depth = 0;
  let node = value;
  while (node !== null && typeof node === 'object') {
    depth += 1;
    node = Array.isArray(node) ? node[0] : Object.values(node)[0];
  }
  return depth;
}

describe('deep JSON', () => {
  test.each([2_000, 5_000])(
    'a body nested %i levels: the run succeeds and its log serialises, cut at the logged depth',
    async (levels) => {
      const app = await load(testApp({ modules: [whole] }));
      nock(API)
        .get('/v1/item')
        .reply(200, nestedText(levels), { 'content-type': 'application/json' });
      // runModule itself: the test helper's leak check would serialise the deep bundles.
      const result = await runModule(app, 'whole', { connection: acme.get() });
      expect(result.bundles).toHaveLength(1);
      const text = JSON.stringify(result.log);
      expect(text).toContain(DEEPER_NOT_LOGGED);
      const body = result.log.requests[0]?.response?.body;
      expect(depthOf(body)).toBe(MAX_LOGGED_DEPTH);
    },
  );

  test('a shallow body is logged as it is', async () => {
    const app = await load(testApp({ modules: [whole] }));
    nock(API)
      .get('/v1/item')
      .reply(200, nested(10) as nock.Body);
    const result = await run(app, 'whole', { connection: acme.get() });
    expect(result.log.requests[0]?.response?.body).toEqual(nested(10));
  });
});

describe('response size', () => {
  let server: Server;
  let origin: string;
  const routes = new Map<string, (res: import('node:http').ServerResponse) => void>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const route = routes.get(req.url ?? '');
      if (route) route(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const hostMap = (): Record<string, string> => ({ 'api.example.test': origin });

  test('a body over maxResponseBytes is a typed error naming the limit', async () => {
    routes.set('/v1/item', (res) => {
      // No Content-Length: the limit is found while streaming, not from a header.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 && res.write(chunk)) sent += 1;
        if (sent < 64) res.once('drain', pump);
        else res.end('{}');
      };
      pump();
    });
    const app = await load(testApp({ modules: [whole] }));
    const error = await failure(
      run(app, 'whole', {
        connection: acme.get(),
        hostMap: hostMap(),
        maxResponseBytes: 1024 * 1024,
      }),
    );
    expect(error).toBeInstanceOf(MakeError);
    expect({ type: error.type, code: error.code }).toEqual({
      type: 'RuntimeError',
      code: 'RESPONSE_TOO_LARGE',
    });
    expect(error.message).toContain('larger than 1 MiB');
  });

  test('a gzip body is counted after decompression (a small bomb is stopped)', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    routes.set('/v1/item', (res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(bomb.byteLength),
      });
      res.end(bomb);
    });
    const app = await load(testApp({ modules: [whole] }));
    const before = process.memoryUsage().rss;
    const error = await failure(
      run(app, 'whole', {
        connection: acme.get(),
        hostMap: hostMap(),
        maxResponseBytes: 2 * 1024 * 1024,
      }),
    );
    expect(error.code).toBe('RESPONSE_TOO_LARGE');
    expect(error.message).toContain('larger than 2 MiB');
    // Reading stopped near the limit: nowhere near the 64 MiB the bomb inflates to.
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  test('a body within the limit, with a UTF-8 byte-order mark, is read', async () => {
    routes.set('/v1/item', (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":7}')]));
    });
    const app = await load(testApp({ modules: [whole] }));
    const result = await run(app, 'whole', { connection: acme.get(), hostMap: hostMap() });
    expect(result.bundles).toEqual([{ id: 7 }]);
  });
});

describe('property: random nesting, sizes and encodings', () => {
  test('a run ends in bundles or a typed error, and its log always serialises', async () => {
    const app = await load(testApp({ modules: [whole] }));
    const body = fc.oneof(
      fc.integer({ min: 0, max: 3_000 }).map((n) => nestedText(n)),
      fc.json({ depthSize: 'large' }),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 0, max: 300 }).map((n) => `${'['.repeat(n)}`),
    );
    const encoding = fc.constantFrom('plain', 'bom', 'latin1');
    const type = fc.constantFrom('application/json', 'text/plain', 'text/html', '');
    await fc.assert(
      fc.asyncProperty(body, encoding, type, async (text, how, contentType) => {
        const bytes =
          how === 'bom'
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
            : Buffer.from(text, how === 'latin1' ? 'latin1' : 'utf8');
        nock(API)
          .get('/v1/item')
          .reply(200, bytes, contentType ? { 'content-type': contentType } : {});
        try {
          const result = await runModule(app, 'whole', { connection: acme.get() });
          expect(() => JSON.stringify(result.log)).not.toThrow();
        } catch (error) {
          expect(error).toBeInstanceOf(MakeError);
          expect((error as MakeError).code).not.toBe('UNEXPECTED');
        }
      }),
      { numRuns: 150 },
    );
  });
});

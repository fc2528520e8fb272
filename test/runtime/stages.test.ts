// Unit tests of the pure stages (lib/runtime/README.md "Pipeline"), table-driven.
import { finalizeError } from '../../lib/runtime/boundary';
import { resolveCaps } from '../../lib/runtime/caps';
import { DataError, RuntimeError } from '../../lib/runtime/errors';
import { capitaliseHeaderName, mergeHeaders } from '../../lib/runtime/headers';
import { checkHostMap, literalHost, mapHost } from '../../lib/runtime/hosts';
import { mergeBase, mergeResponse } from '../../lib/runtime/merge-base';
import { nextPageRequest } from '../../lib/runtime/paginate';
import { selectParseMode } from '../../lib/runtime/parse-response';
import { mergeQuery, parseQuery, serializeQuery } from '../../lib/runtime/query';
import { REDACTED, Redactor } from '../../lib/runtime/redact';
import { resetSecondsOf } from '../../lib/runtime/response-error';
import { applySanitize, parseSanitizePath } from '../../lib/runtime/sanitize';
import { joinUrl, resolveUrl } from '../../lib/runtime/url';
import fc from 'fast-check';
import vm from 'node:vm';
import { isoOf, toWire } from '../../lib/runtime/wire';
import { installLeakCheck } from './helpers/leak-check';

installLeakCheck();

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('url', () => {
  test.each([
    ['https://api.x', '/v1/a', 'https://api.x/v1/a'],
    ['https://api.x/', '/v1/a', 'https://api.x/v1/a'],
    ['https://api.x//', '///v1/a', 'https://api.x/v1/a'],
    ['https://api.x/base', 'v1/a', 'https://api.x/base/v1/a'],
    ['https://api.x', '@evil.example/x', 'https://api.x/@evil.example/x'],
  ])('joinUrl(%s, %s) = %s', (base, relative, expected) => {
    expect(joinUrl(base, relative)).toBe(expected);
  });

  test('dot segments stay on the host; the own query and the hash are split off', () => {
    const resolved = resolveUrl('/v1/x/../../sales?a=1#frag', 'https://api.x', true, 'w');
    expect(resolved.href).toBe('https://api.x/sales');
    expect(resolved.search).toBe('?a=1');
  });

  test('the last resolution is reused only for the very same url, base and encoding', () => {
    const first = resolveUrl('/a b', 'https://api.x', true, 'w');
    expect(resolveUrl('/a b', 'https://api.x', true, 'w')).toEqual(first);
    expect(first.href).toBe('https://api.x/a%20b');
    expect(resolveUrl('/a b', 'https://api.y', true, 'w').href).toBe('https://api.y/a%20b');
    expect(resolveUrl('/a%20b', 'https://api.y', false, 'w').href).toBe('https://api.y/a%20b');
    expect(resolveUrl('/a%20b', 'https://api.y', true, 'w').href).toBe('https://api.y/a%2520b');
    expect(resolveUrl('/c', 'https://api.y', true, 'w').href).toBe('https://api.y/c');
    // A bad value right after a good one is still refused.
    resolveUrl('/relative', 'https://api.x', true, 'w');
    expect(thrown(() => resolveUrl('/relative', undefined, true, 'w'))).toMatchObject({
      type: 'RuntimeError',
    });
  });

  test.each([
    ['', 'https://api.x', 'DataError'],
    ['ftp://x/y', undefined, 'DataError'],
    ['https://user:pw@api.x/y', undefined, 'DataError'],
    ['/relative', undefined, 'RuntimeError'],
  ])('resolveUrl(%j) is a %s', (url, base, type) => {
    expect(thrown(() => resolveUrl(url, base, true, 'w'))).toMatchObject({ type });
  });
});

describe('headers', () => {
  test.each([
    ['content-type', 'Content-Type'],
    ['tEsT', 'Test'],
    ['x-api-key', 'X-Api-Key'],
    ['ETag', 'Etag'],
  ])('%s → %s', (name, expected) => expect(capitaliseHeaderName(name)).toBe(expected));

  test('later layers win case-insensitively; null removes an inherited header', () => {
    expect(
      mergeHeaders(
        [
          { Authorization: 'a', 'X-One': 1, Accept: 'x' },
          { authorization: 'b', accept: null, When: new Date(0) },
        ],
        'w',
      ),
    ).toEqual({ Authorization: 'b', 'X-One': '1', When: '1970-01-01T00:00:00.000Z' });
  });

  test('an object header value is a DataError', () => {
    expect(thrown(() => mergeHeaders([{ A: { b: 1 } }], 'w'))).toBeInstanceOf(DataError);
  });
});

describe('query', () => {
  test('merge, arrays, scalars, removal', () => {
    const merged = mergeQuery(
      [
        { a: 1, b: [true, null, 'x'], c: 'keep' },
        { a: 2, c: null, d: [] },
      ],
      'w',
    );
    expect(merged).toEqual({ a: '2', b: ['true', 'x'] });
    expect(serializeQuery(merged)).toBe('a=2&b=true&b=x');
  });

  test('parseQuery collects repeated keys', () => {
    expect(parseQuery('?a=1&a=2&b=x%20y')).toEqual({ a: ['1', '2'], b: 'x y' });
  });
});

describe('sanitize and redact', () => {
  test('paths: dots, backticks, case', () => {
    expect(parseSanitizePath('request.body.`a.b`.C')).toEqual(['request', 'body', 'a.b', 'c']);
  });

  test('masks case-insensitively, through arrays, and leaves missing paths alone', () => {
    const exchange = {
      request: { headers: { Authorization: 'Bearer x' }, qs: { status: ['A', 'B'] } },
      response: { body: { items: [{ token: 't1' }, { token: 't2', id: 1 }] } },
    };
    expect(
      applySanitize(exchange, [
        'request.headers.authorization',
        'request.qs.status',
        'response.body.items.token',
        'request.body.nothing',
      ]),
    ).toEqual({
      request: { headers: { Authorization: REDACTED }, qs: { status: REDACTED } },
      response: { body: { items: [{ token: REDACTED }, { token: REDACTED, id: 1 }] } },
    });
    expect(exchange.request.headers.Authorization).toBe('Bearer x');
  });

  test('sanitizing copies only the objects on a matching path, the same way every time', () => {
    const exchange = {
      request: { headers: { 'X-Key': 'k' }, qs: { a: '1' } },
      response: { body: { 'x.y': 's', keep: { deep: true } } },
    };
    expect(applySanitize(exchange, ['nothing.at.all', 'Nothing'])).toBe(exchange);
    expect(applySanitize(exchange, ['request.headers.nothing'])).toEqual(exchange);
    for (let round = 0; round < 2; round += 1) {
      const masked = applySanitize(exchange, ['REQUEST.headers.x-key', 'response.body.`x.y`']);
      expect(masked).toEqual({
        request: { headers: { 'X-Key': REDACTED }, qs: { a: '1' } },
        response: { body: { 'x.y': REDACTED, keep: { deep: true } } },
      });
      expect(masked.request.qs).toBe(exchange.request.qs);
      expect(masked.response.body.keep).toBe(exchange.response.body.keep);
    }
    expect(exchange.request.headers['X-Key']).toBe('k');
  });

  test('the redactor replaces raw, prefixed, trimmed and URL-encoded forms, longest first; short values are ignored', () => {
    const redactor = new Redactor();
    redactor.add(' Basic abc def==  ');
    redactor.add('abc');
    redactor.addConnectionData({ token: 'tok-123456', expires: '2024-05-01T12:00:00.000Z', n: 5 });
    expect(
      redactor.redact({
        h: 'Basic abc def==',
        q: 'x=abc%20def%3D%3D',
        f: 'abc+def%3D%3D',
        t: 'Bearer tok-123456',
        e: '2024-05-01T12:00:00.000Z',
        s: 'abc',
      }),
    ).toEqual({
      h: REDACTED,
      q: `x=${REDACTED}`,
      f: REDACTED,
      t: `Bearer ${REDACTED}`,
      e: '2024-05-01T12:00:00.000Z',
      s: 'abc',
    });
    expect(redactor.contains('...tok-123456...')).toBe(true);
  });
});

describe('parse-response', () => {
  test.each([
    [undefined, 200, 'automatic'],
    ['string', 200, 'text'],
    [{ '*': 'json', '4xx': 'text', '400-499': 'text', '404': 'urlencoded' }, 404, 'urlencoded'],
    [{ '*': 'json', '400-499': 'text', '400-599': 'binary' }, 450, 'text'],
    [{ '*': 'json', '400-499': 'text' }, 200, 'json'],
  ])('selectParseMode(%j, %i) = %s', (type, status, mode) => {
    expect(selectParseMode(type, status, 'w')).toBe(mode);
  });

  test('an unknown mode is a definition error', () => {
    expect(thrown(() => selectParseMode('yaml', 200, 'w'))).toMatchObject({
      code: 'DEFINITION_INVALID',
    });
  });
});

describe('merge-base', () => {
  test('layers, overrides, sanitize union, timeout and error merge', () => {
    const merged = mergeBase(
      {
        url: '/x',
        headers: { A: '2' },
        log: { sanitize: ['request.headers.b'] },
        response: { error: { message: 'm', '404': { message: 'm404' } } },
      },
      {
        baseUrl: 'https://api.x',
        headers: { A: '1' },
        qs: { v: 1 },
        timeout: 1000,
        log: { sanitize: ['request.headers.a'] },
        response: { valid: true, error: { message: 'base', '500': { message: 'b500' } } },
      },
    );
    expect(merged).toMatchObject({
      baseUrl: 'https://api.x',
      headers: { base: { A: '1' }, own: [{ A: '2' }] },
      qs: { base: { v: 1 }, own: [] },
      sanitize: ['request.headers.a', 'request.headers.b'],
      timeoutMs: 1000,
      response: {
        valid: true,
        error: { message: 'm', '404': { message: 'm404' }, '500': { message: 'b500' } },
      },
    });
    expect(mergeBase({ url: '/x' }, undefined)).toMatchObject({
      qs: undefined,
      timeoutMs: 40_000,
      sanitize: [],
    });
    expect(mergeResponse({ error: 'base message' }, { output: 1 })).toEqual({
      error: { message: 'base message' },
      output: 1,
    });
  });

  test('nextPageRequest: merge vs no merge', () => {
    const parent = mergeBase(
      { url: '/a', method: 'POST', headers: { H: 1 }, qs: { q: 1 }, body: { b: 1 } },
      { baseUrl: 'https://api.x', headers: { Auth: 'x' } },
    );
    const merged = nextPageRequest(parent, { qs: { page: 2 }, body: { b: 2 } }, true);
    expect(merged).toMatchObject({
      url: '/a',
      method: 'POST',
      headers: { base: { Auth: 'x' }, own: [{ H: 1 }] },
      qs: { own: [{ q: 1 }, { page: 2 }] },
      body: { b: 2 },
    });
    const alone = nextPageRequest(parent, { qs: { page: 2 } }, false);
    expect(alone).toMatchObject({
      url: '/a',
      headers: { base: { Auth: 'x' }, own: [] },
      qs: { own: [{ page: 2 }] },
      hasBody: false,
    });
  });
});

describe('hosts', () => {
  test.each([
    ['https://api.x/v1', 'api.x'],
    ['https://API.X:8443/v1', 'api.x:8443'],
    ['https://{{connection.env}}.x/v1', undefined],
    ['/relative', undefined],
  ])('literalHost(%s) = %s', (url, host) => expect(literalHost(url)).toBe(host));

  test('hostMap keeps path and query, accepts a path prefix, rejects non-http origins', () => {
    const map = checkHostMap({
      'API.X': 'http://127.0.0.1:8787',
      'b.x': 'http://127.0.0.1:9/prefix/',
    });
    expect(mapHost(new URL('https://api.x/v1/a?b=1'), map)).toEqual({
      href: 'http://127.0.0.1:8787/v1/a?b=1',
      origin: 'http://127.0.0.1:8787',
    });
    expect(mapHost(new URL('https://b.x/v1'), map)).toEqual({
      href: 'http://127.0.0.1:9/prefix/v1',
      origin: 'http://127.0.0.1:9',
    });
    expect(mapHost(new URL('https://other.x/v1'), map)).toBeUndefined();
    // The text is what parsing it would give: fetch gets it as it is.
    for (const url of ['https://API.X/v1/a?b=1', 'https://b.x/v1/%20x?q=%C3%A9']) {
      const text = mapHost(new URL(url), map)?.href ?? '';
      expect(new URL(text).href).toBe(text);
    }
    expect(thrown(() => checkHostMap({ a: 'not a url' }))).toMatchObject({
      code: 'OPTION_INVALID',
    });
  });
});

describe('wire, caps, rate limits, boundary', () => {
  test('toWire walks own keys only, whatever a prototype lists', () => {
    // An object of another realm whose Object.prototype has an enumerable key: still plain data.
    const source = vm.runInNewContext(
      'Object.prototype.inherited = { gone: undefined }; ({ own: { keep: 1, gone: undefined } })',
    ) as Record<string, unknown>;
    const wired = toWire(source) as Record<string, unknown>;
    expect(Object.keys(wired)).toEqual(['own']);
    expect(Object.keys(wired.own as object)).toEqual(['keep']);
    expect(Object.hasOwn(wired, 'inherited')).toBe(false);
  });

  test('isoOf writes exactly what toISOString writes, for any valid date', () => {
    const dates = fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true });
    fc.assert(fc.property(dates, (date) => isoOf(date) === date.toISOString()));
    for (const iso of [
      '0999-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '+010000-01-01T00:00:00.000Z',
      '-000001-06-15T12:00:00.005Z',
    ]) {
      expect(isoOf(new Date(iso))).toBe(iso);
    }
    expect(isoOf(new Date(Number.NaN))).toBeNull();
  });

  test('toWire converts dates, drops undefined keys, and returns unchanged values as is', () => {
    const plain = { a: [1, { b: 'x' }] };
    expect(toWire(plain)).toBe(plain);
    expect(
      toWire({ a: new Date(0), b: undefined, c: [new Date(1000)], d: new Date(Number.NaN) }),
    ).toEqual({
      a: '1970-01-01T00:00:00.000Z',
      c: ['1970-01-01T00:00:01.000Z'],
      d: null,
    });
  });

  test('caps default to Make and reject nonsense', () => {
    expect(resolveCaps(undefined)).toEqual({
      paginationRequests: 50,
      requests: 100,
      records: 3200,
    });
    expect(resolveCaps({ records: Infinity }).records).toBe(Infinity);
    expect(thrown(() => resolveCaps({ requests: -1 }))).toMatchObject({ code: 'OPTION_INVALID' });
  });

  test.each([
    [{ 'ratelimit-reset': '30' }, 30],
    [{ 'retry-after': '12' }, 12],
    [{ 'retry-after': 'Wed, 01 May 2024 12:01:00 GMT' }, 60],
    [{}, undefined],
  ])('resetSecondsOf(%j) = %s', (headers, seconds) => {
    expect(resetSecondsOf(headers, new Date('2024-05-01T12:00:00Z'))).toBe(seconds);
  });

  test('finalizeError redacts MakeErrors and wraps anything else as UNEXPECTED', () => {
    const redactor = new Redactor();
    redactor.add('secret-value-1');
    const make = finalizeError(
      new RuntimeError('failed with secret-value-1', { code: 'HTTP_STATUS' }),
      redactor,
    );
    expect(make.message).toBe(`failed with ${REDACTED}`);
    expect(make.stack).not.toContain('secret-value-1');
    const wrapped = finalizeError(new TypeError('x is secret-value-1'), redactor);
    expect(wrapped).toMatchObject({
      type: 'RuntimeError',
      code: 'UNEXPECTED',
      message: `Unexpected runtime failure: TypeError: x is ${REDACTED}`,
    });
  });
});

// Captured exchanges → nock definitions (`nock.define()` input), scrubbed. What would be written is
// scanned once more, independently (scan.ts), before it is returned: a leak is an error naming the
// JSON pointer of each finding, never a fixture.
import type { Exchange } from './exchange';
import { scanForLeaks, type LeakFinding } from './scan';
import { Scrubber, type KnownSecrets } from './scrub';

/** The subset of nock's Definition the recorder writes. */
export interface FixtureDefinition {
  scope: string;
  method: string;
  path: string;
  body?: unknown;
  status: number;
  response?: unknown;
  rawHeaders?: Record<string, string>;
  reqheaders?: Record<string, string>;
}

/** Response headers worth keeping: the body's type and Hotmart's rate-limit counters. */
const KEPT_RESPONSE_HEADERS = /^(content-type|ratelimit-.*|x-ratelimit-.*|retry-after)$/;

export class FixtureLeakError extends Error {
  override readonly name = 'FixtureLeakError';
  readonly code = 'FIXTURE_LEAK';

  constructor(readonly findings: readonly LeakFinding[]) {
    super(
      `refusing to write the fixture: ${findings.length} secret or personal value(s) survived ` +
        `scrubbing (the values are not shown), at:\n${findings
          .map((finding) => `  ${finding.where} (${finding.kind})`)
          .join('\n')}`,
    );
  }

  get count(): number {
    return this.findings.length;
  }
}

function parseJson(text: string | undefined): { json: true; value: unknown } | { json: false } {
  if (text === undefined || text.trim() === '') return { json: false };
  try {
    return { json: true, value: JSON.parse(text) };
  } catch {
    return { json: false };
  }
}

export interface ScrubbedRecording {
  definitions: FixtureDefinition[];
  /** Scrubs any other value (the run's parameters) with the same fakes. */
  scrub(value: unknown): unknown;
  /**
   * Throws FixtureLeakError when `value` (the content of `file`) still holds a secret or personal
   * value: a learned original, or anything the detectors find.
   */
  assertClean(file: string, value: unknown): void;
}

/**
 * `learnFirst`: other values that will be written beside the fixture (the run's parameters); their
 * personal values are learned before the exchanges are scrubbed, so they are replaced there too.
 */
export function buildFixture(
  exchanges: Exchange[],
  secrets: KnownSecrets,
  learnFirst: readonly unknown[] = [],
): ScrubbedRecording {
  const scrubber = new Scrubber(secrets);
  for (const value of learnFirst) scrubber.json(value);
  // Pass 1: learn every sensitive value (by key in JSON bodies, by name in query strings) so
  // pass 2 can replace it wherever it appears, including earlier exchanges.
  const parsed = exchanges.map((exchange) => {
    const url = new URL(exchange.url);
    scrubber.query(url);
    for (const [name, value] of Object.entries(exchange.responseHeaders)) {
      if (KEPT_RESPONSE_HEADERS.test(name.toLowerCase())) scrubber.learn(value);
    }
    const request = parseJson(exchange.requestBody);
    const response = parseJson(exchange.responseBody);
    return {
      exchange,
      url,
      requestBody: request.json
        ? scrubber.json(request.value)
        : exchange.requestBody === undefined
          ? undefined
          : scrubber.learn(exchange.requestBody),
      responseBody: response.json
        ? scrubber.json(response.value)
        : scrubber.learn(exchange.responseBody),
    };
  });
  // Authorization headers carry the credentials and tokens as learned above.
  const definitions = parsed.map(({ exchange, url, requestBody, responseBody }) => {
    const definition: FixtureDefinition = {
      scope: url.origin,
      method: exchange.method.toUpperCase(),
      path: scrubber.text(`${url.pathname}${url.search}`),
      status: exchange.status,
    };
    if (requestBody !== undefined && requestBody !== '') {
      definition.body = scrubber.deepText(requestBody);
    }
    if (responseBody !== undefined && responseBody !== '') {
      definition.response = scrubber.deepText(responseBody);
    }
    const headers = Object.entries(exchange.responseHeaders)
      .filter(([name]) => KEPT_RESPONSE_HEADERS.test(name.toLowerCase()))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (headers.length > 0) {
      definition.rawHeaders = Object.fromEntries(
        headers.map(([name, value]) => [name, scrubber.text(value)]),
      );
    }
    const authorization = Object.entries(exchange.requestHeaders).find(
      ([name]) => name.toLowerCase() === 'authorization',
    );
    if (authorization) {
      definition.reqheaders = {
        authorization: scrubber.text(scrubAuthorization(authorization[1], scrubber)),
      };
    }
    return definition;
  });
  const assertClean = (file: string, value: unknown): void => {
    const findings = scanForLeaks(file, value, scrubber.originals());
    if (findings.length > 0) throw new FixtureLeakError(findings);
  };
  assertClean('fixture', definitions);
  return {
    definitions,
    scrub: (value) => scrubber.deepText(scrubber.json(value)),
    assertClean,
  };
}

/** A bearer token never seen in a token response (a pasted one) still gets a fake. */
function scrubAuthorization(value: string, scrubber: Scrubber): string {
  const match = /^(bearer|basic)\s+(.+)$/i.exec(value.trim());
  if (!match) return scrubber.book.fake('token', value);
  const [, scheme, credential] = match as unknown as [string, string, string];
  const replaced = scrubber.text(credential);
  if (replaced !== credential) return `${scheme} ${replaced}`;
  return `${scheme} ${scrubber.book.fake('token', credential)}`;
}

/** The fixture as written: stable formatting, trailing newline. */
export function renderFixture(definitions: FixtureDefinition[]): string {
  return `${JSON.stringify(definitions, null, 2)}\n`;
}

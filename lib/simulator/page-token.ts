// Page cursors that look like Hotmart's: standard base64, with its `=` padding, of a small JSON
// object (`{"rows":5,"page":2}` in the reference's examples, §3.3), so a client that forgets to
// URL-encode a token's `=`, `+` or `/` fails here as it would against Hotmart. The simulator adds
// a MAC over (endpoint, filters, offset) under `sig`: the same query always yields the same
// tokens, a client cannot forge one for a page of its choosing, and a token replayed with other
// filters is refused like Hotmart's invalid cursor (400 `invalid_token`, reference §3.3).
import { createHash, createHmac } from 'node:crypto';
import { HotmartError } from './errors';

const MAC_BYTES = 12;

export interface PageTokenCodec {
  /** The token of the page starting at `offset`, pages being `rows` long. */
  encode(fingerprint: string, offset: number, rows: number): string;
  /** The offset, or a 400 `invalid_token` error. */
  decode(fingerprint: string, token: string): number;
}

interface TokenBody {
  rows: number;
  page: number;
  /** Items past the page's start, when the page size changed between two calls. */
  skip?: number;
  sig: string;
}

function invalidPageToken(): HotmartError {
  return new HotmartError(400, 'invalid_token', 'The page_token parameter is invalid.');
}

const isCount = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** The body's fields, in the one order `encode` writes them (checked by re-encoding). */
function parseBody(text: string): TokenBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { rows, page, skip, sig } = parsed as Record<string, unknown>;
  if (!isCount(rows, 1) || !isCount(page, 1) || typeof sig !== 'string') return undefined;
  if (skip !== undefined && !isCount(skip, 1)) return undefined;
  return skip === undefined ? { rows, page, sig } : { rows, page, skip, sig };
}

export function createPageTokenCodec(seed: number): PageTokenCodec {
  const secret = createHash('sha256').update(`hotmart-simulator/page-token/${seed}`).digest();
  const mac = (fingerprint: string, offset: number): string =>
    createHmac('sha256', secret)
      .update(`${fingerprint}\n${offset}`)
      .digest()
      .subarray(0, MAC_BYTES)
      .toString('base64url');
  const encodeBody = (body: TokenBody): string =>
    Buffer.from(JSON.stringify(body), 'utf8').toString('base64');
  return {
    encode(fingerprint, offset, rows) {
      const page = Math.floor(offset / rows) + 1;
      const skip = offset - (page - 1) * rows;
      const sig = mac(fingerprint, offset);
      return encodeBody(skip === 0 ? { rows, page, sig } : { rows, page, skip, sig });
    },
    decode(fingerprint, token) {
      const bytes = Buffer.from(token, 'base64');
      // Only the exact encoding is accepted: base64 decoders ignore stray characters and the
      // spare bits of the last one, which would let an altered token through.
      if (bytes.toString('base64') !== token) throw invalidPageToken();
      const body = parseBody(bytes.toString('utf8'));
      if (body === undefined || encodeBody(body) !== token) throw invalidPageToken();
      const offset = (body.page - 1) * body.rows + (body.skip ?? 0);
      if (!Number.isSafeInteger(offset) || mac(fingerprint, offset) !== body.sig) {
        throw invalidPageToken();
      }
      return offset;
    },
  };
}

// Opaque cursors. A token carries the offset of the next page and a MAC over (endpoint, filters,
// offset): the same query always yields the same tokens, a client cannot forge one for an offset
// of its choosing, and a token replayed with other filters is refused like Hotmart's invalid
// cursor (400 `invalid_token`, reference §3.3).
import { createHash, createHmac } from 'node:crypto';
import { HotmartError } from './errors';

const MAC_BYTES = 12;
const OFFSET_BYTES = 4;
const TOKEN_BYTES = MAC_BYTES + OFFSET_BYTES;

export interface PageTokenCodec {
  encode(fingerprint: string, offset: number): string;
  /** The offset, or a 400 `invalid_token` error. */
  decode(fingerprint: string, token: string): number;
}

function invalidPageToken(): HotmartError {
  return new HotmartError(400, 'invalid_token', 'The page_token parameter is invalid.');
}

export function createPageTokenCodec(seed: number): PageTokenCodec {
  const secret = createHash('sha256').update(`hotmart-simulator/page-token/${seed}`).digest();
  const mac = (fingerprint: string, offset: number): Buffer =>
    createHmac('sha256', secret)
      .update(`${fingerprint}\n${offset}`)
      .digest()
      .subarray(0, MAC_BYTES);
  // The offset is masked with a key derived from the MAC (which differs per page), so the
  // whole token looks random instead of a counter (`AAAAAg…`) a client could step through.
  const mask = (tag: Buffer): number =>
    createHmac('sha256', secret).update(tag).digest().readUInt32BE(0);
  return {
    encode(fingerprint, offset) {
      const tag = mac(fingerprint, offset);
      const bytes = Buffer.alloc(TOKEN_BYTES);
      tag.copy(bytes, 0);
      bytes.writeUInt32BE((offset ^ mask(tag)) >>> 0, MAC_BYTES);
      return bytes.toString('base64url');
    },
    decode(fingerprint, token) {
      const bytes = Buffer.from(token, 'base64url');
      // Only the exact encoding is accepted: base64 decoders ignore stray characters and the
      // spare bits of the last one, which would let an altered token through.
      if (bytes.length !== TOKEN_BYTES || bytes.toString('base64url') !== token) {
        throw invalidPageToken();
      }
      const tag = bytes.subarray(0, MAC_BYTES);
      const offset = (bytes.readUInt32BE(MAC_BYTES) ^ mask(tag)) >>> 0;
      if (!mac(fingerprint, offset).equals(tag)) throw invalidPageToken();
      return offset;
    },
  };
}

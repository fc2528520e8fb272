// Hashing and encoding via node:crypto and Buffer. Binary values travel as Buffer.

import { createHash, createHmac, createSign } from 'node:crypto';
import { ImlArgumentError } from '../errors';
import { isPlainObject } from '../values';
import { bytesOf, oneOf, optionalObject, optionalText, requiredText } from './args';
import { eager, type FunctionTable } from './types';

type DigestEncoding = 'hex' | 'base64' | 'latin1';
const DIGEST_ENCODINGS: readonly DigestEncoding[] = ['hex', 'base64', 'latin1'];
type KeyEncoding = 'text' | 'hex' | 'base64' | 'binary';
const KEY_ENCODINGS: readonly KeyEncoding[] = ['text', 'hex', 'base64', 'binary'];

function keyBytes(key: unknown, encoding: KeyEncoding, fn: string): Buffer {
  if (key instanceof Uint8Array) return Buffer.from(key);
  const text = requiredText(key, fn, 3);
  switch (encoding) {
    case 'hex':
      return Buffer.from(text, 'hex');
    case 'base64':
      return Buffer.from(text, 'base64');
    case 'binary':
      return Buffer.from(text, 'latin1');
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** sha1/sha256/sha512(text, [encoding], [key], [key encoding]): a digest, an HMAC with a key. */
function digestFunction(algorithm: 'sha1' | 'sha256' | 'sha512', maxArgs: number) {
  return eager(1, maxArgs, ([value, encoding, key, keyEncoding]) => {
    const data = bytesOf(value, algorithm, 1);
    if (data === undefined) return undefined;
    const output = oneOf(encoding, algorithm, 2, DIGEST_ENCODINGS, 'hex');
    if (key === undefined || key === null || key === '') {
      return createHash(algorithm).update(data).digest().toString(output);
    }
    const keyEncodingName = oneOf(keyEncoding, algorithm, 4, KEY_ENCODINGS, 'text');
    const hmac = createHmac(algorithm, keyBytes(key, keyEncodingName, algorithm));
    return hmac.update(data).digest().toString(output);
  });
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

type JwtAlgorithm = 'HS256' | 'HS384' | 'HS512' | 'RS256';
const JWT_ALGORITHMS: readonly JwtAlgorithm[] = ['HS256', 'HS384', 'HS512', 'RS256'];

/** jwt(payload, key, [algorithm], [options]): a signed compact JWT; options.header adds header fields. */
function signJwt(payload: unknown, key: unknown, algorithm: unknown, options: unknown): string {
  if (!isPlainObject(payload)) {
    throw new ImlArgumentError("Function 'jwt': argument 1 must be an object");
  }
  const secret = requiredText(key, 'jwt', 2);
  const alg = oneOf(algorithm, 'jwt', 3, JWT_ALGORITHMS, 'HS256');
  const extraHeader = optionalObject(optionalObject(options, 'jwt', 4)?.header, 'jwt', 4) ?? {};
  const header = { ...extraHeader, alg, typ: 'JWT' };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  let signature: Buffer;
  if (alg === 'RS256') {
    try {
      signature = createSign('RSA-SHA256').update(signingInput).sign(secret);
    } catch (error) {
      throw new ImlArgumentError(
        "Function 'jwt': argument 2 is not a usable RSA private key",
        undefined,
        {
          cause: error,
        },
      );
    }
  } else {
    const hash = alg === 'HS256' ? 'sha256' : alg === 'HS384' ? 'sha384' : 'sha512';
    signature = createHmac(hash, secret).update(signingInput).digest();
  }
  return `${signingInput}.${base64url(signature)}`;
}

type BinaryEncoding = 'utf8' | 'base64' | 'base64url' | 'hex' | 'latin1' | 'ascii';
const BINARY_ENCODINGS: readonly BinaryEncoding[] = [
  'utf8',
  'base64',
  'base64url',
  'hex',
  'latin1',
  'ascii',
];

export const encodingFunctions: FunctionTable = {
  /** base64(text or binary): Base64 of the UTF-8 bytes. */
  base64: eager(1, 1, ([value]) => bytesOf(value, 'base64', 1)?.toString('base64')),

  /** base64url(text or binary): URL-safe Base64 without padding. */
  base64url: eager(1, 1, ([value]) => bytesOf(value, 'base64url', 1)?.toString('base64url')),

  /** md5(text or binary): hex digest. */
  md5: eager(1, 1, ([value]) => {
    const data = bytesOf(value, 'md5', 1);
    return data === undefined ? undefined : createHash('md5').update(data).digest('hex');
  }),

  sha1: digestFunction('sha1', 3),
  sha256: digestFunction('sha256', 4),
  sha512: digestFunction('sha512', 4),

  /** toBinary(value, [encoding]): binary data; the encoding says how the text is written. */
  toBinary: eager(1, 2, ([value, encoding]) => {
    if (value instanceof Uint8Array) return Buffer.from(value);
    const text = optionalText(value, 'toBinary', 1);
    if (text === undefined) return undefined;
    return Buffer.from(text, oneOf(encoding, 'toBinary', 2, BINARY_ENCODINGS, 'utf8'));
  }),

  jwt: eager(2, 4, ([payload, key, algorithm, options]) =>
    signJwt(payload, key, algorithm, options),
  ),
};

// Request body encoding by `type` (make-app-format §5). The body is ignored for GET and HEAD.
// - json (default): `JSON.stringify` of the evaluated body, `Content-Type: application/json`
// - urlencoded: `key=value&...` (arrays as repeated keys), `application/x-www-form-urlencoded`
// - multipart/form-data: a FormData; file items are `{ value, options: { filename, contentType } }`
//   (make-app-format §5 "Multipart"); fetch sets the boundary, so any given Content-Type is dropped
// - text / string / raw: the body as text (an object is serialised as JSON), no Content-Type added
// - binary: a Buffer or text sent as bytes
// A `Content-Type` header given by the definition always wins (except for multipart).
import { DataError, RuntimeError } from './errors';
import { findHeader } from './headers';
import { serializeQuery, type QueryRecord } from './query';
import { describeType, isPlainObject, setOwn } from './wire';

export type BodyType = 'json' | 'urlencoded' | 'multipart' | 'text' | 'binary';

export function bodyTypeOf(type: unknown, where: string): BodyType {
  if (type === undefined || type === null || type === 'json') return 'json';
  if (type === 'urlencoded') return 'urlencoded';
  if (type === 'multipart/form-data' || type === 'multipart') return 'multipart';
  if (type === 'text' || type === 'string' || type === 'raw') return 'text';
  if (type === 'binary') return 'binary';
  throw new RuntimeError(`${where}: unknown request type ${JSON.stringify(type)}.`, {
    code: 'DEFINITION_INVALID',
    where,
  });
}

export interface EncodedBody {
  payload: string | Uint8Array | FormData;
  /** Content-Type to add when the definition sets none. */
  contentType: string | undefined;
  /** What the run log shows. */
  logged: unknown;
}

function bytesOf(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return undefined;
}

function formScalar(key: string, value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DataError(
    `${where}: body field '${key}' is ${describeType(value)}; expected text, a number or a boolean.`,
    {
      code: 'REQUEST_INVALID',
      where,
    },
  );
}

function urlencoded(body: unknown, where: string): string {
  if (typeof body === 'string') return body;
  if (!isPlainObject(body)) {
    throw new DataError(
      `${where}: an urlencoded body must be an object, got ${describeType(body)}.`,
      {
        code: 'REQUEST_INVALID',
        where,
      },
    );
  }
  const record: QueryRecord = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    setOwn(
      record,
      key,
      Array.isArray(value)
        ? value.filter((v) => v !== undefined && v !== null).map((v) => formScalar(key, v, where))
        : formScalar(key, value, where),
    );
  }
  return serializeQuery(record);
}

function multipart(body: unknown, where: string): { form: FormData; logged: unknown } {
  if (!isPlainObject(body)) {
    throw new DataError(
      `${where}: a multipart body must be an object, got ${describeType(body)}.`,
      {
        code: 'REQUEST_INVALID',
        where,
      },
    );
  }
  const form = new FormData();
  const logged: Record<string, unknown> = {};
  const append = (key: string, value: unknown): unknown => {
    if (value === undefined || value === null) return undefined;
    if (isPlainObject(value) && 'value' in value) {
      const options = isPlainObject(value.options) ? value.options : {};
      const filename = typeof options.filename === 'string' ? options.filename : 'file';
      const type = typeof options.contentType === 'string' ? options.contentType : undefined;
      const raw = value.value;
      const bytes = bytesOf(raw) ?? new TextEncoder().encode(formScalar(key, raw, where));
      form.append(key, new Blob([bytes], type ? { type } : {}), filename);
      return `[file ${filename}, ${bytes.byteLength} bytes]`;
    }
    const bytes = bytesOf(value);
    if (bytes) {
      form.append(key, new Blob([bytes]), key);
      return `[file ${key}, ${bytes.byteLength} bytes]`;
    }
    const text = formScalar(key, value, where);
    form.append(key, text);
    return text;
  };
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value))
      setOwn(
        logged,
        key,
        value.map((item) => append(key, item)),
      );
    else {
      const shown = append(key, value);
      if (shown !== undefined) setOwn(logged, key, shown);
    }
  }
  return { form, logged };
}

/**
 * Encodes an evaluated body (dates already ISO strings). Returns undefined when nothing is sent:
 * no body, or a body that evaluated to `undefined`.
 */
export function encodeBody(
  body: unknown,
  type: BodyType,
  headers: Record<string, string>,
  where: string,
): EncodedBody | undefined {
  if (body === undefined) return undefined;
  const givenType = findHeader(headers, 'content-type');
  switch (type) {
    case 'json': {
      const bytes = bytesOf(body);
      if (bytes)
        return { payload: bytes, contentType: givenType, logged: `[${bytes.byteLength} bytes]` };
      return { payload: JSON.stringify(body), contentType: 'application/json', logged: body };
    }
    case 'urlencoded':
      return {
        payload: urlencoded(body, where),
        contentType: 'application/x-www-form-urlencoded',
        logged: body,
      };
    case 'multipart': {
      const { form, logged } = multipart(body, where);
      return { payload: form, contentType: undefined, logged };
    }
    case 'text': {
      const text =
        typeof body === 'string'
          ? body
          : typeof body === 'number' || typeof body === 'boolean'
            ? String(body)
            : JSON.stringify(body);
      return { payload: text, contentType: undefined, logged: text };
    }
    case 'binary': {
      const bytes =
        bytesOf(body) ??
        new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
      return { payload: bytes, contentType: undefined, logged: `[${bytes.byteLength} bytes]` };
    }
  }
}

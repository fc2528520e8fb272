// appFromFiles: the inverse of compileApp. Reads makecomapp.json and the files it names back into
// the source model, so a built dist/ can be loaded (and so the compiler can be proven lossless).
import type { App } from '../types';
import { CompileError } from './errors';
import { isPlainObject } from '../shared';
import { toPointer } from './json';
import { APP_METADATA_FILE, appMetadata } from './per-component';
import {
  codesOf,
  GENERAL_FILES,
  MAKECOMAPP_FILE,
  OAUTH_COMMUNICATION_SUFFIX,
  type ComponentKind,
} from './layout';

type Shape = 'object' | 'array' | 'object-or-array' | 'string' | 'any';

/** What each code file must contain (the full format is the validator's job, not this one's). */
function shapeOf(kind: ComponentKind, code: string, connectionType: unknown): Shape {
  if (code === 'communication') {
    return kind === 'connection' && connectionType === 'oauth' ? 'object' : 'object-or-array';
  }
  if (kind === 'function') return 'string';
  if (code === 'installSpec' || code === 'installDirectives') return 'any';
  if (code === 'attach' || code === 'detach' || code === 'update') return 'object-or-array';
  if (kind === 'webhook' && code === 'communication') return 'object-or-array';
  if (code === 'samples' || code === 'epoch' || code === 'common' || code === 'scopeList') {
    return 'object';
  }
  return 'array';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function fits(value: unknown, shape: Shape): boolean {
  if (shape === 'any') return true;
  if (shape === 'string') return typeof value === 'string';
  if (shape === 'array') return Array.isArray(value);
  if (shape === 'object') return isPlainObject(value);
  return Array.isArray(value) || isPlainObject(value);
}

/** A section's empty value, as Make's editor creates it. */
const EMPTY: Record<Shape, () => unknown> = {
  object: () => ({}),
  array: () => [],
  'object-or-array': () => ({}),
  string: () => '',
  any: () => null,
};

const SHAPE_TEXT: Record<Shape, string> = {
  object: 'an object',
  array: 'an array',
  'object-or-array': 'an object or an array',
  string: 'a string',
  any: 'any JSON value',
};

class Reader {
  constructor(private readonly files: ReadonlyMap<string, unknown>) {}

  /** The content of `path`, which `namedBy` (a makecomapp.json pointer) says must exist. */
  read(path: string, shape: Shape, namedBy: string): unknown {
    if (!this.files.has(path)) {
      throw new CompileError('APP_FILES_INVALID', path, `missing (named by ${namedBy})`);
    }
    const value = this.files.get(path);
    if (!fits(value, shape)) {
      throw new CompileError(
        'APP_FILES_INVALID',
        path,
        `expected ${SHAPE_TEXT[shape]}, found ${kindOf(value)}`,
      );
    }
    // A copy, so the rebuilt model and the caller's map cannot change each other.
    return structuredClone(value);
  }
}

function field(
  record: Record<string, unknown>,
  key: string,
  test: (v: unknown) => boolean,
  expected: string,
  path: ReadonlyArray<string | number>,
): unknown {
  const value = record[key];
  if (!test(value)) {
    throw new CompileError(
      'APP_FILES_INVALID',
      MAKECOMAPP_FILE,
      `${toPointer([...path, key])}: expected ${expected}, found ${value === undefined ? 'nothing' : kindOf(value)}`,
    );
  }
  return value;
}

const isString = (v: unknown): boolean => typeof v === 'string';
const isStringOrNull = (v: unknown): boolean => typeof v === 'string' || v === null;
const isPathOrEmpty = (v: unknown): boolean => v === undefined || isStringOrNull(v);
const isOptionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/**
 * The app's metadata when `general/manifest.json` (this project's addition) is absent, as in a
 * layout Make's own tooling wrote: the name and version of its first origin when it has one.
 */
function manifestFromOrigins(manifest: Record<string, unknown>): Record<string, unknown> {
  const origins = manifest.origins;
  const origin = Array.isArray(origins) && isPlainObject(origins[0]) ? origins[0] : {};
  const name = typeof origin.appId === 'string' ? origin.appId : 'app';
  const label = typeof origin.label === 'string' ? origin.label : name;
  return {
    name,
    label,
    // Make's layout has no app description; the label stands in (a blank one is our own rule).
    description: label,
    version: typeof origin.appVersion === 'number' ? origin.appVersion : 1,
    theme: '#000000',
    language: 'en',
    audience: 'global',
  };
}

/** `label` (and a module's `description`) may be absent from Make's metadata: the id stands in. */
function labelOf(meta: Record<string, unknown>, name: string, at: string[]): string {
  return (field(meta, 'label', isOptionalString, 'a string', at) as string | undefined) ?? name;
}

/** Without `connectionType`, the communication file says it (`*.oauth-communication.iml.json`). */
function connectionTypeOf(meta: Record<string, unknown>, at: string[]): unknown {
  if (meta.connectionType !== undefined) {
    return field(
      meta,
      'connectionType',
      (v) => v === 'basic' || v === 'oauth',
      '"basic" or "oauth"',
      at,
    );
  }
  const codeFiles = isPlainObject(meta.codeFiles) ? meta.codeFiles : {};
  const communication = codeFiles.communication;
  return typeof communication === 'string' && communication.endsWith(OAUTH_COMMUNICATION_SUFFIX)
    ? 'oauth'
    : 'basic';
}

/**
 * `connection` (null when absent) and, when the metadata has it, `altConnection` of a module,
 * RPC or webhook.
 */
function connectionsOf(meta: Record<string, unknown>, at: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {
    connection: field(meta, 'connection', isPathOrEmpty, 'a connection id or null', at) ?? null,
  };
  if (meta.altConnection !== undefined) {
    out.altConnection = field(meta, 'altConnection', isStringOrNull, 'a connection id or null', at);
  }
  return out;
}

function components(
  manifest: Record<string, unknown>,
  kind: ComponentKind,
): Array<[string, Record<string, unknown>]> {
  const all = (
    manifest.components === undefined
      ? {}
      : field(manifest, 'components', isPlainObject, 'an object', [])
  ) as Record<string, unknown>;
  // A kind the app has none of may be absent (or null, as some of Make's tools write it).
  if (all[kind] === undefined || all[kind] === null) return [];
  const group = field(all, kind, isPlainObject, 'an object', ['components']) as Record<
    string,
    unknown
  >;
  return Object.entries(group).map(([name, meta]) => {
    if (!isPlainObject(meta)) {
      throw new CompileError(
        'APP_FILES_INVALID',
        MAKECOMAPP_FILE,
        `${toPointer(['components', kind, name])}: expected an object, found ${kindOf(meta)}`,
      );
    }
    return [name, meta];
  });
}

/** Reads every code of one component into `target`, in the layout table's order. */
function readCodes(
  reader: Reader,
  kind: ComponentKind,
  name: string,
  meta: Record<string, unknown>,
  target: Record<string, unknown>,
  connectionType?: unknown,
): void {
  const at = ['components', kind, name];
  const codeFiles = field(meta, 'codeFiles', isPlainObject, 'an object', at) as Record<
    string,
    unknown
  >;
  for (const def of codesOf(kind, connectionType)) {
    const where = [...at, 'codeFiles', def.code];
    const path = codeFiles[def.code];
    if (def.optional && path === undefined) continue;
    if (def.optional && path === null) {
      target[def.key] = null;
      continue;
    }
    // Make treats every code as optional: an absent or null one is that section's empty value.
    if (path === undefined || path === null) {
      target[def.key] = EMPTY[shapeOf(kind, def.code, connectionType)]();
      continue;
    }
    field(codeFiles, def.code, isString, 'a file path', [...at, 'codeFiles']);
    target[def.key] = reader.read(
      path as string,
      shapeOf(kind, def.code, connectionType),
      `${MAKECOMAPP_FILE}#${toPointer(where)}`,
    );
  }
}

/**
 * Rebuilds the source model from Make's layout (a map as produced by `compileApp`, or the parsed
 * files of a built `dist/`). Checks only what it needs to rebuild the model (files present,
 * objects/arrays/strings where expected) and throws a `CompileError` naming the missing or
 * ill-typed file; run `validateApp` on the result for the full format.
 */
export function appFromFiles(files: ReadonlyMap<string, unknown>): App {
  const reader = new Reader(files);
  const manifestFile = reader.read(MAKECOMAPP_FILE, 'object', 'the layout') as Record<
    string,
    unknown
  >;
  const general = field(manifestFile, 'generalCodeFiles', isPlainObject, 'an object', []) as Record<
    string,
    unknown
  >;
  const named = (key: string): string => `${MAKECOMAPP_FILE}#/generalCodeFiles/${key}`;
  // Each general file is a path, or null (or absent) for the section's empty value.
  const generalFile = (key: 'base' | 'readme' | 'groups' | 'common', shape: Shape): unknown => {
    const path = field(general, key, isPathOrEmpty, 'a file path or null', ['generalCodeFiles']);
    return path === undefined || path === null
      ? undefined
      : reader.read(path as string, shape, named(key));
  };

  const app: Record<string, unknown> = {
    manifest: files.has(GENERAL_FILES.manifest)
      ? reader.read(GENERAL_FILES.manifest, 'object', 'the project layout')
      : files.has(APP_METADATA_FILE)
        ? appMetadata(files.get(APP_METADATA_FILE))
        : manifestFromOrigins(manifestFile),
    readme: generalFile('readme', 'string') ?? '',
    base: generalFile('base', 'object') ?? {},
    common: generalFile('common', 'object') ?? null,
    groups: generalFile('groups', 'array') ?? [],
  };

  app.connections = components(manifestFile, 'connection').map(([name, meta]) => {
    const at = ['components', 'connection', name];
    const type = connectionTypeOf(meta, at);
    const connection: Record<string, unknown> = { name, label: labelOf(meta, name, at), type };
    readCodes(reader, 'connection', name, meta, connection, type);
    return connection;
  });

  app.modules = components(manifestFile, 'module').map(([name, meta]) => {
    const at = ['components', 'module', name];
    const module: Record<string, unknown> = {
      name,
      label: labelOf(meta, name, at),
      description:
        (field(meta, 'description', isOptionalString, 'a string', at) as string | undefined) ?? '',
      type: field(meta, 'moduleType', isString, 'a module type', at),
    };
    const crud = meta.actionCrud;
    if (crud !== undefined && crud !== null) {
      module.crud = field(meta, 'actionCrud', isString, 'a CRUD verb or null', at);
    }
    Object.assign(module, connectionsOf(meta, at));
    if (meta.webhook !== undefined && meta.webhook !== null) {
      module.webhook = field(meta, 'webhook', isString, 'a webhook id', at);
    }
    readCodes(reader, 'module', name, meta, module);
    return module;
  });

  app.rpcs = components(manifestFile, 'rpc').map(([name, meta]) => {
    const at = ['components', 'rpc', name];
    const rpc: Record<string, unknown> = {
      name,
      label: labelOf(meta, name, at),
      ...connectionsOf(meta, at),
    };
    readCodes(reader, 'rpc', name, meta, rpc);
    return rpc;
  });

  const webhooks = components(manifestFile, 'webhook').map(([name, meta]) => {
    const at = ['components', 'webhook', name];
    const webhook: Record<string, unknown> = {
      name,
      label: labelOf(meta, name, at),
      type:
        (field(meta, 'webhookType', isOptionalString, '"web" or "web-shared"', at) as
          string | undefined) ?? 'web',
      ...connectionsOf(meta, at),
    };
    readCodes(reader, 'webhook', name, meta, webhook);
    return webhook;
  });
  // Absent when the app has none, as in the source model.
  if (webhooks.length > 0) app.webhooks = webhooks;

  const functions = components(manifestFile, 'function').map(([name, meta]) => {
    const fn: Record<string, unknown> = { name };
    readCodes(reader, 'function', name, meta, fn);
    return fn;
  });
  // Absent when the app has none, as in the source model.
  if (functions.length > 0) app.functions = functions;

  // The checks above establish the model's skeleton; the detailed format (directive names,
  // parameter types, ...) is for validateApp, which callers run on the result.
  return app as unknown as App;
}

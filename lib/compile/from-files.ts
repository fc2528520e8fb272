// appFromFiles: the inverse of compileApp. Reads makecomapp.json and the files it names back into
// the source model, so a built dist/ can be loaded (and so the compiler can be proven lossless).
import type { App } from '../types';
import { CompileError } from './errors';
import { isPlainObject } from '../shared';
import { toPointer } from './json';
import { codesOf, GENERAL_FILES, MAKECOMAPP_FILE, type ComponentKind } from './layout';

type Shape = 'object' | 'array' | 'object-or-array' | 'string';

/** What each code file must contain (the full format is the validator's job, not this one's). */
function shapeOf(kind: ComponentKind, code: string, connectionType: unknown): Shape {
  if (code === 'communication') {
    return kind === 'connection' && connectionType === 'oauth' ? 'object' : 'object-or-array';
  }
  if (code === 'samples' || code === 'epoch' || code === 'common') return 'object';
  return 'array';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function fits(value: unknown, shape: Shape): boolean {
  if (shape === 'string') return typeof value === 'string';
  if (shape === 'array') return Array.isArray(value);
  if (shape === 'object') return isPlainObject(value);
  return Array.isArray(value) || isPlainObject(value);
}

const SHAPE_TEXT: Record<Shape, string> = {
  object: 'an object',
  array: 'an array',
  'object-or-array': 'an object or an array',
  string: 'a string',
};

class Reader {
  constructor(private readonly files: Map<string, unknown>) {}

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

function components(
  manifest: Record<string, unknown>,
  kind: ComponentKind,
): Array<[string, Record<string, unknown>]> {
  const all = field(manifest, 'components', isPlainObject, 'an object', []) as Record<
    string,
    unknown
  >;
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
export function appFromFiles(files: Map<string, unknown>): App {
  const reader = new Reader(files);
  const manifestFile = reader.read(MAKECOMAPP_FILE, 'object', 'the layout') as Record<
    string,
    unknown
  >;
  const general = field(manifestFile, 'generalCodeFiles', isPlainObject, 'an object', []) as Record<
    string,
    unknown
  >;
  const generalPath = (key: 'base' | 'readme' | 'groups'): string =>
    field(general, key, isString, 'a file path', ['generalCodeFiles']) as string;
  const named = (key: string): string => `${MAKECOMAPP_FILE}#/generalCodeFiles/${key}`;
  const commonPath = field(general, 'common', isStringOrNull, 'a file path or null', [
    'generalCodeFiles',
  ]) as string | null;

  const app: Record<string, unknown> = {
    manifest: reader.read(GENERAL_FILES.manifest, 'object', 'the project layout'),
    readme: reader.read(generalPath('readme'), 'string', named('readme')),
    base: reader.read(generalPath('base'), 'object', named('base')),
    common: commonPath === null ? null : reader.read(commonPath, 'object', named('common')),
    groups: reader.read(generalPath('groups'), 'array', named('groups')),
  };

  app.connections = components(manifestFile, 'connection').map(([name, meta]) => {
    const at = ['components', 'connection', name];
    const type = field(
      meta,
      'connectionType',
      (v) => v === 'basic' || v === 'oauth',
      '"basic" or "oauth"',
      at,
    );
    const connection: Record<string, unknown> = {
      name,
      label: field(meta, 'label', isString, 'a string', at),
      type,
    };
    readCodes(reader, 'connection', name, meta, connection, type);
    return connection;
  });

  app.modules = components(manifestFile, 'module').map(([name, meta]) => {
    const at = ['components', 'module', name];
    const module: Record<string, unknown> = {
      name,
      label: field(meta, 'label', isString, 'a string', at),
      description: field(meta, 'description', isString, 'a string', at),
      type: field(meta, 'moduleType', isString, 'a module type', at),
    };
    const crud = meta.actionCrud;
    if (crud !== undefined && crud !== null) {
      module.crud = field(meta, 'actionCrud', isString, 'a CRUD verb or null', at);
    }
    module.connection = field(meta, 'connection', isStringOrNull, 'a connection id or null', at);
    if (meta.altConnection !== undefined) {
      module.altConnection = field(
        meta,
        'altConnection',
        isStringOrNull,
        'a connection id or null',
        at,
      );
    }
    readCodes(reader, 'module', name, meta, module);
    return module;
  });

  app.rpcs = components(manifestFile, 'rpc').map(([name, meta]) => {
    const at = ['components', 'rpc', name];
    const rpc: Record<string, unknown> = {
      name,
      label: field(meta, 'label', isString, 'a string', at),
      connection: field(meta, 'connection', isStringOrNull, 'a connection id or null', at),
    };
    if (meta.altConnection !== undefined) {
      rpc.altConnection = field(
        meta,
        'altConnection',
        isStringOrNull,
        'a connection id or null',
        at,
      );
    }
    readCodes(reader, 'rpc', name, meta, rpc);
    return rpc;
  });

  // The checks above establish the model's skeleton; the detailed format (directive names,
  // parameter types, ...) is for validateApp, which callers run on the result.
  return app as unknown as App;
}

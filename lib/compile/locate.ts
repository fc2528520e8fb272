// Maps a location in the source model to the generated file (and JSON pointer inside it) where
// the same value ends up, so every error can name the file a Make developer would open.
import { isPlainObject } from '../shared';
import { toPointer } from './json';
import {
  codesOf,
  componentFile,
  GENERAL_FILES,
  MAKECOMAPP_FILE,
  type ComponentKind,
} from './layout';

export interface SourceLocation {
  /** `app`, or `<kind> <id>`, e.g. `module listSubscriptions`. */
  component: string;
  /** Generated file, relative to the output root. */
  file: string;
  /** RFC 6901 pointer inside that file (`''` = the whole file). */
  pointer: string;
}

type Path = ReadonlyArray<string | number>;

const APP_SECTIONS: Record<string, string> = {
  manifest: GENERAL_FILES.manifest,
  readme: GENERAL_FILES.readme,
  base: GENERAL_FILES.base,
  common: GENERAL_FILES.common,
  groups: GENERAL_FILES.groups,
};

const COLLECTIONS: Record<string, ComponentKind> = {
  connections: 'connection',
  modules: 'module',
  rpcs: 'rpc',
  functions: 'function',
};

/** makecomapp.json metadata key of each component property that is not a code file. */
const METADATA_KEY: Record<string, string> = {
  label: 'label',
  description: 'description',
  type: 'moduleType',
  crud: 'actionCrud',
  connection: 'connection',
  altConnection: 'altConnection',
};

/**
 * Where a source-model path lands, e.g. `['modules', 2, 'communication', 'response', 'iterate']`
 * → `{ component: 'module listSubscriptions', file:
 * 'modules/list-subscriptions/list-subscriptions.communication.iml.json', pointer:
 * '/response/iterate' }`. Works on any input (also one that fails the schema): a component whose
 * `name` is not a string is called by its position, `module #2`.
 */
export function locateSourcePath(app: unknown, path: Path): SourceLocation {
  const [head, index, key, ...rest] = path;
  if (typeof head === 'string' && head in APP_SECTIONS) {
    return {
      component: 'app',
      file: APP_SECTIONS[head] as string,
      pointer: toPointer(path.slice(1)),
    };
  }
  const kind = typeof head === 'string' ? COLLECTIONS[head] : undefined;
  if (kind === undefined || head === undefined) {
    return { component: 'app', file: MAKECOMAPP_FILE, pointer: toPointer(path) };
  }
  if (index === undefined) {
    return { component: 'app', file: MAKECOMAPP_FILE, pointer: toPointer(['components', kind]) };
  }

  const list = isPlainObject(app) ? app[head] : undefined;
  const component =
    Array.isArray(list) && typeof index === 'number' ? (list[index] as unknown) : undefined;
  const rawName = isPlainObject(component) ? component.name : undefined;
  const name = typeof rawName === 'string' && rawName !== '' ? rawName : `#${String(index)}`;
  const label = `${kind} ${name}`;

  if (typeof key === 'string') {
    const type = isPlainObject(component) ? component.type : undefined;
    const def = codesOf(kind, type).find((d) => d.key === key);
    if (def !== undefined) {
      return {
        component: label,
        file: componentFile(kind, name, def.suffix),
        pointer: toPointer(rest),
      };
    }
    const metadataKey =
      kind === 'connection' && key === 'type' ? 'connectionType' : METADATA_KEY[key];
    if (metadataKey !== undefined) {
      return {
        component: label,
        file: MAKECOMAPP_FILE,
        pointer: toPointer(['components', kind, name, metadataKey, ...rest]),
      };
    }
  }
  const tail = key === undefined || key === 'name' ? [] : [key, ...rest];
  return {
    component: label,
    file: MAKECOMAPP_FILE,
    pointer: toPointer(['components', kind, name, ...tail]),
  };
}

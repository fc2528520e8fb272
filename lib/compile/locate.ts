// Maps a location in the source model to the generated file (and JSON pointer inside it) where
// the same value ends up, so every error can name the file a Make developer would open.
import { isPlainObject } from '../shared';
import { toPointer } from './json';
import { metadataLocation } from './per-component';
import {
  codesOf,
  componentFile,
  GENERAL_FILES,
  MAKECOMAPP_FILE,
  metadataOf,
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
  webhooks: 'webhook',
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
    const metadataKey = metadataOf(kind).find(([property]) => property === key)?.[1];
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

/**
 * Where each file `locateSourcePath` names really is in a layout read from disk, keyed by
 * `<component>\n<default path>` (two components may share a default path: `getContact` and
 * `GetContact`): the path `makecomapp.json` gives (`.imljson` names, numbered folders,
 * `../README.md`). Paths the manifest does not name are left out (they are the defaults).
 */
function layoutFileMap(app: unknown, manifest: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isPlainObject(manifest)) return out;
  const general = manifest.generalCodeFiles;
  if (isPlainObject(general)) {
    for (const key of ['base', 'common', 'readme', 'groups'] as const) {
      const file = general[key];
      if (typeof file === 'string') out.set(`app\n${GENERAL_FILES[key]}`, file);
    }
  }
  const components = manifest.components;
  if (!isPlainObject(app) || !isPlainObject(components)) return out;
  for (const [collection, kind] of Object.entries(COLLECTIONS)) {
    const list = app[collection];
    const group = components[kind];
    if (!Array.isArray(list) || !isPlainObject(group)) continue;
    for (const component of list as unknown[]) {
      if (!isPlainObject(component)) continue;
      const name = component.name;
      const entry = typeof name === 'string' ? group[name] : undefined;
      if (typeof name !== 'string' || !isPlainObject(entry) || !isPlainObject(entry.codeFiles)) {
        continue;
      }
      for (const def of codesOf(kind, component.type)) {
        const file = entry.codeFiles[def.code];
        if (typeof file === 'string') {
          out.set(`${kind} ${name}\n${componentFile(kind, name, def.suffix)}`, file);
        }
      }
    }
  }
  return out;
}

/** A layout read from disk, as far as locating issues in it goes (see LayoutSource). */
export interface LayoutPlacement {
  /** Its makecomapp.json (in the older layout, the one it would have had). */
  readonly manifest: unknown;
  readonly kind: 'makecomapp' | 'per-component';
}

/**
 * Where an issue `locateSourcePath` placed (in the files our compiler would write) really is in
 * a layout read from disk: code files at the paths its manifest names; in the older
 * per-component layout, metadata in the component's own `metadata.json`.
 */
export function layoutLocator(
  app: unknown,
  placement: LayoutPlacement,
): (component: string, file: string, pointer: string) => { file: string; pointer: string } {
  const files = layoutFileMap(app, placement.manifest);
  return (component, file, pointer) => {
    const moved = files.get(`${component}\n${file}`);
    if (moved !== undefined) return { file: moved, pointer };
    if (placement.kind === 'per-component' && file === MAKECOMAPP_FILE) {
      return metadataLocation(placement.manifest, pointer) ?? { file, pointer };
    }
    return { file, pointer };
  };
}

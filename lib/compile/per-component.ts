// Make's older export layout, as Make's first VS Code extension and make-cli pulls wrote it and as
// many public repositories still hold it: no makecomapp.json; the app's `metadata.json`,
// `base.imljson` and readme at the top; one folder per component, named by its id, under
// `connections/`, `modules/`, `rpcs/`, `webhooks/` and `functions/`, each with an optional
// `metadata.json` and one file per section (`api.imljson`, `parameters.imljson`, `expect.imljson`,
// …). Reading it means writing the makecomapp.json it would have had: the rest of the pipeline
// (appFromFiles, validation, the runtime) then reads both layouts the same way.
import { isPlainObject, type PlainObject } from '../shared';
import { fromPointer, toPointer } from './json';
import type { ComponentKind } from './layout';

/** The app's own metadata file at the top of the older layout. */
export const APP_METADATA_FILE = 'metadata.json';
const COMPONENT_METADATA = 'metadata.json';

/** What this module needs of the layout reader. */
export interface FolderAccess {
  has(file: string): boolean;
  json(file: string, namedBy: string): unknown;
  /** Sub-folder names of `folder` (relative), sorted; empty when it does not exist. */
  folders(folder: string): string[];
}

/** Section files of each kind in the older layout: makecomapp code name → file name. */
const SECTION_FILES: Record<ComponentKind, ReadonlyArray<readonly [string, string]>> = {
  connection: [
    ['communication', 'api.imljson'],
    ['params', 'parameters.imljson'],
    ['common', 'common.imljson'],
    ['scopeList', 'scopes.imljson'],
    ['defaultScope', 'scope.imljson'],
  ],
  module: [
    ['communication', 'api.imljson'],
    ['staticParams', 'parameters.imljson'],
    ['mappableParams', 'expect.imljson'],
    ['interface', 'interface.imljson'],
    ['samples', 'samples.imljson'],
    ['scope', 'scope.imljson'],
    ['epoch', 'epoch.imljson'],
  ],
  rpc: [
    ['communication', 'api.imljson'],
    ['params', 'parameters.imljson'],
  ],
  webhook: [
    ['communication', 'api.imljson'],
    ['params', 'parameters.imljson'],
    ['attach', 'attach.imljson'],
    ['detach', 'detach.imljson'],
    ['update', 'update.imljson'],
    ['requiredScope', 'scope.imljson'],
  ],
  function: [
    ['code', 'code.js'],
    ['test', 'test.js'],
  ],
};

const FOLDERS: Record<ComponentKind, string> = {
  connection: 'connections',
  module: 'modules',
  rpc: 'rpcs',
  webhook: 'webhooks',
  function: 'functions',
};

/** Make's numeric module types (`typeId`), make-app-format §4.1. */
const MODULE_TYPES: Record<number, string> = {
  1: 'trigger',
  4: 'action',
  9: 'search',
  10: 'instant_trigger',
  11: 'responder',
  12: 'universal',
};

/**
 * `metadata.json` keys of each kind → makecomapp.json keys. Older exports write `type` (or a
 * module's `typeId`) where makecomapp.json has `connectionType`, `moduleType`, `webhookType`.
 */
function entryMetadata(kind: ComponentKind, meta: PlainObject): PlainObject {
  const out: PlainObject = {};
  const copy = (from: string, to = from): void => {
    if (meta[from] !== undefined) out[to] = meta[from];
  };
  copy('label');
  if (kind === 'connection') copy('type', 'connectionType');
  if (kind === 'webhook') copy('type', 'webhookType');
  if (kind === 'module') {
    copy('description');
    if (meta.type !== undefined) out.moduleType = meta.type;
    else if (typeof meta.typeId === 'number') out.moduleType = MODULE_TYPES[meta.typeId];
    copy('crud', 'actionCrud');
    copy('webhook');
  }
  if (kind !== 'function') {
    copy('connection');
    copy('altConnection');
  }
  return out;
}

/** Files of the older layout named by no makecomapp.json entry: every `metadata.json`. */
export function metadataFiles(access: FolderAccess): string[] {
  const out = [APP_METADATA_FILE];
  for (const kind of Object.keys(FOLDERS) as ComponentKind[]) {
    for (const folder of access.folders(FOLDERS[kind])) {
      const file = `${FOLDERS[kind]}/${folder}/${COMPONENT_METADATA}`;
      if (access.has(file)) out.push(file);
    }
  }
  return out;
}

/**
 * The makecomapp.json an older-layout folder would have: general files and components with the
 * paths of the files that exist, metadata from each `metadata.json` (the folder name is the id
 * when the file names none).
 */
export function perComponentManifest(access: FolderAccess): PlainObject {
  const readme = ['README.md', 'readme.md'].find((file) => access.has(file));
  const first = (...files: string[]): string | null => files.find((f) => access.has(f)) ?? null;
  const components: PlainObject = {};
  for (const kind of Object.keys(FOLDERS) as ComponentKind[]) {
    const group: PlainObject = {};
    for (const folder of access.folders(FOLDERS[kind])) {
      const base = `${FOLDERS[kind]}/${folder}`;
      const metaFile = `${base}/${COMPONENT_METADATA}`;
      const read = access.has(metaFile) ? access.json(metaFile, 'the older layout') : {};
      const meta = isPlainObject(read) ? read : {};
      const name = typeof meta.name === 'string' && meta.name !== '' ? meta.name : folder;
      const codeFiles: PlainObject = {};
      for (const [code, file] of SECTION_FILES[kind]) {
        if (access.has(`${base}/${file}`)) codeFiles[code] = `${base}/${file}`;
      }
      group[name] = { ...entryMetadata(kind, meta), codeFiles };
    }
    components[kind] = group;
  }
  return {
    fileVersion: 1,
    generalCodeFiles: {
      base: first('base.imljson', 'base.json'),
      common: first('common.imljson', 'common.json'),
      readme: readme ?? null,
      groups: first('groups.json', 'groups.imljson'),
    },
    components,
    origins: [],
  };
}

/**
 * The app's metadata from the older layout's top `metadata.json`, in the source model's shape;
 * what the file leaves out gets the same defaults as a layout without any metadata.
 */
export function appMetadata(meta: unknown): PlainObject {
  const m = isPlainObject(meta) ? meta : {};
  const name = typeof m.name === 'string' ? m.name : 'app';
  const label = typeof m.label === 'string' ? m.label : name;
  return {
    name,
    label,
    description: typeof m.description === 'string' && m.description !== '' ? m.description : label,
    version: typeof m.version === 'number' ? m.version : 1,
    theme: typeof m.theme === 'string' ? m.theme : '#000000',
    language: typeof m.language === 'string' ? m.language : 'en',
    audience: typeof m.audience === 'string' ? m.audience : 'global',
  };
}

/** makecomapp.json metadata keys → the older `metadata.json` keys, where they differ. */
const METADATA_KEYS: Record<string, string> = {
  connectionType: 'type',
  moduleType: 'type',
  webhookType: 'type',
  actionCrud: 'crud',
};

/**
 * Where a pointer into the synthesized makecomapp.json (`/components/module/listTickets/label`)
 * is in the older layout: the component's `metadata.json` (`/label`). Undefined for pointers
 * that name no component.
 */
export function metadataLocation(
  manifest: unknown,
  pointer: string,
): { file: string; pointer: string } | undefined {
  const [section, kind, name, key, ...rest] = fromPointer(pointer);
  if (section !== 'components' || typeof kind !== 'string' || typeof name !== 'string') {
    return undefined;
  }
  const folder = FOLDERS[kind as ComponentKind];
  if (folder === undefined) return undefined;
  // The component's folder: where its code files are (the id is not always the folder name).
  const entry = isPlainObject(manifest) ? (manifest.components as PlainObject | undefined) : {};
  const group = isPlainObject(entry) ? entry[kind] : undefined;
  const component = isPlainObject(group) ? group[name] : undefined;
  const codeFiles = isPlainObject(component) ? component.codeFiles : undefined;
  const first = isPlainObject(codeFiles)
    ? Object.values(codeFiles).find((file): file is string => typeof file === 'string')
    : undefined;
  const dir = first === undefined ? `${folder}/${name}` : first.slice(0, first.lastIndexOf('/'));
  const file = `${dir}/${COMPONENT_METADATA}`;
  if (key === undefined || key === 'codeFiles') return { file, pointer: '' };
  return { file, pointer: toPointer([METADATA_KEYS[key] ?? key, ...rest]) };
}

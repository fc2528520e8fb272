// Writes an app back into the layout it was read from (readLayout), losing nothing: a file whose
// content the app does not change keeps its exact text (JSONC comments, formatting, extension,
// path); every part of `makecomapp.json` the source model does not hold (origins and their id
// mappings, annotations, webhooks, endpoints, keys Make adds later) is kept; only what changed is
// rendered anew, at the path the manifest already names or, for a new code, the default path.
// Reading a layout and writing it back unchanged gives the same bytes.
import type { App } from '../types';
import { isPlainObject, type PlainObject } from '../shared';
import { CompileError } from './errors';
import { appFromFiles } from './from-files';
import {
  codesOf,
  COMPONENT_KINDS,
  componentFile,
  GENERAL_FILES,
  MAKECOMAPP_FILE,
  metadataOf,
  type ComponentKind,
} from './layout';
import { componentEntry, componentsOf } from './makecomapp';
import { namedFiles, type LayoutSource } from './read-layout';
import { renderFile } from './render';

const GENERAL_SECTIONS = ['base', 'readme', 'groups', 'common'] as const;

/** Same JSON text: key order counts (it is meaningful in IML), `undefined` keys do not. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `parent[key]` as an object to edit in place, created when absent or null. */
function objectAt(parent: PlainObject, key: string): PlainObject {
  const value = parent[key];
  if (isPlainObject(value)) return value;
  const created: PlainObject = {};
  parent[key] = created;
  return created;
}

/** What the edit of one layout produces: the new manifest and the files whose content changed. */
class Edit {
  readonly changed = new Map<string, unknown>();

  constructor(
    readonly manifest: PlainObject,
    private readonly taken: Set<string>,
  ) {}

  /** `value` goes to `path`, or to `fallback` when `path` is not a file path yet. */
  put(path: unknown, fallback: string, value: unknown): string {
    if (typeof path === 'string') {
      this.changed.set(path, value);
      return path;
    }
    if (this.taken.has(fallback.toLowerCase())) {
      throw new CompileError('COMPILE_CONFLICT', fallback, 'the layout already names this file');
    }
    this.taken.add(fallback.toLowerCase());
    this.changed.set(fallback, value);
    return fallback;
  }
}

function writeGeneral(app: App, before: App, edit: Edit): void {
  const general = objectAt(edit.manifest, 'generalCodeFiles');
  for (const key of GENERAL_SECTIONS) {
    const value = app[key];
    if (sameJson(value, before[key])) continue;
    if (key === 'common' && value === null) {
      general.common = null;
      continue;
    }
    general[key] = edit.put(general[key], GENERAL_FILES[key], value);
  }
}

function writeComponents(kind: ComponentKind, app: App, before: App, edit: Edit): void {
  const list = componentsOf(app, kind);
  const previous = new Map(componentsOf(before, kind).map((c) => [c.name, c]));
  const components = objectAt(edit.manifest, 'components');
  if (list.length === 0 && !isPlainObject(components[kind])) return;
  const group = objectAt(components, kind);
  for (const name of Object.keys(group)) {
    if (!list.some((component) => component.name === name)) delete group[name];
  }
  for (const component of list) {
    const name = component.name;
    const was = previous.get(name) as Record<string, unknown> | undefined;
    const now = component as Record<string, unknown>;
    if (was === undefined || !isPlainObject(group[name])) {
      const entry = componentEntry(kind, component) as PlainObject;
      group[name] = entry;
      const codeFiles = entry.codeFiles as PlainObject;
      for (const def of codesOf(kind, now.type)) {
        const path = codeFiles[def.code];
        if (typeof path === 'string') codeFiles[def.code] = edit.put(undefined, path, now[def.key]);
      }
      continue;
    }
    const entry = group[name];
    for (const [property, key] of metadataOf(kind)) {
      if (sameJson(now[property], was[property])) continue;
      if (now[property] === undefined) delete entry[key];
      else entry[key] = now[property];
    }
    const codeFiles = objectAt(entry, 'codeFiles');
    for (const def of codesOf(kind, now.type)) {
      const value = now[def.key];
      if (sameJson(value, was[def.key])) continue;
      if (def.optional && (value === undefined || value === null)) {
        if (value === null) codeFiles[def.code] = null;
        else delete codeFiles[def.code];
        continue;
      }
      codeFiles[def.code] = edit.put(
        codeFiles[def.code],
        componentFile(kind, name, def.suffix),
        value,
      );
    }
  }
}

/**
 * Make's older layout keeps metadata in one `metadata.json` per component and has no
 * makecomapp.json to write: changed sections are written in place; anything that would change
 * the manifest (metadata, a component or section added or removed) is refused, naming what.
 */
async function writeBackPerComponent(
  manifest: PlainObject,
  original: unknown,
  edit: Edit,
  source: LayoutSource,
): Promise<Map<string, string>> {
  if (!sameJson(manifest, original) || edit.changed.has(GENERAL_FILES.manifest)) {
    throw new CompileError(
      'LAYOUT_EDIT_UNSUPPORTED',
      'metadata.json',
      "Make's older per-component layout is written back with its sections edited in place only; metadata, new or removed components and new sections need the makecomapp.json layout",
    );
  }
  const files = new Map<string, string>();
  for (const [path, text] of source.texts) {
    files.set(path, edit.changed.has(path) ? await renderFile(path, edit.changed.get(path)) : text);
  }
  return files;
}

/**
 * The files of `source` (readLayout) with `app` written into them: unchanged files keep their
 * text, changed ones are rendered (JSON formatted by prettier, so their comments are not kept);
 * files no component names any more are left out. Paths are relative to the layout folder.
 * Throws a CompileError when a new code's default path is already taken.
 */
export async function writeBackLayout(
  app: App,
  source: LayoutSource,
): Promise<Map<string, string>> {
  const before = appFromFiles(source.values);
  const original = source.values.get(MAKECOMAPP_FILE);
  const manifest = structuredClone(original) as PlainObject;
  const taken = new Set(namedFiles(manifest).map(([file]) => file.toLowerCase()));
  const edit = new Edit(manifest, taken);

  writeGeneral(app, before, edit);
  // The project's own metadata file: kept when the layout has it, added when the app's metadata
  // no longer matches what Make's layout says (its first origin).
  const metadataChanged = !sameJson(app.manifest, before.manifest);
  if (metadataChanged) edit.changed.set(GENERAL_FILES.manifest, app.manifest);
  const projectManifest = metadataChanged || source.values.has(GENERAL_FILES.manifest);
  for (const kind of COMPONENT_KINDS) writeComponents(kind, app, before, edit);

  if (source.kind === 'per-component')
    return writeBackPerComponent(manifest, original, edit, source);

  const files = new Map<string, string>();
  files.set(
    MAKECOMAPP_FILE,
    sameJson(manifest, original)
      ? (source.texts.get(MAKECOMAPP_FILE) as string)
      : await renderFile(MAKECOMAPP_FILE, manifest),
  );
  const paths = namedFiles(manifest).map(([file]) => file);
  if (projectManifest) paths.push(GENERAL_FILES.manifest);
  for (const path of paths) {
    if (files.has(path)) continue;
    const text = edit.changed.has(path)
      ? await renderFile(path, edit.changed.get(path))
      : source.texts.get(path);
    if (text === undefined) throw new CompileError('APP_FILES_INVALID', path, 'has no content');
    files.set(path, text);
  }
  return files;
}

// The one reader of Make's local-development layout on disk (a built app folder, make-app-format
// §14): `makecomapp.json` and the files it names, as text or as parsed JSON(C). It never reads
// outside the folder, and every failure is a LayoutReadError naming the file and what named it.
// The runtime (`loadApp`) and deploy (`readDist`) both read through it and add their own checks.
import fs from 'node:fs';
import path from 'node:path';
import { InternalError, ToolError } from '../shared';
import { isPlainObject, type PlainObject } from '../shared';
import { JsoncError, parseJsonc } from './jsonc';
import { GENERAL_FILES, isJsonFile, MAKECOMAPP_FILE } from './layout';
import { APP_METADATA_FILE, metadataFiles, perComponentManifest } from './per-component';

export class LayoutReadError extends ToolError<
  'LAYOUT_NOT_FOUND' | 'LAYOUT_FILE_MISSING' | 'LAYOUT_FILE_UNPARSABLE'
> {
  constructor(
    code: LayoutReadError['code'],
    message: string,
    /** The file at fault, relative to the layout folder (unset when the folder itself is). */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

export class LayoutReader {
  private readonly texts = new Map<string, string>();
  private readonly values = new Map<string, unknown>();
  /**
   * `makecomapp.json`, parsed: always a JSON object. In Make's older per-component layout, which
   * has none, the one it would have had (per-component.ts).
   */
  readonly manifest: PlainObject;
  /** Which of Make's two layouts the folder holds. */
  readonly kind: 'makecomapp' | 'per-component';

  /**
   * Opens a layout folder: it must exist and hold a `makecomapp.json` with a JSON object, or be
   * in Make's older layout (a top-level `metadata.json`, no makecomapp.json).
   */
  constructor(readonly dir: string) {
    let stat;
    try {
      stat = fs.statSync(dir);
    } catch {
      throw new LayoutReadError(
        'LAYOUT_NOT_FOUND',
        `${dir} does not exist: build the app first (npm run build).`,
      );
    }
    if (!stat.isDirectory()) {
      throw new LayoutReadError('LAYOUT_NOT_FOUND', `${dir} is not a directory.`);
    }
    if (!fs.existsSync(path.join(dir, MAKECOMAPP_FILE))) {
      if (fs.existsSync(path.join(dir, APP_METADATA_FILE))) {
        this.kind = 'per-component';
        this.manifest = perComponentManifest(this);
        return;
      }
      throw new LayoutReadError(
        'LAYOUT_NOT_FOUND',
        `${path.join(dir, MAKECOMAPP_FILE)} not found: build the app first (npm run build). (An app in Make's older layout has a top-level ${APP_METADATA_FILE} instead; there is none either.)`,
      );
    }
    this.kind = 'makecomapp';
    const manifest = this.json(MAKECOMAPP_FILE, 'the layout');
    if (!isPlainObject(manifest)) {
      throw new LayoutReadError(
        'LAYOUT_FILE_UNPARSABLE',
        `${MAKECOMAPP_FILE} must hold a JSON object.`,
        MAKECOMAPP_FILE,
      );
    }
    this.manifest = manifest;
  }

  /** Sub-folder names of `folder` (relative to the layout folder), sorted; none when absent. */
  folders(folder: string): string[] {
    if (!this.has(folder)) return [];
    return fs
      .readdirSync(path.resolve(this.dir, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  }

  /** Whether `file` (relative to the folder) exists inside the folder. */
  has(file: string): boolean {
    const root = path.resolve(this.dir);
    const full = path.resolve(root, file);
    return (full === root || full.startsWith(root + path.sep)) && fs.existsSync(full);
  }

  /** The text of `file` (relative to the folder); `namedBy` says what pointed to it. */
  text(file: string, namedBy: string): string {
    return this.read(file, namedBy, path.resolve(this.dir));
  }

  /**
   * The readme's text. It may also sit in the folder's parent: Make's VS Code extension keeps the
   * project's README.md beside `src/` and names it `../README.md`. Nothing further out is read.
   */
  readme(file: string, namedBy: string): string {
    return this.read(file, namedBy, path.dirname(path.resolve(this.dir)));
  }

  private read(file: string, namedBy: string, root: string): string {
    const cached = this.texts.get(file);
    if (cached !== undefined) return cached;
    const full = path.resolve(this.dir, file);
    if (full !== root && !full.startsWith(root + path.sep)) {
      throw new LayoutReadError(
        'LAYOUT_FILE_MISSING',
        `${namedBy} points to ${file}, which is outside ${root}.`,
        file,
      );
    }
    let text: string;
    try {
      text = fs.readFileSync(full, 'utf8');
    } catch (error) {
      throw new LayoutReadError(
        'LAYOUT_FILE_MISSING',
        `${namedBy} points to ${file}, which is missing in ${this.dir}.`,
        file,
        { cause: error },
      );
    }
    this.texts.set(file, text);
    return text;
  }

  /** The text of a file this reader has already read. */
  cachedText(file: string): string {
    const text = this.texts.get(file);
    if (text === undefined) throw new InternalError(`${file} was not read`);
    return text;
  }

  /** `file` parsed as JSON, comments allowed (Make's tooling accepts JSONC, §14.1). */
  json(file: string, namedBy: string): unknown {
    if (this.values.has(file)) return this.values.get(file);
    let value: unknown;
    try {
      value = parseJsonc(this.text(file, namedBy), file);
    } catch (error) {
      if (!(error instanceof JsoncError)) throw error;
      const reason = error.cause instanceof Error ? error.cause.message : error.message;
      throw new LayoutReadError(
        'LAYOUT_FILE_UNPARSABLE',
        `${file} is not valid JSON: ${reason}.`,
        file,
        { cause: error },
      );
    }
    this.values.set(file, value);
    return value;
  }
}

/** Every file path `makecomapp.json` names, with the pointer that names it. */
export function namedFiles(manifest: PlainObject): Array<[file: string, pointer: string]> {
  const out: Array<[string, string]> = [];
  const general = manifest.generalCodeFiles;
  if (isPlainObject(general)) {
    for (const [key, file] of Object.entries(general)) {
      if (typeof file === 'string') out.push([file, `${MAKECOMAPP_FILE}#/generalCodeFiles/${key}`]);
    }
  }
  const components = manifest.components;
  if (isPlainObject(components)) {
    for (const [kind, group] of Object.entries(components)) {
      if (!isPlainObject(group)) continue;
      for (const [name, entry] of Object.entries(group)) {
        if (!isPlainObject(entry) || !isPlainObject(entry.codeFiles)) continue;
        for (const [code, file] of Object.entries(entry.codeFiles)) {
          if (typeof file === 'string') {
            out.push([file, `${MAKECOMAPP_FILE}#/components/${kind}/${name}/codeFiles/${code}`]);
          }
        }
      }
    }
  }
  return out;
}

/**
 * A layout folder as read: `values` is the map `appFromFiles` reads (JSON code files parsed, the
 * readme and JavaScript as text), `texts` the exact text of each of those files, so that writing
 * the app back (write-back.ts) can keep every file it does not change byte for byte.
 */
export interface LayoutSource {
  readonly values: ReadonlyMap<string, unknown>;
  readonly texts: ReadonlyMap<string, string>;
  /**
   * `per-component`: Make's older layout; `values` holds the makecomapp.json it would have had
   * (no text: it is not a file there) and every `metadata.json`.
   */
  readonly kind: 'makecomapp' | 'per-component';
}

/**
 * A layout folder as the map `appFromFiles` reads: makecomapp.json and every file it names (JSON
 * code files parsed, the readme as text), and the project's `general/manifest.json` when there is
 * one (a layout Make's tooling wrote has none). Throws a LayoutReadError.
 */
export function readLayoutFiles(dir: string): Map<string, unknown> {
  return new Map(readLayout(dir).values);
}

/** readLayoutFiles, with the text of every file kept beside its value. */
export function readLayout(dir: string): LayoutSource {
  const layout = new LayoutReader(dir);
  const files = new Map<string, unknown>([[MAKECOMAPP_FILE, layout.manifest]]);
  const project: Array<[string, string]> = layout.has(GENERAL_FILES.manifest)
    ? [[GENERAL_FILES.manifest, 'the project layout']]
    : [];
  if (layout.kind === 'per-component') {
    for (const file of metadataFiles(layout)) project.push([file, 'the older layout']);
  }
  const readme = layout.manifest.generalCodeFiles;
  const readmeFile = isPlainObject(readme) ? readme.readme : undefined;
  for (const [file, namedBy] of [...project, ...namedFiles(layout.manifest)]) {
    if (files.has(file)) continue;
    if (file === readmeFile) files.set(file, layout.readme(file, namedBy));
    else
      files.set(file, isJsonFile(file) ? layout.json(file, namedBy) : layout.text(file, namedBy));
  }
  const texts = new Map<string, string>();
  for (const file of files.keys()) {
    if (file === MAKECOMAPP_FILE && layout.kind === 'per-component') continue;
    texts.set(file, layout.cachedText(file));
  }
  return { values: files, texts, kind: layout.kind };
}

// compileApp: the pure step from the source model to Make's local-development layout.
import type { App } from '../types';
import { CompileError } from './errors';
import { cloneJson, type Json } from './json';
import { codesOf, COMPONENT_KINDS, GENERAL_FILES, MAKECOMAPP_FILE } from './layout';
import { buildMakecomapp, componentsOf } from './makecomapp';

/**
 * Compiles an app to a map of relative path → file content: a JSON value for every `.json` file,
 * the Markdown string for `README.md`. Pure (no I/O) and deterministic: paths come out sorted,
 * values keep the source's key order (meaningful in IML) and are deep copies, so neither the
 * input nor the output can be changed through the other.
 *
 * Expects a valid app (run `validateApp` first): on two components writing the same file, or a
 * value JSON cannot represent, it throws a `CompileError` naming the file.
 */
export function compileApp(app: App): Map<string, Json> {
  const files = new Map<string, Json>();
  const put = (path: string, value: unknown): void => {
    if (files.has(path)) {
      throw new CompileError('COMPILE_CONFLICT', path, 'two components compile to the same file');
    }
    try {
      files.set(path, cloneJson(value));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CompileError('COMPILE_NOT_JSON', path, reason);
    }
  };

  const manifest = buildMakecomapp(app) as { components: Record<string, Record<string, Json>> };
  put(MAKECOMAPP_FILE, manifest);
  put(GENERAL_FILES.manifest, app.manifest);
  put(GENERAL_FILES.base, app.base);
  if (app.common !== null) put(GENERAL_FILES.common, app.common);
  put(GENERAL_FILES.groups, app.groups);
  put(GENERAL_FILES.readme, app.readme);

  // Every code goes where makecomapp.json says it is, so the two cannot disagree.
  for (const kind of COMPONENT_KINDS) {
    const seen = new Set<string>();
    for (const component of componentsOf(app, kind)) {
      if (seen.has(component.name)) {
        throw new CompileError(
          'COMPILE_CONFLICT',
          MAKECOMAPP_FILE,
          `two components of kind ${kind} have the id '${component.name}'`,
        );
      }
      seen.add(component.name);
      const c = component as Record<string, unknown>;
      const entry = manifest.components[kind]?.[component.name] as {
        codeFiles: Record<string, string | null>;
      };
      for (const def of codesOf(kind, c.type)) {
        const path = entry.codeFiles[def.code];
        if (typeof path === 'string') put(path, c[def.key]);
      }
    }
  }

  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// compileApp: the pure step from the source model to Make's local-development layout.
import type { App } from '../types';
import { CompileError } from './errors';
import { cloneJson, type Json } from './json';
import {
  codesOf,
  componentFile,
  GENERAL_FILES,
  MAKECOMAPP_FILE,
  type ComponentKind,
} from './layout';
import { buildMakecomapp } from './makecomapp';

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

  put(MAKECOMAPP_FILE, buildMakecomapp(app));
  put(GENERAL_FILES.manifest, app.manifest);
  put(GENERAL_FILES.base, app.base);
  if (app.common !== null) put(GENERAL_FILES.common, app.common);
  put(GENERAL_FILES.groups, app.groups);
  put(GENERAL_FILES.readme, app.readme);

  const putComponent = (
    kind: ComponentKind,
    component: Record<string, unknown>,
    name: string,
    connectionType?: unknown,
  ): void => {
    for (const def of codesOf(kind, connectionType)) {
      const value = component[def.key];
      if (def.optional && (value === undefined || value === null)) continue;
      put(componentFile(kind, name, def.suffix), value);
    }
  };
  for (const c of app.connections) putComponent('connection', { ...c }, c.name, c.type);
  for (const m of app.modules) putComponent('module', { ...m }, m.name);
  for (const r of app.rpcs) putComponent('rpc', { ...r }, r.name);
  for (const f of app.functions ?? []) putComponent('function', { ...f }, f.name);

  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

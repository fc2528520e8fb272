// Builds the `makecomapp.json` manifest (VSX `makecomapp.types.ts` / `makecomapp.schema.json`).
import type { App } from '../types';
import { codesOf, componentFile, GENERAL_FILES, type ComponentKind } from './layout';
import type { Json } from './json';

type CodeFiles = Record<string, string | null>;

/**
 * `codeFiles` of one component: a path for every code the source has, `null` for an optional
 * code explicitly set to `null` (Make's "excluded from local development"), nothing when absent.
 */
function codeFilesOf(
  kind: ComponentKind,
  component: Record<string, unknown>,
  name: string,
  connectionType?: unknown,
): CodeFiles {
  const files: CodeFiles = {};
  for (const def of codesOf(kind, connectionType)) {
    const value = component[def.key];
    if (def.optional && value === undefined) continue;
    files[def.code] = def.optional && value === null ? null : componentFile(kind, name, def.suffix);
  }
  return files;
}

export function buildMakecomapp(app: App): Json {
  const connection: Record<string, Json> = {};
  for (const c of app.connections) {
    connection[c.name] = {
      label: c.label,
      connectionType: c.type,
      codeFiles: codeFilesOf('connection', { ...c }, c.name, c.type),
    };
  }

  const module: Record<string, Json> = {};
  for (const m of app.modules) {
    module[m.name] = {
      label: m.label,
      description: m.description,
      moduleType: m.type,
      // Make stores `crud` for actions only; other types carry an explicit null.
      actionCrud: m.type === 'action' ? (m.crud ?? null) : null,
      connection: m.connection,
      // Written only when the source sets it, so appFromFiles gives back exactly the source.
      ...(m.altConnection !== undefined ? { altConnection: m.altConnection } : {}),
      codeFiles: codeFilesOf('module', { ...m }, m.name),
    };
  }

  const rpc: Record<string, Json> = {};
  for (const r of app.rpcs) {
    const alt = (r as { altConnection?: unknown }).altConnection;
    rpc[r.name] = {
      label: r.label,
      connection: r.connection,
      ...(typeof alt === 'string' || alt === null ? { altConnection: alt } : {}),
      codeFiles: codeFilesOf('rpc', { ...r }, r.name),
    };
  }

  const functions: Record<string, Json> = {};
  for (const f of app.functions ?? []) {
    functions[f.name] = { codeFiles: codeFilesOf('function', { ...f }, f.name) };
  }

  return {
    fileVersion: 1,
    generalCodeFiles: {
      base: GENERAL_FILES.base,
      common: app.common === null ? null : GENERAL_FILES.common,
      readme: GENERAL_FILES.readme,
      groups: GENERAL_FILES.groups,
    },
    // Make's schema requires every component group, `endpoint` included, even when empty.
    components: { connection, module, rpc, function: functions, webhook: {}, endpoint: {} },
    // Origins name a Make account to deploy to; the build knows none (deploy adds its own).
    origins: [],
  };
}

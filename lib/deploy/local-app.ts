// Reads a built app (Make's local-development layout, make-app-format §14, through lib/compile's
// LayoutReader) into the shape deploy compares with Make. Every code file is kept twice: the
// original text (what gets uploaded) and its normalised JSON (what gets compared).
import { isPlainObject } from '../shared';
import { canonicalJson, normaliseText } from './canonical';
import { LayoutReadError, LayoutReader } from '../compile';
import type {
  SDKConnectionSectionType,
  SDKModuleSectionType,
  SDKRPCSectionType,
  SDKWebhookSectionType,
} from '@makehq/sdk';
import {
  CONNECTION_SECTIONS,
  MODULE_SECTIONS,
  MODULE_TYPE_IDS,
  RPC_SECTIONS,
  WEBHOOK_SECTIONS,
} from './sections';
import { DeployInputError } from './input-error';

export interface LocalSection<S extends string = string> {
  /** Make's API section name (`api`, `parameters`, `expect`, …). */
  section: S;
  /** Path of the code file, relative to the dist folder. */
  file: string;
  /** File text as uploaded. */
  text: string;
  /** Canonical JSON used for comparison. */
  normalised: string;
}

export interface LocalCommon {
  file: string;
  value: Record<string, unknown>;
  normalised: string;
}

interface LocalConnection {
  name: string;
  label: string;
  type: string;
  sections: LocalSection<SDKConnectionSectionType>[];
  common: LocalCommon | null;
}

export interface LocalModule {
  name: string;
  label: string;
  description: string;
  moduleType: string;
  typeId: number;
  crud: string | null;
  connection: string | null;
  altConnection: string | null;
  /** The local name of the webhook an instant trigger listens on. */
  webhook: string | null;
  sections: LocalSection<SDKModuleSectionType>[];
}

export interface LocalWebhook {
  name: string;
  label: string;
  /** `web` or `web-shared`. */
  type: string;
  connection: string | null;
  altConnection: string | null;
  sections: LocalSection<SDKWebhookSectionType>[];
}

export interface LocalRpc {
  name: string;
  label: string;
  connection: string | null;
  altConnection: string | null;
  sections: LocalSection<SDKRPCSectionType>[];
}

export interface LocalApp {
  base: LocalSection<'base'> | null;
  groups: LocalSection<'groups'> | null;
  readme: { file: string; text: string; normalised: string } | null;
  common: LocalCommon | null;
  connections: LocalConnection[];
  rpcs: LocalRpc[];
  webhooks: LocalWebhook[];
  modules: LocalModule[];
}

type Json = Record<string, unknown>;

/** Reads `makecomapp.json` and every code file it points to. Throws a clear error on bad input. */
export function readDist(distDir: string): LocalApp {
  try {
    const reader = new LayoutReader(distDir);
    if (reader.kind !== 'makecomapp') {
      throw new DeployInputError(
        'DIST_INVALID',
        `${distDir} is in Make's older per-component layout; deploy reads the makecomapp.json layout that npm run build writes.`,
      );
    }
    return readLayout(reader);
  } catch (error) {
    if (!(error instanceof LayoutReadError)) throw error;
    throw new DeployInputError('DIST_INVALID', error.message, { cause: error });
  }
}

function readLayout(layout: LayoutReader): LocalApp {
  const manifest = layout.manifest;
  const general = objectAt(manifest, 'generalCodeFiles', 'makecomapp.json');
  const components = objectAt(manifest, 'components', 'makecomapp.json');
  const reader = new CodeReader(layout);

  for (const unsupported of ['function', 'endpoint']) {
    const group = components[unsupported];
    if (isPlainObject(group) && Object.keys(group).length > 0) {
      throw new DeployInputError(
        'DIST_INVALID',
        `makecomapp.json: components.${unsupported} is not empty; deploying ${unsupported}s is not supported`,
      );
    }
  }

  const readmeFile = optionalString(general, 'readme', 'generalCodeFiles');
  const readmeText = readmeFile === null ? null : layout.readme(readmeFile, 'makecomapp.json');
  const commonFile = optionalString(general, 'common', 'generalCodeFiles');
  return {
    base: reader.section('base', optionalString(general, 'base', 'generalCodeFiles')),
    groups: reader.section('groups', optionalString(general, 'groups', 'generalCodeFiles')),
    readme:
      readmeFile === null || readmeText === null
        ? null
        : { file: readmeFile, text: readmeText, normalised: normaliseText(readmeText) },
    common: reader.common(commonFile, 'generalCodeFiles.common'),
    connections: entries(components, 'connection').map(([name, entry]) => {
      const where = `components.connection.${name}`;
      const codeFiles = objectAt(entry, 'codeFiles', where);
      return {
        name,
        label: requiredString(entry, 'label', where),
        type: requiredString(entry, 'connectionType', where),
        sections: reader.sections(codeFiles, CONNECTION_SECTIONS, `${where}.codeFiles`, ['common']),
        common: reader.common(
          optionalString(codeFiles, 'common', `${where}.codeFiles`),
          `${where}.codeFiles.common`,
        ),
      };
    }),
    rpcs: entries(components, 'rpc').map(([name, entry]) => {
      const where = `components.rpc.${name}`;
      return {
        name,
        label: requiredString(entry, 'label', where),
        connection: optionalString(entry, 'connection', where),
        altConnection: optionalString(entry, 'altConnection', where),
        sections: reader.sections(
          objectAt(entry, 'codeFiles', where),
          RPC_SECTIONS,
          `${where}.codeFiles`,
        ),
      };
    }),
    webhooks: entries(components, 'webhook').map(([name, entry]) => {
      const where = `components.webhook.${name}`;
      return {
        name,
        label: requiredString(entry, 'label', where),
        type: requiredString(entry, 'webhookType', where),
        connection: optionalString(entry, 'connection', where),
        altConnection: optionalString(entry, 'altConnection', where),
        sections: reader.sections(
          objectAt(entry, 'codeFiles', where),
          WEBHOOK_SECTIONS,
          `${where}.codeFiles`,
        ),
      };
    }),
    modules: entries(components, 'module').map(([name, entry]) => {
      const where = `components.module.${name}`;
      const moduleType = requiredString(entry, 'moduleType', where);
      const typeId = MODULE_TYPE_IDS[moduleType];
      if (typeId === undefined) {
        throw new DeployInputError(
          'DIST_INVALID',
          `makecomapp.json ${where}.moduleType: unknown module type "${moduleType}"`,
        );
      }
      return {
        name,
        label: requiredString(entry, 'label', where),
        description: optionalString(entry, 'description', where) ?? '',
        moduleType,
        typeId,
        crud: optionalString(entry, 'actionCrud', where),
        connection: optionalString(entry, 'connection', where),
        altConnection: optionalString(entry, 'altConnection', where),
        webhook: optionalString(entry, 'webhook', where),
        sections: reader.sections(
          objectAt(entry, 'codeFiles', where),
          MODULE_SECTIONS,
          `${where}.codeFiles`,
        ),
      };
    }),
  };
}

class CodeReader {
  constructor(private readonly layout: LayoutReader) {}

  text(file: string): string {
    return this.layout.text(file, 'makecomapp.json');
  }

  section<S extends string>(section: S, file: string | null): LocalSection<S> | null {
    if (file === null) return null;
    const text = this.text(file);
    return {
      section,
      file,
      text,
      normalised: canonicalJson(this.layout.json(file, 'makecomapp.json')),
    };
  }

  sections<S extends string>(
    codeFiles: Json,
    mapping: Readonly<Record<string, S>>,
    where: string,
    handledElsewhere: string[] = [],
  ): LocalSection<S>[] {
    const result: LocalSection<S>[] = [];
    for (const [codeName, file] of Object.entries(codeFiles)) {
      if (handledElsewhere.includes(codeName) || file === null) continue;
      const section = mapping[codeName];
      if (section === undefined) {
        throw new DeployInputError(
          'DIST_INVALID',
          `makecomapp.json ${where}.${codeName}: no Make API section for this code`,
        );
      }
      if (typeof file !== 'string') {
        throw new DeployInputError(
          'DIST_INVALID',
          `makecomapp.json ${where}.${codeName}: expected a path or null`,
        );
      }
      const read = this.section(section, file);
      if (read) result.push(read);
    }
    return result;
  }

  common(file: string | null, where: string): LocalCommon | null {
    if (file === null) return null;
    const value = this.layout.json(file, 'makecomapp.json');
    if (!isPlainObject(value))
      throw new DeployInputError('DIST_INVALID', `${where} (${file}): expected a JSON object`);
    return { file, value, normalised: canonicalJson(value) };
  }
}

function entries(components: Json, group: string): Array<[string, Json]> {
  const value = components[group];
  if (value === undefined) return [];
  if (!isPlainObject(value))
    throw new DeployInputError(
      'DIST_INVALID',
      `makecomapp.json components.${group}: expected an object`,
    );
  return Object.entries(value).map(([name, entry]) => {
    if (!isPlainObject(entry)) {
      throw new DeployInputError(
        'DIST_INVALID',
        `makecomapp.json components.${group}.${name}: expected an object`,
      );
    }
    return [name, entry];
  });
}

function objectAt(container: Json, key: string, where: string): Json {
  const value = container[key];
  if (!isPlainObject(value))
    throw new DeployInputError(
      'DIST_INVALID',
      `makecomapp.json ${where}.${key}: expected an object`,
    );
  return value;
}

function requiredString(container: Json, key: string, where: string): string {
  const value = container[key];
  if (typeof value !== 'string' || value === '') {
    throw new DeployInputError(
      'DIST_INVALID',
      `makecomapp.json ${where}.${key}: expected a non-empty string`,
    );
  }
  return value;
}

function optionalString(container: Json, key: string, where: string): string | null {
  const value = container[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new DeployInputError(
      'DIST_INVALID',
      `makecomapp.json ${where}.${key}: expected a string or null`,
    );
  }
  return value;
}

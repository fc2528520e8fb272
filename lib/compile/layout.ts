// The one table of where every part of the source model lands in Make's local-development layout.
// compileApp, appFromFiles and locateSourcePath all read it, so the three cannot drift apart.
import { kebabCase } from './kebab';

/** App-level ("general") files. `manifest` is the project's addition (see README.md). */
export const GENERAL_FILES = {
  manifest: 'general/manifest.json',
  base: 'general/base.iml.json',
  common: 'general/common.json',
  readme: 'README.md',
  groups: 'modules/groups.json',
} as const;

export const MAKECOMAPP_FILE = 'makecomapp.json';

/**
 * Whether a code file holds JSON (with comments): Make's tooling writes `.iml.json` and `.json`,
 * older exports `.imljson`; everything else (the readme, functions' `.js`) is text.
 */
export function isJsonFile(file: string): boolean {
  return /\.(json|imljson|jsonc)$/i.test(file);
}

export type ComponentKind = 'connection' | 'module' | 'rpc' | 'function' | 'webhook';

/** Every component kind, in the order Make deploys them (dependencies first). */
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'connection',
  'rpc',
  'webhook',
  'module',
  'function',
];

/** One code of a component: the source-model key, Make's local code name and the file suffix. */
export interface CodeDef {
  /** Property of the component in the source model. */
  readonly key: string;
  /** Key in `makecomapp.json` `codeFiles`. */
  readonly code: string;
  /** File name after `<kebab-id>.`. */
  readonly suffix: string;
  /** The code exists only when the source has the key (and, for `common`, it is not null). */
  readonly optional: boolean;
}

const MODULE_CODES: readonly CodeDef[] = [
  {
    key: 'communication',
    code: 'communication',
    suffix: 'communication.iml.json',
    optional: false,
  },
  {
    key: 'staticParameters',
    code: 'staticParams',
    suffix: 'static-params.iml.json',
    optional: false,
  },
  {
    key: 'mappableParameters',
    code: 'mappableParams',
    suffix: 'mappable-params.iml.json',
    optional: false,
  },
  { key: 'interface', code: 'interface', suffix: 'interface.iml.json', optional: false },
  { key: 'samples', code: 'samples', suffix: 'samples.iml.json', optional: false },
  { key: 'scope', code: 'scope', suffix: 'scope.iml.json', optional: false },
  { key: 'epoch', code: 'epoch', suffix: 'epoch.iml.json', optional: true },
];

const RPC_CODES: readonly CodeDef[] = [
  {
    key: 'communication',
    code: 'communication',
    suffix: 'communication.iml.json',
    optional: false,
  },
  { key: 'parameters', code: 'params', suffix: 'params.iml.json', optional: false },
];

/** A custom IML function: its JavaScript and, optionally, its tests (make-app-format §14). */
const FUNCTION_CODES: readonly CodeDef[] = [
  { key: 'code', code: 'code', suffix: 'code.js', optional: false },
  { key: 'test', code: 'test', suffix: 'test.js', optional: true },
];

/** A webhook: what Make does with a request, and how it is registered on the service. */
const WEBHOOK_CODES: readonly CodeDef[] = [
  {
    key: 'communication',
    code: 'communication',
    suffix: 'communication.iml.json',
    optional: false,
  },
  { key: 'parameters', code: 'params', suffix: 'params.iml.json', optional: false },
  { key: 'attach', code: 'attach', suffix: 'attach.iml.json', optional: true },
  { key: 'detach', code: 'detach', suffix: 'detach.iml.json', optional: true },
  { key: 'update', code: 'update', suffix: 'update.iml.json', optional: true },
  { key: 'scope', code: 'requiredScope', suffix: 'required-scope.iml.json', optional: true },
];

/** An OAuth connection's scope and install files, all optional (make-app-format §14). */
const OAUTH_EXTRA_CODES: readonly CodeDef[] = [
  { key: 'scopeList', code: 'scopeList', suffix: 'scope-list.iml.json', optional: true },
  { key: 'defaultScope', code: 'defaultScope', suffix: 'default-scope.iml.json', optional: true },
  { key: 'installSpec', code: 'installSpec', suffix: 'install-spec.iml.json', optional: true },
  {
    key: 'installDirectives',
    code: 'installDirectives',
    suffix: 'install-directives.iml.json',
    optional: true,
  },
];

/** An OAuth connection's communication file is `*.oauth-communication.iml.json` (VSX). */
export const OAUTH_COMMUNICATION_SUFFIX = 'oauth-communication.iml.json';

function connectionCodes(type: unknown): readonly CodeDef[] {
  const communication = type === 'oauth' ? OAUTH_COMMUNICATION_SUFFIX : 'communication.iml.json';
  return [
    { key: 'communication', code: 'communication', suffix: communication, optional: false },
    { key: 'parameters', code: 'params', suffix: 'params.iml.json', optional: false },
    { key: 'common', code: 'common', suffix: 'common.json', optional: true },
    ...(type === 'oauth' ? OAUTH_EXTRA_CODES : []),
  ];
}

const FOLDER: Record<ComponentKind, string> = {
  connection: 'connections',
  module: 'modules',
  rpc: 'rpcs',
  function: 'functions',
  webhook: 'webhooks',
};

/**
 * The component properties kept in `makecomapp.json` rather than in a code file, each with its
 * key there: `[property, makecomapp key]`.
 */
const METADATA: Record<ComponentKind, ReadonlyArray<readonly [string, string]>> = {
  connection: [
    ['label', 'label'],
    ['type', 'connectionType'],
  ],
  module: [
    ['label', 'label'],
    ['description', 'description'],
    ['type', 'moduleType'],
    ['crud', 'actionCrud'],
    ['connection', 'connection'],
    ['altConnection', 'altConnection'],
    ['webhook', 'webhook'],
  ],
  rpc: [
    ['label', 'label'],
    ['connection', 'connection'],
    ['altConnection', 'altConnection'],
  ],
  function: [],
  webhook: [
    ['label', 'label'],
    ['type', 'webhookType'],
    ['connection', 'connection'],
    ['altConnection', 'altConnection'],
  ],
};

export function metadataOf(kind: ComponentKind): ReadonlyArray<readonly [string, string]> {
  return METADATA[kind];
}

/**
 * `modules/list-subscriptions/list-subscriptions.communication.iml.json`. `folder` is the
 * component's folder when Make's tooling had to number it (`get-contact2`, see folderIds).
 */
export function componentFile(
  kind: ComponentKind,
  name: string,
  suffix: string,
  folder = kebabCase(name),
): string {
  return `${FOLDER[kind]}/${folder}/${kebabCase(name)}.${suffix}`;
}

/**
 * The folder of each component of one kind, as Make's tooling names them (make-app-format
 * §14.1): the kebab-case id, with a number from 2 on when an earlier component already has that
 * folder (ids that differ only in case, `getContact` and `GetContact`, on a case-blind disk).
 */
export function folderIds(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    const base = kebabCase(name);
    let folder = base;
    for (let n = 2; taken.has(folder.toLowerCase()); n += 1) folder = `${base}${n}`;
    taken.add(folder.toLowerCase());
    out.set(name, folder);
  }
  return out;
}

export function codesOf(kind: ComponentKind, connectionType?: unknown): readonly CodeDef[] {
  if (kind === 'module') return MODULE_CODES;
  if (kind === 'rpc') return RPC_CODES;
  if (kind === 'function') return FUNCTION_CODES;
  if (kind === 'webhook') return WEBHOOK_CODES;
  return connectionCodes(connectionType);
}

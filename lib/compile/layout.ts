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

export type ComponentKind = 'connection' | 'module' | 'rpc' | 'function';

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

/** An OAuth connection's communication file is `*.oauth-communication.iml.json` (VSX). */
export const OAUTH_COMMUNICATION_SUFFIX = 'oauth-communication.iml.json';

function connectionCodes(type: unknown): readonly CodeDef[] {
  const communication = type === 'oauth' ? OAUTH_COMMUNICATION_SUFFIX : 'communication.iml.json';
  return [
    { key: 'communication', code: 'communication', suffix: communication, optional: false },
    { key: 'parameters', code: 'params', suffix: 'params.iml.json', optional: false },
    { key: 'common', code: 'common', suffix: 'common.json', optional: true },
  ];
}

const FOLDER: Record<ComponentKind, string> = {
  connection: 'connections',
  module: 'modules',
  rpc: 'rpcs',
  function: 'functions',
};

/** `modules/list-subscriptions/list-subscriptions.communication.iml.json` */
export function componentFile(kind: ComponentKind, name: string, suffix: string): string {
  const id = kebabCase(name);
  return `${FOLDER[kind]}/${id}/${id}.${suffix}`;
}

export function codesOf(kind: ComponentKind, connectionType?: unknown): readonly CodeDef[] {
  if (kind === 'module') return MODULE_CODES;
  if (kind === 'rpc') return RPC_CODES;
  if (kind === 'function') return FUNCTION_CODES;
  return connectionCodes(connectionType);
}

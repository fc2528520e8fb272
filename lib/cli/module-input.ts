// Options shared by `run` and `record`: which module, with which parameters, against what.
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { RuntimeApp } from '../runtime';
import { parseParams } from './params';
import { paramViews, type ParamView } from '../shared';
import { unknownName } from './suggest';

export interface ModuleInputOptions {
  /** Absent when no --param was given (no default, so --help shows none). */
  param?: string[];
  paramsJson?: string;
  target: string;
  json?: boolean;
  limit?: number;
  envCredentials?: boolean;
  dist: string;
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export function addModuleInputOptions(command: Command, defaultTarget: string): Command {
  return command
    .option(
      '--param <key=value>',
      'a module parameter (repeat the option; repeat a key for a list)',
      collect,
    )
    .option('--params-json <json>', 'all parameters as one JSON object (--param wins per key)')
    .addOption(
      new Option(
        '--target <target>',
        'simulator | sandbox | production | an http(s) URL standing in for every Hotmart host',
      ).default(defaultTarget),
    )
    .option(
      '--limit <n>',
      "stop after n bundles (and the module's own `limit` parameter, when it has one and none is given)",
      positiveInteger,
    )
    .option(
      '--env-credentials',
      "with a URL --target, send HOTMART_CLIENT_ID/SECRET/BASIC_TOKEN (default: the simulator's)",
    )
    .option('--dist <dir>', 'the built app', 'dist');
}

/** The module's typed parameters, or a usage error naming the closest module / parameter. */
export function moduleParameters(
  app: RuntimeApp,
  moduleName: string,
  options: ModuleInputOptions,
  command: string,
): Record<string, unknown> {
  const names = app.definition.modules.map((module) => module.name);
  const module = app.definition.modules.find((candidate) => candidate.name === moduleName);
  if (!module) throw unknownName('module', moduleName, names, command);
  const specs = [...paramViews(module.staticParameters), ...paramViews(module.mappableParameters)];
  const parameters = parseParams(
    {
      pairs: options.param ?? [],
      ...(options.paramsJson !== undefined ? { json: options.paramsJson } : {}),
    },
    specs,
    command,
  );
  return withLimit(parameters, [...module.staticParameters, ...module.mappableParameters], options);
}

/**
 * An RPC's typed parameters: its own, and those of every module that links to it (`rpc://<name>`
 * anywhere in the module's parameters), since Make passes the module's parameters to the RPC.
 * A usage error names the closest RPC or parameter.
 */
export function rpcParameters(
  app: RuntimeApp,
  rpcName: string,
  options: Pick<ModuleInputOptions, 'param' | 'paramsJson'>,
  command: string,
): Record<string, unknown> {
  const rpc = app.definition.rpcs.find((candidate) => candidate.name === rpcName);
  if (!rpc) {
    throw unknownName(
      'RPC',
      rpcName,
      app.definition.rpcs.map((candidate) => candidate.name),
      command,
    );
  }
  const link = new RegExp(`rpc://${rpcName}(?![0-9A-Za-z])`);
  const linking = app.definition.modules.filter((module) =>
    link.test(JSON.stringify([module.staticParameters, module.mappableParameters])),
  );
  const specs = new Map<string, ParamView>();
  const lists = [
    rpc.parameters,
    ...linking.flatMap((m) => [m.staticParameters, m.mappableParameters]),
  ];
  for (const view of lists.flatMap((list) => paramViews(list))) {
    if (!specs.has(view.name)) specs.set(view.name, view);
  }
  return parseParams(
    {
      pairs: options.param ?? [],
      ...(options.paramsJson !== undefined ? { json: options.paramsJson } : {}),
    },
    [...specs.values()],
    command,
  );
}

/**
 * `--limit 20` on a search whose own `limit` parameter defaults to 10 would otherwise stop at 10:
 * the flag also fills that parameter when the user gave none, within its `validate.max`.
 */
function withLimit(
  parameters: Record<string, unknown>,
  declared: ReadonlyArray<{ name: string; validate?: unknown }>,
  options: ModuleInputOptions,
): Record<string, unknown> {
  if (options.limit === undefined || parameters.limit !== undefined) return parameters;
  const spec = declared.find((parameter) => parameter.name === 'limit');
  if (spec === undefined) return parameters;
  const max =
    typeof spec.validate === 'object' && spec.validate !== null && 'max' in spec.validate
      ? Number(spec.validate.max)
      : Number.POSITIVE_INFINITY;
  return {
    ...parameters,
    limit: Number.isFinite(max) ? Math.min(options.limit, max) : options.limit,
  };
}

/**
 * The options of `rpc` and `trigger`: parameters, the target, `--app` with its connection file,
 * `--json` and the built app's folder. `what` names the component ("the RPC's").
 */
export function addComponentOptions(command: Command, what: string, printed: string): Command {
  return command
    .option(
      '--param <key=value>',
      'a parameter (repeat the option; repeat a key for a list)',
      collect,
    )
    .option('--params-json <json>', 'all parameters as one JSON object (--param wins per key)')
    .addOption(
      new Option(
        '--target <target>',
        'simulator | sandbox | production | an http(s) URL standing in for every host',
      ).default('simulator'),
    )
    .option('--json', `print the ${printed} as a JSON array on stdout (and nothing else)`)
    .option('--app <dir>', 'any Make app folder instead of the built app (with a URL --target)')
    .option('--connection-file <file>', `${what} connection parameters as a JSON object`)
    .option(
      '--env-credentials',
      "with a URL --target, send HOTMART_CLIENT_ID/SECRET/BASIC_TOKEN (default: the simulator's)",
    )
    .option('--dist <dir>', 'the built app', 'dist');
}

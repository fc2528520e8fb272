// `npx hotmart-make modules`: every module, RPC and webhook of the built app (or any Make app
// folder) with its type and label, so a user can find the name `run`, `rpc` and `trigger` take.
// And `npx hotmart-make run <module> --help`: that module's parameters (type, required, default,
// options, help), before run's own options.
import type { Command } from 'commander';
import type { RuntimeApp } from '../../runtime';
import { firstSentence, paramViews, type ParamView } from '../../shared';
import type { CliIo } from '../io';
import { builtAppDir } from '../other-app';

interface ModulesOptions {
  dist: string;
  app?: string;
  json?: boolean;
}

const TYPES: Readonly<Record<string, string>> = {
  search: 'search',
  action: 'action',
  trigger: 'polling trigger',
  instant_trigger: 'instant trigger',
  universal: 'universal',
  responder: 'responder',
};

async function load(io: CliIo, options: { dist: string; app?: string }): Promise<RuntimeApp> {
  /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
  const { loadApp } = require('../../runtime') as typeof import('../../runtime');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return loadApp(builtAppDir(io.cwd, options, 'modules'), { remember: true });
}

function pad(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_cell, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths?.[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerModules(program: Command, io: CliIo): void {
  program
    .command('modules')
    .description('List the modules, RPCs and webhooks of the built app with their type and label')
    .option('--dist <dir>', 'the built app', 'dist')
    .option('--app <dir>', 'any Make app folder instead of the built app')
    .option('--json', 'print them as JSON on stdout')
    .action(async (options: ModulesOptions) => {
      const app = await load(io, options);
      const { definition } = app;
      const rows = [
        ...definition.modules.map((module) => ({
          kind: 'module',
          name: module.name,
          type: TYPES[module.type] ?? module.type,
          label: module.label,
        })),
        ...definition.rpcs.map((rpc) => ({
          kind: 'rpc',
          name: rpc.name,
          type: 'rpc',
          label: rpc.label,
        })),
        ...(definition.webhooks ?? []).map((webhook) => ({
          kind: 'webhook',
          name: webhook.name,
          type: `webhook (${webhook.type})`,
          label: webhook.label,
        })),
      ];
      if (options.json === true) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      io.stdout(
        `${pad([['NAME', 'TYPE', 'LABEL'], ...rows.map((row) => [row.name, row.type, row.label])])}\n\n` +
          'Run one: npx hotmart-make run <module> (rpc <rpc>, trigger <module>); ' +
          'its parameters: npx hotmart-make run <module> --help\n',
      );
    });
}

function describeParameter(view: ParamView, prefix = ''): string[][] {
  const name = `${prefix}${view.name}`;
  const type = view.multiple ? `${view.type} (several)` : view.type;
  const options =
    view.options.length > 0
      ? `one of: ${view.options
          .slice(0, 8)
          .map((option) => JSON.stringify(option.value))
          .join(', ')}${view.options.length > 8 ? ', …' : ''}`
      : '';
  const row = [
    name,
    type,
    view.required ? 'yes' : 'no',
    view.default === undefined ? '' : JSON.stringify(view.default),
    [view.help === undefined ? '' : firstSentence(view.help), options].filter(Boolean).join(' '),
  ];
  const childPrefix = view.type === 'array' ? `${name}[].` : `${name}.`;
  return [row, ...view.children.flatMap((child) => describeParameter(child, childPrefix))];
}

/** `run <module> --help`'s list of the module's parameters, or undefined for an unknown module. */
export async function moduleHelp(
  io: CliIo,
  moduleName: string,
  options: { dist: string; app?: string },
): Promise<string | undefined> {
  const app = await load(io, options);
  const module = app.definition.modules.find((candidate) => candidate.name === moduleName);
  if (module === undefined) return undefined;
  const views = [...paramViews(module.staticParameters), ...paramViews(module.mappableParameters)];
  const rows = views.flatMap((view) => describeParameter(view));
  const table =
    rows.length === 0
      ? 'This module takes no parameters.'
      : pad([['PARAMETER', 'TYPE', 'REQUIRED', 'DEFAULT', 'HELP'], ...rows]);
  return `${module.label} (${moduleName}, ${TYPES[module.type] ?? module.type})\n\n${table}\n\nGive them as --param name=value (repeat for a list) or --params-json '{…}'.\n\n`;
}

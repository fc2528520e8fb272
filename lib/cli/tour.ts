// `npm start`: build and validate the app, then run every module against the embedded simulator
// and print one line per module. No credentials, no network beyond loopback.
import path from 'node:path';
import { loadAppModule } from '../compile';
import { buildApp } from './build-app';
import { formatIssue } from '../validate';
import { createConnection, loadApp, type Bundle, type Connection } from '../runtime';
import { exampleParameters, rpcExampleParameters, sourceExamples } from '../harness';
import {
  executeModule,
  executeRpc,
  executeTrigger,
  executeWebhookEvent,
  runMismatches,
} from '../harness';
import { mismatchWarning } from './interface-warning';
import type { App as AppSource } from '../types';
import type { CliIo } from './io';
import { describeFailure } from './report-error';
import { resolveTarget } from './targets';
import { InternalError } from '../shared';

export interface TourRow {
  module: string;
  ok: boolean;
  bundles: number;
  requests: number;
  ms: number;
  /** A glimpse of the result: the first bundle's first fields, or the error. */
  result: string;
  /** Where the bundles differ from the module's interface (a date left an epoch number, …). */
  mismatches: string[];
}

const GLIMPSE_WIDTH = 60;

function glimpse(bundle: Record<string, unknown> | undefined): string {
  if (!bundle) return '(no bundles)';
  const parts: string[] = [];
  // Top-level fields first, then one level down (`purchase.transaction=…`) for nested bundles.
  const visit = (value: Record<string, unknown>, prefix: string, depth: number): void => {
    for (const [key, field] of Object.entries(value)) {
      if (parts.join(' ').length > GLIMPSE_WIDTH) return;
      if (field === null || Array.isArray(field)) continue;
      if (typeof field === 'object') {
        if (depth === 0) visit(field as Record<string, unknown>, `${prefix}${key}.`, depth + 1);
        continue;
      }
      parts.push(`${prefix}${key}=${String(field as string | number | boolean)}`);
    }
  };
  visit(bundle, '', 0);
  const text = parts.join(' ');
  return text.length > GLIMPSE_WIDTH ? `${text.slice(0, GLIMPSE_WIDTH - 1)}…` : text;
}

export function renderTour(rows: TourRow[]): string {
  const header = ['Module', 'Result', 'Bundles', 'Requests', 'Time', 'First bundle / error'];
  const lines = rows.map((row) => [
    row.module,
    row.ok ? 'ok' : 'FAILED',
    String(row.bundles),
    String(row.requests),
    `${row.ms} ms`,
    row.result,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const numeric = new Set([2, 3, 4]);
  const format = (cells: string[]): string =>
    cells
      .map((text, i) =>
        numeric.has(i) ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join(
    '\n',
  );
}

export interface TourOptions {
  root: string;
  appPath?: string;
  /** The app definition itself (tests); default: loaded from `appPath`. */
  app?: unknown;
  distDir?: string;
}

/** Returns the exit code: 0 only when the build and every module succeeded. */
/** One row of the tour: the run's bundles, requests and time, or its failure. */
async function tourRow(
  name: string,
  run: () => Promise<{ bundles: Bundle[]; requests: number; durationMs: number }>,
  module: { interface?: unknown } = {},
): Promise<TourRow> {
  const started = Date.now();
  try {
    const result = await run();
    const mismatches = runMismatches(result.bundles, module);
    return {
      module: name,
      ok: true,
      bundles: result.bundles.length,
      requests: result.requests,
      ms: result.durationMs,
      result: glimpse(result.bundles[0]),
      mismatches,
    };
  } catch (error) {
    return {
      module: name,
      ok: false,
      bundles: 0,
      requests: 0,
      ms: Date.now() - started,
      result: describeFailure(error),
      mismatches: [],
    };
  }
}

export async function runTour(io: CliIo, options: TourOptions): Promise<number> {
  const appPath = path.resolve(options.root, options.appPath ?? 'app/index.ts');
  const distDir = path.resolve(options.root, options.distDir ?? 'dist');
  const source = options.app ?? (await loadAppModule(appPath));
  const built = await buildApp({ app: source, outDir: distDir });
  if (!built.ok) {
    io.stderr(`The app definition has ${built.issues.length} problem(s):\n`);
    for (const issue of built.issues) io.stderr(`  ${formatIssue(issue)}\n`);
    return 1;
  }
  io.stdout(
    `Built and validated the app: ${built.files.length} files in ${path.relative(options.root, distDir) || '.'}/\n`,
  );
  const app = await loadApp(distDir, { remember: true });
  // The build drops the examples (they are not Make's), so they are read from the source.
  const examples = sourceExamples(source as AppSource);
  const target = await resolveTarget({ kind: 'simulator' }, {}, 'start');
  const simulator = target.simulator;
  if (!simulator) throw new InternalError('the embedded simulator did not start');
  io.stdout(`Running every module against the ${target.label}:\n\n`);
  const rows: TourRow[] = [];
  let connection: Connection | undefined;
  let connectionRequests: number | undefined;
  try {
    connection = await createConnection(app, 'hotmart', target.connectionParameters, {
      hostMap: target.hostMap,
    });
    connectionRequests = connection.log.requestCount;
    for (const module of app.definition.modules) {
      rows.push(
        await tourRow(
          module.name,
          async () => {
            // An instant trigger is shown end to end: the simulator posts one event to it.
            if (module.type === 'instant_trigger') {
              return executeWebhookEvent({ app, moduleName: module.name, simulator });
            }
            const parameters = exampleParameters(
              module,
              simulator,
              examples.modules.get(module.name),
            );
            // A polling trigger's first run, with no state: every item up to its limit.
            if (module.type === 'trigger') {
              return executeTrigger({
                app,
                moduleName: module.name,
                parameters,
                target,
                state: undefined,
              });
            }
            return executeModule({
              app,
              moduleName: module.name,
              parameters,
              target,
              ...(connection ? { connection } : {}),
            });
          },
          module,
        ),
      );
    }
    // The dropdowns: each RPC as Make's form would load it.
    for (const rpc of app.definition.rpcs) {
      rows.push(
        await tourRow(`rpc ${rpc.name}`, async () => {
          const result = await executeRpc({
            app,
            rpcName: rpc.name,
            parameters: rpcExampleParameters(examples.rpcs.get(rpc.name), simulator),
            target,
          });
          return { ...result, bundles: result.items as Bundle[] };
        }),
      );
    }
  } finally {
    await target.close();
  }
  io.stdout(`${renderTour(rows)}\n\n`);
  const warning = mismatchWarning(rows);
  if (warning.length > 0) io.stdout(`${warning.join('\n')}\n\n`);
  const failed = rows.filter((row) => !row.ok).length;
  io.stdout(
    `Connection "hotmart": ${connectionRequests} request(s) (token and check). ` +
      `${rows.length - failed} of ${rows.length} modules and RPCs succeeded.\n`,
  );
  if (failed === 0) {
    io.stdout(
      '\nNext: npx hotmart-make run <module> --help, npx hotmart-make simulator, npx hotmart-make docs.\n',
    );
  }
  return failed === 0 ? 0 : 1;
}

// `hotmart-make record <moduleName> --out <file>`: runs the module like `run` (same options,
// same code path) while capturing every HTTP exchange, then writes a nock fixture with secrets
// and personal data replaced by stable fakes, plus a `.meta.json` saying how to replay it.
import path from 'node:path';
import type { Command } from 'commander';
import { ReportedFailure } from '../errors';
import type { ExecuteResult } from '../../harness';
import type { CliIo } from '../io';
import { builtAppDir } from '../other-app';
import { addModuleInputOptions, moduleParameters, type ModuleInputOptions } from '../module-input';
import { progressLine } from '../progress';
import { describeFailure } from '../report-error';
import { parseTarget } from '../target-spec';

export function registerRecord(program: Command, io: CliIo): void {
  const command = program
    .command('record')
    .description('Run a module and save what Hotmart answered as a scrubbed nock fixture')
    .argument('<moduleName>', 'the module id, e.g. listSubscriptions')
    .option('--out <file>', 'fixture to write (default test/fixtures/recorded/<moduleName>.json)');
  addModuleInputOptions(command, 'sandbox').addHelpText(
    'after',
    `
The fixture is an array of nock definitions (load it with nock.define). Before anything is
written, the Client ID, Client Secret, Basic token and access tokens become fixed fakes (see
RECORDED_CREDENTIALS in lib/record) and names, e-mails, phones, documents and addresses become
stable fakes. <file>.meta.json holds the module, the (scrubbed) parameters and the clock to
replay with.

Example:
  $ HOTMART_CLIENT_ID=… HOTMART_CLIENT_SECRET=… HOTMART_BASIC_TOKEN=… \\
    npx hotmart-make record listSubscriptions --param limit=5 --target sandbox \\
      --out test/fixtures/recorded/list-subscriptions.json`,
  );
  command.action(async (moduleName: string, options: ModuleInputOptions & { out?: string }) => {
    const target = parseTarget(options.target, 'record');
    /* eslint-disable @typescript-eslint/no-require-imports -- lazy, see lib/cli/README.md */
    const { loadApp } = require('../../runtime') as typeof import('../../runtime');
    const { createCapture, writeRecording } =
      require('../../record') as typeof import('../../record');
    const { executeModule } = require('../../harness') as typeof import('../../harness');
    const { resolveTarget } = require('../targets') as typeof import('../targets');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const app = await loadApp(builtAppDir(io.cwd, { dist: options.dist }, 'record'), {
      remember: true,
    });
    const parameters = moduleParameters(app, moduleName, options, 'record');
    const resolved = await resolveTarget(target, io.env, 'record', {
      envCredentials: options.envCredentials === true,
    });
    const out = path.resolve(
      io.cwd,
      options.out ?? path.join('test', 'fixtures', 'recorded', `${moduleName}.json`),
    );
    const capture = createCapture(resolved.hostMap);
    const now = new Date();
    const progress = progressLine(io, moduleName);
    let result: ExecuteResult | undefined;
    let failure: unknown;
    try {
      result = await executeModule({
        app,
        moduleName,
        parameters,
        target: resolved,
        now,
        fetch: capture.fetch,
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
        onProgress: (p) => progress.update(p),
      });
    } catch (error) {
      failure = error;
    } finally {
      progress.clear();
      await resolved.close();
    }
    // A failed run writes nothing: a fixture of a failure would make the replay tests fail, and
    // the error itself is what the user needs to see.
    if (failure !== undefined || result === undefined) {
      io.stderr(`${describeFailure(failure)}\n`);
      io.stderr(`Nothing was recorded; ${path.relative(io.cwd, out)} is unchanged.\n`);
      throw new ReportedFailure();
    }
    const written = await writeRecording({
      out,
      exchanges: capture.exchanges,
      secrets: resolved.connectionParameters,
      meta: { module: moduleName, parameters, now, target: target.kind },
    });
    io.stdout(
      `Recorded ${written.definitions} exchange(s) of ${moduleName} to ${path.relative(io.cwd, out)} ` +
        `(${result.bundles.length} bundle(s)); replay info in ` +
        `${path.relative(io.cwd, written.metaFile)}\n`,
    );
  });
}

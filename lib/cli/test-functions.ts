// `hotmart-make test-functions --app <dir|module>`: runs the `test` code of every custom IML
// function of an app (Make's `it(name, fn)` and `assert`, as Make's VS Code extension runs them),
// each function's tests in a fresh sandbox holding all of the app's functions. Exit 0 when every
// test passes, 1 when one fails or a function's code does not run, 2 when the app is unreadable.
import { ImlError, runFunctionTests, type FunctionSource } from '../iml';
import { isPlainObject } from '../shared';
import { loadAnyApp } from './build-commands';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './errors';
import type { CliIo } from './io';

interface FunctionWithTest extends FunctionSource {
  readonly test?: string | undefined;
}

/** The app's functions, or a sentence saying why they cannot be read. */
function functionsOf(app: unknown): FunctionWithTest[] | string {
  const list = isPlainObject(app) ? app.functions : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list)) return '`functions` must be an array';
  const out: FunctionWithTest[] = [];
  for (const [index, item] of list.entries()) {
    const { name, code, test } = isPlainObject(item) ? item : {};
    if (typeof name !== 'string' || typeof code !== 'string') {
      return `functions[${index}] needs a string name and string code`;
    }
    if (test !== undefined && typeof test !== 'string')
      return `function ${name}: test must be text`;
    out.push({ name, code, test });
  }
  return out;
}

export async function testFunctionsCommand(
  options: { appPath: string; timeoutMs?: number },
  cli: CliIo,
): Promise<number> {
  const { app } = await loadAnyApp(options.appPath, cli);
  if (app === undefined) return EXIT_USAGE;
  const functions = functionsOf(app);
  if (typeof functions === 'string') {
    cli.stderr(`${options.appPath}: ${functions}\n`);
    return EXIT_USAGE;
  }
  if (functions.length === 0) {
    cli.stdout('The app has no custom IML functions: nothing to test.\n');
    return EXIT_OK;
  }
  let passed = 0;
  let failed = 0;
  const untested: string[] = [];
  for (const fn of functions) {
    if (fn.test === undefined || fn.test.trim() === '') {
      untested.push(fn.name);
      continue;
    }
    let results;
    try {
      results = runFunctionTests(
        functions,
        { name: fn.name, code: fn.test },
        {
          onDebug: (line) => cli.stdout(`    debug: ${line}\n`),
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        },
      );
    } catch (error) {
      if (!(error instanceof ImlError)) throw error;
      cli.stdout(`✗ ${fn.name}: ${error.message}\n`);
      failed += 1;
      continue;
    }
    if (results.length === 0) untested.push(fn.name);
    for (const result of results) {
      if (result.failure === undefined) {
        passed += 1;
        cli.stdout(`✓ ${fn.name} › ${result.name}\n`);
      } else {
        failed += 1;
        cli.stdout(
          `✗ ${fn.name} › ${result.name}\n    ${result.failure.replace(/\n/g, '\n    ')}\n`,
        );
      }
    }
  }
  if (untested.length > 0) cli.stdout(`No tests: ${untested.join(', ')}\n`);
  cli.stdout(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

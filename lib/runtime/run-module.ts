// Running a module the way Make does: parameters → connection freshness → communication (with
// base, pagination, limit) → bundles, streamed one by one. `runModule` collects them; a search
// streamed with `streamModule` keeps memory flat however many pages it reads (only `wrapper`
// needs the whole output, so a module with a wrapper is collected first).
import type { ModuleSpec, ResponseSpec } from '../types';
import { finalizeError, withLog } from './boundary';
import { runCommunication } from './communication';
import { RuntimeError } from './errors';
import { checkRpcParameters } from './dynamic-parameters';
import { evaluate } from './iml';
import { Redactor } from './redact';
import { RunLog } from './run-log';
import { findModule, type RuntimeApp } from './runtime-app';
import { startRun, type RunOptions } from './start-run';
import { describeType, isPlainObject, toWire, toWireOwned } from './wire';

/** One output bundle (a JSON object; dates as ISO strings). */
export type Bundle = Record<string, unknown>;

export interface RunResult {
  bundles: Bundle[];
  log: RunLog;
}

/** The bundles of a run, one by one, with the run's log. */
export interface ModuleStream extends AsyncIterable<Bundle> {
  readonly log: RunLog;
}

const RUNNABLE = new Set(['action', 'search', 'universal', 'trigger', 'instant_trigger']);
const PAGINATED = new Set(['search', 'trigger']);
const SINGLE = new Set(['action', 'universal', 'instant_trigger']);

function invalidOutput(module: ModuleSpec, found: string): RuntimeError {
  return new RuntimeError(
    `module ${module.name}: Invalid module output. Expected Object, but found ${found}.`,
    {
      code: 'INVALID_RESPONSE',
      where: `module ${module.name}`,
    },
  );
}

const FOUND: Record<string, string> = {
  'an array': 'Array',
  'a string': 'String',
  'a number': 'Number',
  'a boolean': 'Boolean',
  null: 'Null',
};

/**
 * Adds the bundles of one output value to `into`: an object is one bundle; a search spreads an
 * array. `fresh`: the value was just built from an object/array template, so it may be converted
 * in place.
 */
function addBundles(module: ModuleSpec, output: unknown, fresh: boolean, into: Bundle[]): void {
  const value = fresh ? toWireOwned(output) : toWire(output);
  if (isPlainObject(value)) {
    into.push(value);
    return;
  }
  if (Array.isArray(value) && !SINGLE.has(module.type)) {
    for (const item of value) {
      if (!isPlainObject(item))
        throw invalidOutput(module, FOUND[describeType(item)] ?? describeType(item));
      into.push(item);
    }
    return;
  }
  throw invalidOutput(module, FOUND[describeType(value)] ?? describeType(value));
}

/** An object or array template evaluates to a new object or array every time. */
function isTemplateObject(template: unknown): boolean {
  return typeof template === 'object' && template !== null;
}

/** Runs the module and yields its bundles a page at a time (never an empty page). */
async function* runPages(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions,
  log: RunLog,
): AsyncGenerator<Bundle[], void, undefined> {
  const module = findModule(app, moduleName);
  const where = `module ${module.name}`;
  if (!RUNNABLE.has(module.type)) {
    throw new RuntimeError(
      `${where}: a ${module.type} module answers a webhook's caller and has no bundles; run it with runResponder (or receiveWebhook's responder option).`,
      {
        code: 'OPTION_INVALID',
        where,
      },
    );
  }
  const specs = [
    ...(module.staticParameters as unknown[]),
    ...(module.mappableParameters as unknown[]),
  ];
  const { scope, env } = await startRun(app, {
    where,
    needs: module,
    parameters: specs,
    metadata: { expect: module.mappableParameters, interface: module.interface },
    options,
    log,
  });
  if (options.checkRpcOptions === true) {
    scope.parameters = await checkRpcParameters(
      app,
      specs,
      options.parameters ?? {},
      scope.parameters as Record<string, unknown>,
      { where, options, log },
    );
  }

  const chunks = runCommunication(module.communication, scope, env, {
    base: app.definition.base,
    allowPagination: PAGINATED.has(module.type),
  });
  const single = SINGLE.has(module.type);
  let count = 0;
  // An action or universal module gives one bundle at most, however its output is spread.
  const checked = (page: Bundle[]): Bundle[] => {
    count += page.length;
    if (single && count > 1) throw invalidOutput(module, 'Array');
    return page;
  };
  let wrapped: { response: ResponseSpec; outputs: unknown[] } | undefined;
  for await (const chunk of chunks) {
    if (chunk.response.wrapper !== undefined) {
      wrapped ??= { response: chunk.response, outputs: [] };
      for (const output of chunk.outputs) wrapped.outputs.push(output);
      continue;
    }
    const fresh = isTemplateObject(chunk.response.output);
    const page: Bundle[] = [];
    for (const output of chunk.outputs) addBundles(module, output, fresh, page);
    if (page.length > 0) yield checked(page);
  }
  if (wrapped) {
    scope.output = single ? wrapped.outputs[0] : wrapped.outputs;
    const value = evaluate(wrapped.response.wrapper, scope, `${where} › wrapper`, env.clock);
    if (value === undefined) return;
    const page: Bundle[] = [];
    addBundles(module, value, isTemplateObject(wrapped.response.wrapper), page);
    if (page.length > 0) yield checked(page);
  }
}

/**
 * Runs a module and yields its bundles one by one. Nothing runs until iteration starts; every
 * failure (parameters included) rejects the iteration with a MakeError whose non-enumerable `log`
 * property is the run log.
 */
export function streamModule(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): ModuleStream {
  const redactor = options.connection?.redactor ?? new Redactor();
  const log = new RunLog(redactor, options.log);
  return {
    log,
    // Bundles are produced a page at a time and handed out one by one from the page: one promise
    // per bundle, where an async generator per bundle (yield, yield*, for await) made three hops.
    [Symbol.asyncIterator](): AsyncIterator<Bundle> {
      const pages = runPages(app, moduleName, options, log);
      let page: Bundle[] = [];
      let index = 0;
      return {
        async next(): Promise<IteratorResult<Bundle>> {
          while (index >= page.length) {
            let result: IteratorResult<Bundle[]>;
            try {
              result = await pages.next();
            } catch (error) {
              throw withLog(finalizeError(error, redactor), log);
            }
            if (result.done === true) return { done: true, value: undefined };
            page = result.value;
            index = 0;
          }
          const bundle = page[index] as Bundle;
          index += 1;
          return { done: false, value: bundle };
        },
        // A consumer that stops early (`break`, --limit) closes the run: no further page is fetched.
        async return(): Promise<IteratorResult<Bundle>> {
          page = [];
          await pages.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Runs a module and resolves to all its bundles and the run log. */
export async function runModule(
  app: RuntimeApp,
  moduleName: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const stream = streamModule(app, moduleName, options);
  const bundles: Bundle[] = [];
  for await (const bundle of stream) bundles.push(bundle);
  return { bundles, log: stream.log };
}

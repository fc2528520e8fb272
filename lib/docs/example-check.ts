// The build's look at the example runs: every module whose source declares an `example` runs
// once, exactly as for its docs page (in-memory simulator, pinned clock and seed), and its
// bundles are compared with its interface. Modules without an example are not run here: the
// build serves any app, and only a declared example says the simulator can serve the module.
import { runMismatches, sourceExamples } from '../harness';
import type { App } from '../types';
import { runExample } from './example';

export interface ExampleCheck {
  module: string;
  /** Set when the example run failed. */
  error?: string;
  /** Where the bundles differ from the interface; empty when they match. */
  mismatches: string[];
}

/** One entry per module with an example, in the app's order. */
export async function checkBuiltExamples(built: App, source: App): Promise<ExampleCheck[]> {
  const examples = sourceExamples(source).modules;
  const checks: ExampleCheck[] = [];
  for (const module of built.modules) {
    const example = examples.get(module.name);
    if (example === undefined) continue;
    const result = await runExample(built, module, example);
    checks.push({
      module: module.name,
      ...(result.error === undefined ? {} : { error: result.error }),
      mismatches: runMismatches(result.bundles, module),
    });
  }
  return checks;
}

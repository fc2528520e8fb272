// The module scenarios through the backend switch: the same test bodies against the recorded
// fixtures (the control run) and against the embedded Hotmart simulator.
import { fixtureBackend } from '../../support/fixture-backend';
import { buildHotmartApp, type BuiltApp } from '../../support/harness';
import type { ModuleBackend } from '../../support/module-backend';
import { describeModuleScenarios } from '../../support/module-scenarios';
import { simulatorBackend } from '../../support/simulator-backend';

let built: BuiltApp;
beforeAll(async () => {
  built = await buildHotmartApp();
});
afterAll(() => built.dispose());

const BACKENDS: ReadonlyArray<{ name: string; create: () => ModuleBackend }> = [
  { name: 'fixtures', create: fixtureBackend },
  // Small enough that "every subscription" is one page; pagination at scale has its own file.
  { name: 'simulator', create: () => simulatorBackend({ seed: 6, size: 40 }) },
];

describe.each(BACKENDS)('module scenarios against the $name backend', ({ create }) => {
  const backend = create();
  beforeEach(() => backend.setUp());
  afterEach(() => backend.tearDown());
  describeModuleScenarios(() => built, backend);
});

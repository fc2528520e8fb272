// The import rule of `npm test` (scripts/check-imports.ts) on small hand-made graphs: each kind of
// problem is reported, and a graph that follows the layers passes; then the graph itself, as
// TypeScript resolves it.
import { folderOf, importGraph, importProblems, markCycles } from '../../scripts/check-imports';

const edge = (resolved: string, circular = false) => ({ resolved, circular, coreModule: false });

test('folders: lib subfolders, lib/define.ts, top-level folders', () => {
  expect(folderOf('lib/runtime/http.ts')).toBe('lib/runtime');
  expect(folderOf('lib/define.ts')).toBe('lib');
  expect(folderOf('app/base.ts')).toBe('app');
});

test('a graph that follows the layers has no problem', () => {
  expect(
    importProblems([
      { source: 'lib/runtime/http.ts', dependencies: [edge('lib/iml/index.ts')] },
      { source: 'app/index.ts', dependencies: [edge('modules/index.ts'), edge('lib/define.ts')] },
    ]),
  ).toEqual([]);
});

test('the engine importing the app, and the compiler importing the validator, go the wrong way', () => {
  expect(
    importProblems([
      { source: 'lib/runtime/http.ts', dependencies: [edge('app/index.ts')] },
      { source: 'lib/compile/build.ts', dependencies: [edge('lib/validate/index.ts')] },
    ]),
  ).toEqual([
    'wrong direction: lib/runtime/http.ts imports app/index.ts (lib/runtime may only import layers below it)',
    'wrong direction: lib/compile/build.ts imports lib/validate/index.ts (lib/compile may only import layers below it)',
  ]);
});

test('file cycles and folder cycles are reported', () => {
  const problems = importProblems([
    { source: 'lib/runtime/errors.ts', dependencies: [edge('lib/runtime/run-log.ts', true)] },
    { source: 'lib/docs/a.ts', dependencies: [edge('lib/cli/b.ts')] },
    { source: 'lib/cli/b.ts', dependencies: [edge('lib/docs/a.ts')] },
  ]);
  expect(problems).toContain('in an import cycle: lib/runtime/errors.ts → lib/runtime/run-log.ts');
  expect(problems).toContain('folder cycle: lib/cli → lib/docs → lib/cli');
});

test('a folder outside the layers must be placed in them', () => {
  expect(
    importProblems([{ source: 'lib/newthing/x.ts', dependencies: [edge('lib/iml/index.ts')] }]),
  ).toEqual([
    'unknown folder: lib/newthing/x.ts → lib/iml/index.ts (add lib/newthing to LAYERS in scripts/check-imports.ts)',
  ]);
});

test('another lib folder is imported through its index.ts; a file of its own folder directly', () => {
  expect(
    importProblems([
      {
        source: 'lib/cli/run.ts',
        dependencies: [
          edge('lib/harness/execute.ts'),
          edge('lib/cli/io.ts'),
          edge('lib/define.ts'),
        ],
      },
      { source: 'scripts/build.ts', dependencies: [edge('lib/cli/index.ts')] },
    ]),
  ).toEqual([
    "not through the folder's index.ts: lib/cli/run.ts imports lib/harness/execute.ts (import lib/harness, and export what is needed from lib/harness/index.ts)",
  ]);
});

test('a dependency lies on a cycle when its two files reach each other, or a file imports itself', () => {
  const circular = (modules: Array<{ source: string; targets: string[] }>): string[] =>
    markCycles(modules).flatMap((module) =>
      module.dependencies
        .filter((dependency) => dependency.circular)
        .map((dependency) => `${module.source} → ${dependency.resolved}`),
    );
  expect(
    circular([
      { source: 'a.ts', targets: ['b.ts'] },
      { source: 'b.ts', targets: ['c.ts', 'd.ts'] },
      { source: 'c.ts', targets: ['a.ts'] },
      { source: 'd.ts', targets: ['d.ts', 'e.ts'] },
    ]),
  ).toEqual(['a.ts → b.ts', 'b.ts → c.ts', 'c.ts → a.ts', 'd.ts → d.ts']);
  expect(
    circular([
      { source: 'a.ts', targets: ['b.ts'] },
      { source: 'b.ts', targets: [] },
    ]),
  ).toEqual([]);
});

test('the graph holds every kind of import TypeScript resolves, type-only and require() included', () => {
  const graph = importGraph([
    'lib/runtime/exchange.ts',
    'lib/cli/commands/new.ts',
    'scripts/tsconfig.ts',
  ]);
  const targets = (source: string): string[] =>
    graph.find((module) => module.source === source)?.dependencies.map((d) => d.resolved) ?? [];
  // `import type { Scope } from './iml'` and a plain import.
  expect(targets('lib/runtime/exchange.ts')).toEqual(
    expect.arrayContaining(['lib/runtime/iml.ts', 'lib/runtime/http.ts']),
  );
  // `require('../scaffold') as typeof import('../scaffold')`: loaded lazily, still a dependency.
  expect(targets('lib/cli/commands/new.ts')).toContain('lib/cli/scaffold.ts');
  // Packages and Node's modules are outside the rule.
  expect(targets('scripts/tsconfig.ts')).toEqual([]);
});

// The import rule of `npm test` (scripts/check-imports.ts) on small hand-made graphs: each kind of
// problem is reported, and a graph that follows the layers passes.
import { folderOf, importProblems } from '../../scripts/check-imports';

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

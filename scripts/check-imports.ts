// `npm run check:imports` (part of `npm test`): the import structure stays as ARCHITECTURE.md draws
// it. Fails on any import cycle between files, on any cycle between folders, and on any import
// that goes up the layers below (the engine never imports the app, the compiler never imports the
// validator, …), and on an import of another lib/ folder's file other than its index.ts (a
// folder's public API). Type-only imports count: they tie modules together just the same.
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * The layers, lowest first. A folder may import its own files and any folder of a lower layer,
 * never one of its own layer or above. `lib` alone is lib/define.ts.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['lib/shared', 'lib/types'],
  ['lib', 'lib/iml', 'lib/compile', 'lib/simulator', 'lib/record'],
  ['lib/validate'],
  ['lib/runtime'],
  ['lib/harness', 'lib/deploy'],
  ['lib/docs', 'lib/studio'],
  ['lib/cli'],
  ['connections', 'modules'],
  ['app'],
  ['scripts'],
];

const RANK = new Map<string, number>(
  LAYERS.flatMap((folders, rank) => folders.map((folder) => [folder, rank] as const)),
);

/** `lib/runtime/http.ts` → `lib/runtime`; `lib/define.ts` → `lib`; `app/base.ts` → `app`. */
export function folderOf(file: string): string {
  const inLib = /^(lib\/[^/]+)\//.exec(file);
  if (inLib?.[1]) return inLib[1];
  return file.split('/')[0] ?? file;
}

/** `lib/runtime/index.ts` for `lib/runtime`; `lib/define.ts` is the `lib` folder's only file. */
function isFolderIndex(file: string, folder: string): boolean {
  return folder === 'lib' || file === `${folder}/index.ts`;
}

interface Cruised {
  source: string;
  dependencies: Array<{ resolved: string; circular: boolean; coreModule: boolean }>;
}

/** Every problem of the import graph, one line each (empty when it is as drawn). */
export function importProblems(modules: readonly Cruised[]): string[] {
  const problems: string[] = [];
  const folderEdges = new Map<string, Set<string>>();
  for (const module of modules) {
    for (const dependency of module.dependencies) {
      if (dependency.coreModule || !/\.tsx?$/.test(dependency.resolved)) continue;
      if (dependency.resolved.startsWith('node_modules/')) continue;
      if (dependency.circular) {
        problems.push(`in an import cycle: ${module.source} → ${dependency.resolved}`);
      }
      const from = folderOf(module.source);
      const to = folderOf(dependency.resolved);
      if (from === to) continue;
      const edges = folderEdges.get(from) ?? new Set<string>();
      edges.add(to);
      folderEdges.set(from, edges);
      if (to.startsWith('lib/') && !isFolderIndex(dependency.resolved, to)) {
        problems.push(
          `not through the folder's index.ts: ${module.source} imports ${dependency.resolved} (import ${to}, and export what is needed from ${to}/index.ts)`,
        );
      }
      const fromRank = RANK.get(from);
      const toRank = RANK.get(to);
      if (fromRank === undefined || toRank === undefined) {
        problems.push(
          `unknown folder: ${module.source} → ${dependency.resolved} (add ${fromRank === undefined ? from : to} to LAYERS in scripts/check-imports.ts)`,
        );
      } else if (toRank >= fromRank) {
        problems.push(
          `wrong direction: ${module.source} imports ${dependency.resolved} (${from} may only import layers below it)`,
        );
      }
    }
  }
  for (const cycle of folderCycles(folderEdges)) problems.push(`folder cycle: ${cycle}`);
  return [...new Set(problems)];
}

/** Each cycle of the folder graph, as `a → b → a`. */
function folderCycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

async function main(): Promise<void> {
  const { cruise } = (await import('dependency-cruiser')) as typeof import('dependency-cruiser');
  process.chdir(ROOT);
  const result = await cruise(['lib', 'app', 'connections', 'modules', 'scripts'], {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  });
  const output = result.output;
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, not modules');
  const problems = importProblems(output.modules as unknown as Cruised[]);
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.length} import problem(s) (see the layers in scripts/check-imports.ts):\n${problems
        .map((problem) => `  ${problem}`)
        .join('\n')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`imports follow the layers (${output.modules.length} files, no cycle)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}

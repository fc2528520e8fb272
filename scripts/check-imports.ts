// `npm run check:imports` (part of `npm test`): the import structure stays as ARCHITECTURE.md draws
// it. Fails on any import cycle between files, on any cycle between folders, and on any import
// that goes up the layers below (the engine never imports the app, the compiler never imports the
// validator, …), and on an import of another lib/ folder's file other than its index.ts (a
// folder's public API). Type-only imports count: they tie modules together just the same.
//
// The graph comes from TypeScript itself: `ts.preProcessFile` lists every module a file names
// (imports, exports from, `require`, `import()` in code and types) without type-checking, and
// `ts.resolveModuleName` resolves each name as the compiler does. The gate takes about 2 s, tsx's
// start-up included, where dependency-cruiser's took about 5.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { readTsconfig } from './tsconfig';

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

/** The folders whose files the rule covers. */
const ROOTS = ['lib', 'app', 'connections', 'modules', 'scripts'];

/** Every TypeScript file under `dir`, relative to ROOT with forward slashes. */
function typescriptFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) typescriptFiles(relative, found);
    else if (/\.tsx?$/.test(entry.name)) found.push(relative);
  }
  return found;
}

/** The import graph of `files`: each file's resolved dependencies inside the project. */
export function importGraph(files: readonly string[]): Cruised[] {
  // Module resolution follows tsconfig.json's compiler options.
  const { options } = readTsconfig();
  const modules = files.map((source) => {
    const text = fs.readFileSync(path.join(ROOT, source), 'utf8');
    const named = ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
    const resolved = new Set<string>();
    for (const name of named) {
      const target = ts.resolveModuleName(name, path.join(ROOT, source), options, ts.sys)
        .resolvedModule?.resolvedFileName;
      if (target === undefined) continue;
      const relative = path.relative(ROOT, target).split(path.sep).join('/');
      // Packages and Node's own modules are outside the rule.
      if (relative.startsWith('..') || relative.startsWith('node_modules/')) continue;
      resolved.add(relative);
    }
    return { source, targets: [...resolved] };
  });
  return markCycles(modules);
}

/**
 * Marks each dependency that lies on a cycle: the two files are in one strongly connected
 * component of the graph (Tarjan's algorithm), or a file imports itself.
 */
export function markCycles(
  modules: readonly { source: string; targets: readonly string[] }[],
): Cruised[] {
  const edges = new Map(modules.map((module) => [module.source, module.targets]));
  const component = new Map<string, number>();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const id = index.get(node) as number;
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.set(member, id);
        if (member === node) break;
      }
    }
  };
  for (const module of modules) if (!index.has(module.source)) visit(module.source);
  return modules.map(({ source, targets }) => ({
    source,
    dependencies: targets.map((resolved) => ({
      resolved,
      circular:
        resolved === source ||
        (component.has(resolved) && component.get(resolved) === component.get(source)),
      coreModule: false,
    })),
  }));
}

function main(): void {
  const modules = importGraph(ROOTS.flatMap((root) => typescriptFiles(root)));
  const problems = importProblems(modules);
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.length} import problem(s) (see the layers in scripts/check-imports.ts):\n${problems
        .map((problem) => `  ${problem}`)
        .join('\n')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`imports follow the layers (${modules.length} files, no cycle)\n`);
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

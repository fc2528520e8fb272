// Helpers for validator tests: broken copies of the complete fixture app, edited by path (the
// edits are things the types would rightly refuse, so they go through `unknown`).
import type { App } from '../../lib/types';
import complete from '../fixtures/apps/complete';

type Path = ReadonlyArray<string | number>;

function container(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root;
  for (const token of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[token];
    if (typeof node !== 'object' || node === null)
      throw new Error(`no container at ${path.join('/')}`);
  }
  return node as Record<string | number, unknown>;
}

function last(path: Path): string | number {
  const key = path[path.length - 1];
  if (key === undefined) throw new Error('empty path');
  return key;
}

export interface Editor {
  get(path: Path): unknown;
  set(path: Path, value: unknown): void;
  remove(path: Path): void;
  /** Renames the last key of `path`, keeping its value. */
  rename(path: Path, to: string): void;
  push(path: Path, value: unknown): void;
}

/** A deep copy of the complete fixture with `edit` applied. */
export function brokenApp(edit: (e: Editor) => void): App {
  const app: unknown = structuredClone(complete);
  const editor: Editor = {
    get: (path) => container(app, [...path, '']) as unknown,
    set: (path, value) => {
      container(app, path)[last(path)] = value;
    },
    remove: (path) => {
      const parent = container(app, path);
      if (Array.isArray(parent)) parent.splice(Number(last(path)), 1);
      else delete parent[last(path)];
    },
    rename: (path, to) => {
      const parent = container(app, path);
      parent[to] = parent[last(path)];
      delete parent[last(path)];
    },
    push: (path, value) => {
      const list = container(app, [...path, '']);
      if (!Array.isArray(list)) throw new Error(`not an array at ${path.join('/')}`);
      list.push(value);
    },
  };
  edit(editor);
  return app as App;
}

/** The location and rule of each issue (what the broken-definition table pins). */
export function where(
  issues: ReadonlyArray<{ component: string; file: string; pointer: string; rule: string }>,
): Array<{ component: string; file: string; pointer: string; rule: string }> {
  return issues.map(({ component, file, pointer, rule }) => ({ component, file, pointer, rule }));
}

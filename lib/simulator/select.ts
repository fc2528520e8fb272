// Custom response (reference §3.4): `?select=a,b.c,list.d` keeps only those attributes. On a
// paginated endpoint the selectors apply to the objects inside `items`; through arrays they apply
// to every element. Hotmart answers an unknown selector with an empty JSON object; the simulator
// answers `{}` when no selector names an attribute the response has, and drops unknown selectors
// when at least one is known (the documentation does not say what a mix does).

import { isPlainObject } from '../shared';

type SelectorTree = Map<string, SelectorTree | true>;

function buildTree(selectors: readonly string[]): SelectorTree {
  const root: SelectorTree = new Map();
  for (const selector of selectors) {
    let node = root;
    const parts = selector.split('.');
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const existing = node.get(part);
      if (last || existing === true) {
        node.set(part, true);
        return;
      }
      const child: SelectorTree = existing ?? new Map<string, SelectorTree | true>();
      node.set(part, child);
      node = child;
    });
  }
  return root;
}

function project(value: unknown, tree: SelectorTree | true): unknown {
  if (tree === true) return value;
  if (Array.isArray(value)) return value.map((element) => project(element, tree));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, subtree] of tree) {
    if (Object.hasOwn(value, key)) out[key] = project(value[key], subtree);
  }
  return out;
}

export function parseSelect(query: URLSearchParams): string[] | undefined {
  const raw = query.getAll('select').join(',');
  const selectors = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part.split('.').every((segment) => segment !== ''));
  return selectors.length === 0 ? undefined : selectors;
}

/**
 * Applies selectors to `targets` (the objects the selectors address). Returns undefined when no
 * selector is known, which the caller turns into `{}`.
 */
function selectTargets(
  targets: readonly unknown[],
  selectors: readonly string[],
): unknown[] | undefined {
  const known = selectors.filter((selector) => {
    const head = selector.split('.')[0] ?? '';
    return targets.some((target) => isPlainObject(target) && Object.hasOwn(target, head));
  });
  if (known.length === 0 && targets.length > 0) return undefined;
  const tree = buildTree(known);
  return targets.map((target) => project(target, tree));
}

/** A single object or a bare array (purchases): selectors address it, or each element. */
export function applySelect(value: unknown, selectors: readonly string[]): unknown {
  if (Array.isArray(value)) return selectTargets(value, selectors) ?? {};
  const selected = selectTargets([value], selectors);
  return selected === undefined ? {} : selected[0];
}

/** A paginated envelope: selectors address the objects inside `items`; `page_info` is kept. */
export function applySelectToPage<P extends { items: unknown[] }>(
  page: P,
  selectors: readonly string[],
): P | Record<string, never> {
  const items = selectTargets(page.items, selectors);
  return items === undefined ? {} : { ...page, items };
}

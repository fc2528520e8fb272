// Static analysis for the validator: which variable paths does a template read? For every
// `{{…}}` in a deep JSON value, each path is its root plus the static `.key` steps up to the
// first bracket (an index is data-dependent). Paths inside brackets and call arguments count too.

import type { ExpressionNode } from './ast';
import { ImlError } from './errors';
import { IML_LIMITS } from './limits';
import { parseTemplateSource } from './parser';
import { isPlainObject } from './values';

/**
 * Every variable path read by the templates in `template`, deduplicated, in first-seen order.
 * Strings that do not parse are skipped (report them with parseTemplate).
 */
export function referencedPaths(template: unknown): string[][] {
  const found = new Map<string, string[]>();
  walkValue(template, found, 0);
  return [...found.values()];
}

function walkValue(value: unknown, found: Map<string, string[]>, depth: number): void {
  if (depth > IML_LIMITS.maxValueDepth) return;
  if (typeof value === 'string') {
    if (!value.includes('{{')) return;
    try {
      for (const part of parseTemplateSource(value).parts) {
        if (part.kind === 'expression') walkExpression(part.expression, found);
      }
    } catch (error) {
      if (!(error instanceof ImlError)) throw error;
    }
  } else if (Array.isArray(value)) {
    for (const item of value as unknown[]) walkValue(item, found, depth + 1);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) walkValue(value[key], found, depth + 1);
  }
}

function walkExpression(node: ExpressionNode, found: Map<string, string[]>): void {
  switch (node.kind) {
    case 'variable':
    case 'member':
    case 'index':
      walkChain(node, found);
      return;
    case 'call':
      for (const arg of node.args) walkExpression(arg, found);
      return;
    case 'unary':
      walkExpression(node.operand, found);
      return;
    case 'binary':
    case 'logical':
      walkExpression(node.left, found);
      walkExpression(node.right, found);
      return;
    case 'object':
      for (const entry of node.entries) walkExpression(entry.value, found);
      return;
    default:
      return;
  }
}

function walkChain(node: ExpressionNode, found: Map<string, string[]>): void {
  // Unroll root → … → node.
  const chain: ExpressionNode[] = [];
  let current: ExpressionNode = node;
  while (current.kind === 'member' || current.kind === 'index') {
    chain.unshift(current);
    current = current.object;
  }
  if (current.kind === 'variable') {
    const path = [current.name];
    for (const link of chain) {
      if (link.kind !== 'member') break;
      path.push(link.key);
    }
    const id = JSON.stringify(path);
    if (!found.has(id)) found.set(id, path);
  } else {
    walkExpression(current, found);
  }
  for (const link of chain) {
    if (link.kind === 'index' && link.index !== null) walkExpression(link.index, found);
  }
}

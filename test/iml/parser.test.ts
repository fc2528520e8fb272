// Internals the case suite cannot see: the tree shape (precedence, associativity) and offsets.
import type { ExpressionNode } from '../../lib/iml';
import { parseTemplateSource } from '../../lib/iml/parser';
import { scanTemplate } from '../../lib/iml/tokenizer';

/** A compact S-expression of a tree, to compare shapes without offsets. */
function shape(node: ExpressionNode): string {
  switch (node.kind) {
    case 'literal':
      return JSON.stringify(node.value) ?? 'undefined';
    case 'keyword':
    case 'variable':
      return node.name;
    case 'member':
      return `${shape(node.object)}.${node.key}`;
    case 'index':
      return `${shape(node.object)}[${node.index === null ? '' : shape(node.index)}]`;
    case 'call':
      return `${node.name}(${node.args.map(shape).join(' ')})`;
    case 'unary':
      return `(${node.operator} ${shape(node.operand)})`;
    case 'object':
      return `{${node.entries.map((entry) => `${entry.key}: ${shape(entry.value)}`).join(', ')}}`;
    default:
      return `(${node.operator} ${shape(node.left)} ${shape(node.right)})`;
  }
}

function tree(source: string): string {
  const { lone } = parseTemplateSource(source);
  if (lone === null) throw new Error('not a lone expression');
  return shape(lone);
}

const cases: Array<{ source: string; expected: string }> = [
  { source: '{{1 + 2 * 3}}', expected: '(+ 1 (* 2 3))' },
  { source: '{{1 - 2 - 3}}', expected: '(- (- 1 2) 3)' },
  { source: '{{a || b && c}}', expected: '(|| a (&& b c))' },
  { source: '{{a = b < c}}', expected: '(= a (< b c))' },
  { source: '{{!a = b}}', expected: '(= (! a) b)' },
  { source: '{{-a.b[1]}}', expected: '(- a.b[1])' },
  { source: '{{x[]. `y z`}}', expected: 'x[].y z' },
  { source: '{{f(a, g(b), 1)}}', expected: 'f(a g(b) 1)' },
  { source: '{{(a + b) * c}}', expected: '(* (+ a b) c)' },
  { source: '{{now + timestamp}}', expected: '(+ now timestamp)' },
  { source: '{{a.true.null.1}}', expected: 'a.true.null.1' },
  { source: '{{undefined}}', expected: 'undefined' },
];

test.each(cases)('$source parses as $expected', ({ source, expected }) => {
  expect(tree(source)).toBe(expected);
});

test('nodes carry offsets into the whole template', () => {
  const ast = parseTemplateSource('ab {{ x.y + 1 }}');
  const part = ast.parts[1];
  expect(part).toMatchObject({ kind: 'expression', start: 3, end: 16 });
  if (part?.kind !== 'expression') throw new Error('expected an expression part');
  expect(part.expression).toMatchObject({ kind: 'binary', start: 6, end: 13 });
});

test('the scanner keeps text between expressions and ignores }} inside strings', () => {
  expect(scanTemplate("a{{'}}'}}b{{c}}").map((s) => s.kind)).toEqual([
    'text',
    'expression',
    'text',
    'expression',
  ]);
});

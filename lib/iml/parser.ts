// Recursive-descent parser from tokens to the AST in ast.ts. Precedence, loosest first:
//   ||   &&   = == === != !==   < <= > >=   + -   * / %   unary ! - +   postfix . [ ]   primary
// All binary operators are left-associative. The parser only checks syntax; function names and
// argument counts are checked when the tree is compiled (compile.ts).
//
// Depth is bounded twice. `enter` counts the recursive productions (parentheses, call arguments,
// `[index]`, unary operators) top-down, so runaway nesting fails with IML_LIMIT before the
// JavaScript stack runs out; `node` measures the finished tree bottom-up, which also bounds the
// iterative shapes (left-deep `1+1+…` chains, long `.a.b…` paths). Nesting n levels deep gives a
// tree at least n + 1 deep, so the top-down check never rejects a tree the bottom-up one accepts.

import type {
  BinaryOperator,
  ExpressionNode,
  ExpressionPart,
  TemplateAst,
  TemplatePart,
  UnaryOperator,
} from './ast';
import { ImlLimitError, ImlSyntaxError } from './errors';
import { IML_LIMITS } from './limits';
import { scanTemplate, type Token } from './tokenizer';

const LITERAL_KEYWORDS: ReadonlyMap<string, boolean | null | undefined> = new Map<
  string,
  boolean | null | undefined
>([
  ['true', true],
  ['false', false],
  ['null', null],
  ['undefined', undefined],
]);
const DYNAMIC_KEYWORDS = new Set(['now', 'timestamp', 'uuid', 'emptyarray']);

const LEVELS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['=', '==', '===', '!=', '!==']),
  new Set(['<', '<=', '>', '>=']),
  new Set(['+', '-']),
  new Set(['*', '/', '%']),
];

/** Parses a template string (text with any number of `{{ … }}`). Syntax only. */
export function parseTemplateSource(source: string): TemplateAst {
  const parts: TemplatePart[] = [];
  for (const segment of scanTemplate(source)) {
    if (segment.kind === 'text') {
      parts.push(segment);
      continue;
    }
    const parser = new Parser(source, segment.tokens, segment.start, segment.end);
    parts.push({
      kind: 'expression',
      expression: parser.parseWhole(),
      start: segment.start,
      end: segment.end,
    });
  }
  return { source, parts, lone: loneExpression(parts) };
}

// A string that is one expression plus only whitespace around it keeps the expression's type.
function loneExpression(parts: readonly TemplatePart[]): ExpressionNode | null {
  let found: ExpressionPart | null = null;
  for (const part of parts) {
    if (part.kind === 'text') {
      if (part.value.trim() !== '') return null;
    } else {
      if (found !== null) return null;
      found = part;
    }
  }
  return found === null ? null : found.expression;
}

class Parser {
  private index = 0;
  /** Recursive productions currently open (see `enter`). */
  private nesting = 0;
  private readonly depthOf = new WeakMap<ExpressionNode, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly open: number,
    private readonly close: number,
  ) {}

  parseWhole(): ExpressionNode {
    if (this.tokens.length === 0) throw this.error('Empty expression', this.open);
    const node = this.parseOr();
    const extra = this.peek();
    if (extra !== undefined) throw this.error(`Unexpected ${describe(extra)}`, extra.start);
    return node;
  }

  // --- binary levels ---------------------------------------------------------------------

  private parseOr(): ExpressionNode {
    let left = this.parseAnd();
    while (this.isOperator('||')) {
      this.index += 1;
      const right = this.parseAnd();
      left = this.node(
        { kind: 'logical', operator: '||', left, right, start: left.start, end: right.end },
        left,
        right,
      );
    }
    return left;
  }

  private parseAnd(): ExpressionNode {
    let left = this.parseLevel(0);
    while (this.isOperator('&&')) {
      this.index += 1;
      const right = this.parseLevel(0);
      left = this.node(
        { kind: 'logical', operator: '&&', left, right, start: left.start, end: right.end },
        left,
        right,
      );
    }
    return left;
  }

  private parseLevel(level: number): ExpressionNode {
    const operators = LEVELS[level];
    if (operators === undefined) return this.parseUnary();
    let left = this.parseLevel(level + 1);
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type !== 'operator' || !operators.has(token.value)) break;
      this.index += 1;
      const right = this.parseLevel(level + 1);
      const operator = token.value as BinaryOperator;
      left = this.node(
        { kind: 'binary', operator, left, right, start: left.start, end: right.end },
        left,
        right,
      );
    }
    return left;
  }

  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (
      token !== undefined &&
      token.type === 'operator' &&
      (token.value === '!' || token.value === '-' || token.value === '+')
    ) {
      this.index += 1;
      this.enter(token.start);
      const operand = this.parseUnary();
      this.nesting -= 1;
      const operator = token.value as UnaryOperator;
      return this.node(
        { kind: 'unary', operator, operand, start: token.start, end: operand.end },
        operand,
      );
    }
    return this.parsePostfix();
  }

  // --- paths -------------------------------------------------------------------------------

  private parsePostfix(): ExpressionNode {
    let node = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type !== 'punctuation') return node;
      if (token.value === '.') {
        this.index += 1;
        const key = this.next("a key after '.'");
        if (key.type !== 'name' && key.type !== 'quoted') {
          throw this.error(`Expected a key after '.', found ${describe(key)}`, key.start);
        }
        node = this.node(
          { kind: 'member', object: node, key: key.value, start: node.start, end: key.end },
          node,
        );
      } else if (token.value === '[') {
        this.index += 1;
        let index: ExpressionNode | null = null;
        if (!this.isPunctuation(']')) {
          this.enter(token.start);
          index = this.parseOr();
          this.nesting -= 1;
        }
        const close = this.expectPunctuation(']');
        node =
          index === null
            ? this.node(
                { kind: 'index', object: node, index, start: node.start, end: close.end },
                node,
              )
            : this.node(
                { kind: 'index', object: node, index, start: node.start, end: close.end },
                node,
                index,
              );
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next('an expression');
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: Number(token.value), start: token.start, end: token.end };
      case 'string':
        return { kind: 'literal', value: token.value, start: token.start, end: token.end };
      case 'quoted':
        // A backtick key at the root: `X-Header` names a context variable.
        return { kind: 'variable', name: token.value, start: token.start, end: token.end };
      case 'name':
        return this.parseName(token);
      case 'punctuation':
        if (token.value === '(') {
          this.enter(token.start);
          const inner = this.parseOr();
          this.nesting -= 1;
          const close = this.expectPunctuation(')');
          // Keep the inner node (positions of the parenthesised text are not needed) but count
          // the nesting so deep parentheses still hit the depth limit.
          return this.node({ ...inner, start: token.start, end: close.end }, inner);
        }
        if (token.value === '{') return this.parseObject(token);
        throw this.error(`Unexpected ${describe(token)}`, token.start);
      default:
        throw this.error(`Unexpected ${describe(token)}`, token.start);
    }
  }

  /**
   * `{key: value, …}` after its `{`: keys are names, quoted strings or numbers (as in
   * JavaScript), values any expression; `{}` is an empty object.
   */
  private parseObject(open: Token): ExpressionNode {
    this.enter(open.start);
    const entries: Array<{ key: string; value: ExpressionNode }> = [];
    if (!this.isPunctuation('}')) {
      for (;;) {
        const key = this.next('an object key');
        if (key.type !== 'name' && key.type !== 'string' && key.type !== 'number') {
          throw this.error(`Expected an object key, found ${describe(key)}`, key.start);
        }
        this.expectPunctuation(':');
        entries.push({ key: key.value, value: this.parseOr() });
        if (!this.isPunctuation(',')) break;
        this.index += 1;
      }
    }
    this.nesting -= 1;
    const close = this.expectPunctuation('}');
    return this.node(
      { kind: 'object', entries, start: open.start, end: close.end },
      ...entries.map((entry) => entry.value),
    );
  }

  private parseName(token: Token): ExpressionNode {
    if (this.isPunctuation('(')) {
      this.index += 1;
      const args: ExpressionNode[] = [];
      if (!this.isPunctuation(')')) {
        this.enter(token.start);
        for (;;) {
          args.push(this.parseOr());
          if (!this.isPunctuation(',')) break;
          this.index += 1;
        }
        this.nesting -= 1;
      }
      const close = this.expectPunctuation(')');
      return this.node(
        { kind: 'call', name: token.value, args, start: token.start, end: close.end },
        ...args,
      );
    }
    if (LITERAL_KEYWORDS.has(token.value)) {
      const value = LITERAL_KEYWORDS.get(token.value);
      return { kind: 'literal', value, start: token.start, end: token.end };
    }
    if (DYNAMIC_KEYWORDS.has(token.value)) {
      const name = token.value as 'now' | 'timestamp' | 'uuid' | 'emptyarray';
      return { kind: 'keyword', name, start: token.start, end: token.end };
    }
    return { kind: 'variable', name: token.value, start: token.start, end: token.end };
  }

  // --- helpers -----------------------------------------------------------------------------

  /**
   * Opens one recursive production; throws IML_LIMIT past maxExpressionDepth while the stack is
   * still shallow. Callers decrement `nesting` when the production closes; an error abandons the
   * whole parser, so there is nothing to unwind.
   */
  private enter(offset: number): void {
    this.nesting += 1;
    if (this.nesting > IML_LIMITS.maxExpressionDepth) throw this.depthError(offset);
  }

  private depthError(offset: number): ImlLimitError {
    return new ImlLimitError(
      `Expression nesting exceeds the limit of ${IML_LIMITS.maxExpressionDepth}`,
      { template: this.source, offset },
    );
  }

  /** Registers a composite node's depth; throws IML_LIMIT past maxExpressionDepth. */
  private node<T extends ExpressionNode>(node: T, ...children: ExpressionNode[]): T {
    let depth = 0;
    for (const child of children) depth = Math.max(depth, this.depthOf.get(child) ?? 1);
    depth += 1;
    if (depth > IML_LIMITS.maxExpressionDepth) throw this.depthError(node.start);
    this.depthOf.set(node, depth);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index];
    if (token === undefined) throw this.error(`Expected ${expected}, found '}}'`, this.close - 2);
    this.index += 1;
    return token;
  }

  private isOperator(value: string): boolean {
    const token = this.peek();
    return token !== undefined && token.type === 'operator' && token.value === value;
  }

  private isPunctuation(value: string): boolean {
    const token = this.peek();
    return token !== undefined && token.type === 'punctuation' && token.value === value;
  }

  private expectPunctuation(value: string): Token {
    const token = this.peek();
    if (token === undefined) {
      throw this.error(`Expected '${value}', found '}}'`, this.close - 2);
    }
    if (token.type !== 'punctuation' || token.value !== value) {
      throw this.error(`Expected '${value}', found ${describe(token)}`, token.start);
    }
    this.index += 1;
    return token;
  }

  private error(detail: string, offset: number): ImlSyntaxError {
    return new ImlSyntaxError(detail, { template: this.source, offset });
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'string':
      return 'string';
    case 'number':
      return `number ${token.value}`;
    case 'quoted':
      return `key \`${token.value}\``;
    default:
      return `'${token.value}'`;
  }
}

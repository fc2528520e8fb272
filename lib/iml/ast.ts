// The IML abstract syntax tree. Every node carries `start`/`end` character offsets into the whole
// template string, so errors raised while compiling or evaluating can point at the right place.

export type BinaryOperator =
  '+' | '-' | '*' | '/' | '%' | '=' | '==' | '===' | '!=' | '!==' | '<' | '<=' | '>' | '>=';

export type LogicalOperator = '&&' | '||';

export type UnaryOperator = '!' | '-' | '+';

/** Keywords whose value depends on the evaluation (clock, randomness, a fresh array). */
type DynamicKeyword = 'now' | 'timestamp' | 'uuid' | 'emptyarray';

interface NodeBase {
  readonly start: number;
  readonly end: number;
}

/** A constant: string, number, `true`, `false`, `null` or `undefined`. */
interface LiteralNode extends NodeBase {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null | undefined;
}

interface KeywordNode extends NodeBase {
  readonly kind: 'keyword';
  readonly name: DynamicKeyword;
}

/** The root of a path: a top-level key of the evaluation context. */
interface VariableNode extends NodeBase {
  readonly kind: 'variable';
  readonly name: string;
}

/** `object.key` or ``object.`key with spaces` ``. */
interface MemberNode extends NodeBase {
  readonly kind: 'member';
  readonly object: ExpressionNode;
  readonly key: string;
}

/** `object[index]` (1-based for arrays, `[-1]` last) or `object[]` (first item, index null). */
interface IndexNode extends NodeBase {
  readonly kind: 'index';
  readonly object: ExpressionNode;
  readonly index: ExpressionNode | null;
}

interface CallNode extends NodeBase {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly ExpressionNode[];
}

interface UnaryNode extends NodeBase {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: ExpressionNode;
}

interface BinaryNode extends NodeBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

/** `{key: value, 'other key': value}`: an object built from its entries, in order. */
interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly entries: ReadonlyArray<{ readonly key: string; readonly value: ExpressionNode }>;
}

/** `&&` and `||` are separate from BinaryNode because they short-circuit. */
interface LogicalNode extends NodeBase {
  readonly kind: 'logical';
  readonly operator: LogicalOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

export type ExpressionNode =
  | LiteralNode
  | KeywordNode
  | VariableNode
  | MemberNode
  | IndexNode
  | CallNode
  | UnaryNode
  | BinaryNode
  | LogicalNode
  | ObjectNode;

/** Literal text between expressions. */
interface TextPart {
  readonly kind: 'text';
  readonly value: string;
  readonly start: number;
}

/** One `{{ … }}`; `start`/`end` cover the braces. */
export interface ExpressionPart {
  readonly kind: 'expression';
  readonly expression: ExpressionNode;
  readonly start: number;
  readonly end: number;
}

export type TemplatePart = TextPart | ExpressionPart;

/** A parsed template string. `lone` is set when the string is exactly one expression
 *  (surrounding whitespace allowed): its value keeps its type instead of becoming text. */
export interface TemplateAst {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  readonly lone: ExpressionNode | null;
}

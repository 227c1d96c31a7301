/**
 * The syntax tree of an Alloy configuration file (the language once called River). Every node carries where it
 * starts and where it ends: 1-based line and column, column counted in UTF-16 code units (what editors show),
 * plus the 0-based character offset. `end` is exclusive: the position just after the node's last character.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

interface NodeBase {
  readonly start: Position;
  readonly end: Position;
}

export interface AlloyComment extends NodeBase {
  /** The comment text including its `//` or `/* … *\/` markers. */
  readonly text: string;
}

export interface AlloyFile extends NodeBase {
  readonly kind: 'file';
  /** The file name used in every message, as given to the parser. */
  readonly file: string;
  readonly body: readonly Statement[];
  readonly comments: readonly AlloyComment[];
}

export type Statement = Block | Attribute;

/** `name { … }`, `a.b.c "label" { … }`. */
export interface Block extends NodeBase {
  readonly kind: 'block';
  /** The dotted name, e.g. `prometheus.scrape`. */
  readonly name: string;
  readonly nameParts: readonly string[];
  /** The label without its quotes; undefined when the block has none. */
  readonly label?: string;
  readonly labelStart?: Position;
  readonly body: readonly Statement[];
}

/** `name = expression`. */
export interface Attribute extends NodeBase {
  readonly kind: 'attribute';
  readonly name: string;
  readonly value: Expression;
}

export type Expression =
  | StringLiteral
  | NumberLiteral
  | BoolLiteral
  | NullLiteral
  | ArrayExpression
  | ObjectExpression
  | IdentifierExpression
  | AccessExpression
  | IndexExpression
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | ParenExpression;

export interface StringLiteral extends NodeBase {
  readonly kind: 'string';
  /** The decoded value (escapes applied for double-quoted strings, verbatim for raw strings). */
  readonly value: string;
  /** `"` for an ordinary string, `` ` `` for a raw string. */
  readonly quote: '"' | '`';
}

export interface NumberLiteral extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
  /** The source text, e.g. `1e3`. */
  readonly raw: string;
}

export interface BoolLiteral extends NodeBase {
  readonly kind: 'bool';
  readonly value: boolean;
}

export interface NullLiteral extends NodeBase {
  readonly kind: 'null';
}

export interface ArrayExpression extends NodeBase {
  readonly kind: 'array';
  readonly elements: readonly Expression[];
}

export interface ObjectField extends NodeBase {
  readonly kind: 'field';
  readonly name: string;
  /** The key was written as a string (`"quoted-key" = …`). */
  readonly quoted: boolean;
  readonly value: Expression;
}

export interface ObjectExpression extends NodeBase {
  readonly kind: 'object';
  readonly fields: readonly ObjectField[];
}

export interface IdentifierExpression extends NodeBase {
  readonly kind: 'identifier';
  readonly name: string;
}

/** `value.name`: field access, and the dotted parts of a component reference. */
export interface AccessExpression extends NodeBase {
  readonly kind: 'access';
  readonly object: Expression;
  readonly name: string;
  readonly nameStart: Position;
}

/** `value[index]`. */
export interface IndexExpression extends NodeBase {
  readonly kind: 'index';
  readonly object: Expression;
  readonly index: Expression;
}

/** `callee(arg, …)`, e.g. `sys.env("X")`. */
export interface CallExpression extends NodeBase {
  readonly kind: 'call';
  readonly callee: Expression;
  readonly args: readonly Expression[];
}

export type UnaryOperator = '!' | '-';

export interface UnaryExpression extends NodeBase {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expression;
}

export type BinaryOperator =
  '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '^';

export interface BinaryExpression extends NodeBase {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface ParenExpression extends NodeBase {
  readonly kind: 'paren';
  readonly inner: Expression;
}

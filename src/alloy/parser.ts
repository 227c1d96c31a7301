/**
 * Recursive-descent parser for the Alloy configuration language, following the grammar of Alloy's own parser:
 *
 *   File       = Body
 *   Body       = [ Statement { terminator Statement } ]
 *   Statement  = Attribute | Block
 *   Attribute  = identifier "=" Expression
 *   Block      = identifier { "." identifier } [ string ] "{" Body "}"
 *   Expression = OrExpr, with || < && < comparisons < + - < * / % < ^ (right-associative) < unary ! -
 *   Operand    = Primary { "." identifier | "[" Expression "]" | "(" [ List ] ")" }
 *   Primary    = identifier | string | number | bool | null | "(" Expression ")" | "[" [ List ] "]"
 *              | "{" [ Field { "," Field } [ "," ] ] "}"
 *
 * It keeps going after an error to report as many problems as it sensibly can; like Alloy, it reports at most
 * one parse error per line, since the second is usually a consequence of the first.
 */
import type {
  AlloyFile,
  Attribute,
  BinaryOperator,
  Block,
  Expression,
  ObjectField,
  Position,
  Statement,
} from './ast.ts';
import type { AlloyProblem, AlloyProblemCode } from './problem.ts';
import { AlloySyntaxError, problemAt, sortAlloyProblems } from './problem.ts';
import type { Punct, Token } from './tokenizer.ts';
import { tokenize } from './tokenizer.ts';

export interface AlloyParseResult {
  readonly ast: AlloyFile;
  /** Every syntax problem found, in reading order; empty when the file parses. */
  readonly problems: readonly AlloyProblem[];
}

const BINARY_PRECEDENCE: Readonly<Partial<Record<Punct, number>>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
  '%': 5,
};

const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** True when `text` is a valid Alloy identifier: letters, digits and `_`, not starting with a digit. */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text);
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'ident':
      return `identifier ${token.name}`;
    case 'string':
      return `string ${token.text.length > 30 ? `${token.text.slice(0, 27)}...` : token.text}`;
    case 'number':
      return `number ${token.text}`;
    case 'bool':
      return token.text;
    case 'null':
      return 'null';
    case 'punct':
      return `"${token.punct}"`;
    case 'terminator':
      return token.text === '' ? 'end of file' : 'end of line';
    case 'eof':
      return 'end of file';
    case 'illegal':
      return `character ${JSON.stringify(token.text)}`;
  }
}

function canStartExpression(token: Token): boolean {
  if (token.kind === 'punct') return ['(', '[', '{', '!', '-'].includes(token.punct);
  return (
    token.kind === 'ident' ||
    token.kind === 'string' ||
    token.kind === 'number' ||
    token.kind === 'bool' ||
    token.kind === 'null'
  );
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

class Parser {
  private index = 0;
  private lastErrorLine = 0;
  /** Closing braces that do not line up with their block: the best hint for a missing `}`. */
  private readonly misaligned: { readonly at: Position; readonly opener: Position }[] = [];
  private eofReported = false;

  /** Lines where the tokenizer already reported: a parse error there is a consequence, not news. */
  private readonly tokenErrorLines: ReadonlySet<number>;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly file: string,
    private readonly problems: AlloyProblem[],
  ) {
    this.tokenErrorLines = new Set(problems.map((p) => p.line));
  }

  /** The current token (a method, not a getter: TypeScript must not keep narrowings across next()). */
  private tok(): Token {
    return this.tokens[this.index] ?? this.last();
  }

  private last(): Token {
    const eof = this.tokens[this.tokens.length - 1];
    if (eof === undefined) throw new Error('the tokenizer always ends with an eof token');
    return eof;
  }

  /** The end of the previous token: where a missing `,` or `=` belongs. */
  private get prevEnd(): Position {
    return (this.tokens[this.index - 1] ?? this.tok()).end;
  }

  private next(): void {
    if (this.index < this.tokens.length - 1) this.index++;
  }

  private isPunct(p: Punct): boolean {
    const t = this.tok();
    return t.kind === 'punct' && t.punct === p;
  }

  private isEnd(): boolean {
    return this.tok().kind === 'eof';
  }

  private error(at: Position, code: AlloyProblemCode, problem: string, fix: string): void {
    if (at.line === this.lastErrorLine || this.tokenErrorLines.has(at.line)) return;
    this.lastErrorLine = at.line;
    this.problems.push(problemAt(this.file, at, code, problem, fix));
  }

  parseFile(): AlloyFile {
    const start = this.tok().start;
    const body = this.parseBody(undefined);
    return { kind: 'file', file: this.file, body, comments: [], start, end: this.tok().end };
  }

  /** Statements up to the closing `}` of `block` (not consumed), or to the end of the file at top level. */
  private parseBody(block: { readonly header: string; readonly start: Position } | undefined): Statement[] {
    const body: Statement[] = [];
    for (;;) {
      if (this.tok().kind === 'terminator') {
        this.next();
        continue;
      }
      if (this.isEnd()) return body;
      if (this.isPunct('}')) {
        if (block !== undefined) return body;
        this.error(
          this.tok().start,
          'stray-closing',
          'unexpected "}" with no block open',
          'Remove it, or add the block header it was meant to close',
        );
        this.next();
        continue;
      }
      const statement = this.parseStatement();
      // A statement that failed to parse has already been skipped, up to and including its line end.
      if (statement === undefined) continue;
      body.push(statement);
      const t = this.tok();
      if (t.kind === 'terminator') this.next();
      else if (t.kind === 'eof' || (t.kind === 'punct' && t.punct === '}')) continue;
      else {
        this.error(
          t.start,
          'missing-newline',
          `expected the end of the line after ${statement.kind === 'block' ? 'the block' : 'the attribute'}, got ${describe(t)}`,
          'Put each attribute and block on a line of its own',
        );
        this.skipStatement();
      }
    }
  }

  /** Skips to the end of the current statement, keeping brackets balanced; stops before an enclosing `}`. */
  private skipStatement(): void {
    const open: string[] = [];
    for (;;) {
      const t = this.tok();
      if (t.kind === 'eof') return;
      if (t.kind === 'terminator' && open.length === 0) {
        this.next();
        return;
      }
      if (t.kind === 'punct') {
        const closer = CLOSERS[t.punct];
        if (closer !== undefined) open.push(closer);
        else if (t.punct === ')' || t.punct === ']' || t.punct === '}') {
          if (open.length === 0 && t.punct === '}') return;
          if (open[open.length - 1] === t.punct) open.pop();
        }
      }
      this.next();
    }
  }

  private parseStatement(): Statement | undefined {
    const first = this.tok();
    if (first.kind !== 'ident') {
      this.error(
        first.start,
        'unexpected-token',
        `expected an attribute or block name, got ${describe(first)}`,
        'Start each statement with a name: `name = value` or `name "label" { … }`',
      );
      this.skipStatement();
      return undefined;
    }
    const start = first.start;
    const parts = [first.name];
    this.next();
    while (this.isPunct('.')) {
      this.next();
      const t = this.tok();
      if (t.kind !== 'ident') {
        this.error(
          t.start,
          'unexpected-token',
          `expected an identifier after "." in the name ${parts.join('.')}., got ${describe(t)}`,
          'Block names are identifiers separated by dots, e.g. prometheus.scrape',
        );
        this.skipStatement();
        return undefined;
      }
      parts.push(t.name);
      this.next();
    }
    const name = parts.join('.');

    let label: { readonly value: string; readonly start: Position } | undefined;
    const maybeLabel = this.tok();
    if (maybeLabel.kind === 'string') {
      label = { value: maybeLabel.value, start: maybeLabel.start };
      this.checkLabel(name, maybeLabel);
      this.next();
    }

    const t = this.tok();
    if (t.kind === 'punct' && t.punct === '=') {
      this.next();
      if (parts.length > 1) {
        this.error(
          start,
          'invalid-attribute-name',
          `attribute name ${name} contains "."`,
          'An attribute name is a single identifier; for a nested setting, write a block: ' +
            `${parts.slice(0, -1).join('.')} { ${parts[parts.length - 1] ?? ''} = … }`,
        );
      } else if (label !== undefined) {
        this.error(
          label.start,
          'invalid-attribute-name',
          `attribute ${name} has a label`,
          `Remove the label: write ${name} = …`,
        );
      }
      const value = this.parseExpression();
      const attribute: Attribute = { kind: 'attribute', name, value, start, end: value.end };
      return attribute;
    }
    if (t.kind === 'punct' && t.punct === '{') {
      const open = t.start;
      this.next();
      const header = label === undefined ? name : `${name} "${label.value}"`;
      const body = this.parseBody({ header, start });
      let end: Position;
      if (this.isPunct('}')) {
        const close = this.tok();
        if (close.start.line !== open.line && close.start.column !== start.column) {
          this.misaligned.push({ at: close.start, opener: start });
        }
        end = close.end;
        this.next();
      } else {
        end = this.tok().start;
        this.reportUnclosed(header, start);
      }
      const block: Block = {
        kind: 'block',
        name,
        nameParts: parts,
        ...(label === undefined ? {} : { label: label.value, labelStart: label.start }),
        body,
        start,
        end,
      };
      return block;
    }

    // Neither `=` nor `{`: say what was most likely meant.
    if (parts.length === 1 && label !== undefined) {
      this.error(
        label.start,
        'missing-assign',
        `missing "=" between ${name} and its value`,
        `Write ${name} = "${label.value}" for an attribute, or add a { … } body for a block`,
      );
    } else if (parts.length === 1 && canStartExpression(t)) {
      this.error(t.start, 'missing-assign', `missing "=" after ${name}`, `Write ${name} = …`);
    } else if (label !== undefined || parts.length > 1) {
      this.error(
        t.kind === 'terminator' ? this.prevEnd : t.start,
        'missing-brace',
        `expected "{" to open the body of block ${label === undefined ? name : `${name} "${label.value}"`}, got ${describe(t)}`,
        'Add { … } after the block header, on the same line',
      );
    } else {
      this.error(
        t.kind === 'terminator' ? this.prevEnd : t.start,
        'missing-assign',
        `expected "=" or "{" after ${name}, got ${describe(t)}`,
        `Write ${name} = … for an attribute or ${name} { … } for a block`,
      );
    }
    this.skipStatement();
    return undefined;
  }

  private checkLabel(name: string, label: Token & { readonly kind: 'string' }): void {
    if (label.quote === "'") {
      this.error(
        label.start,
        'invalid-label',
        `block label ${label.text} is single-quoted`,
        `Labels must be double-quoted: ${name} "${label.value}"`,
      );
    } else if (label.quote === '`') {
      this.error(
        label.start,
        'invalid-label',
        `block label ${label.text} is a raw string`,
        `Labels must be double-quoted: ${name} "${label.value}"`,
      );
    } else if (label.value !== '' && !isIdentifier(label.value)) {
      const suggestion = label.value.replace(/[^\p{L}\p{Nd}_]/gu, '_').replace(/^(\p{Nd})/u, '_$1');
      this.error(
        label.start,
        'invalid-label',
        `block label "${label.value}" is not a valid identifier`,
        `Use letters, digits and _ only, not starting with a digit, e.g. "${suggestion}"`,
      );
    }
  }

  private reportUnclosed(header: string, start: Position): void {
    if (this.eofReported) return;
    this.eofReported = true;
    const hint = this.misaligned.find((m) => m.at.offset > start.offset);
    const where =
      hint === undefined
        ? ''
        : ` (the "}" at ${hint.at.line}:${hint.at.column} does not line up with the block it closes, ` +
          `opened at ${hint.opener.line}:${hint.opener.column}; a "}" is probably missing before it)`;
    // Reported at the block header, not at the end of the file: that is where a person starts looking.
    this.lastErrorLine = 0;
    this.error(
      start,
      'unclosed',
      `block ${header} is not closed: the file ends before its "}"`,
      `Add the missing "}"${where}`,
    );
  }

  parseExpression(): Expression {
    return this.parseBinary(1);
  }

  private parseBinary(minPrecedence: number): Expression {
    let left = this.parsePower();
    for (;;) {
      const t = this.tok();
      if (t.kind !== 'punct') return left;
      const precedence = BINARY_PRECEDENCE[t.punct];
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.next();
      const right = this.parseBinary(precedence + 1);
      left = {
        kind: 'binary',
        operator: t.punct as BinaryOperator,
        left,
        right,
        start: left.start,
        end: right.end,
      };
    }
  }

  private parsePower(): Expression {
    const left = this.parseUnary();
    if (!this.isPunct('^')) return left;
    this.next();
    const right = this.parsePower();
    return { kind: 'binary', operator: '^', left, right, start: left.start, end: right.end };
  }

  private parseUnary(): Expression {
    const t = this.tok();
    if (t.kind === 'punct' && (t.punct === '!' || t.punct === '-')) {
      this.next();
      const operand = this.parseUnary();
      return { kind: 'unary', operator: t.punct, operand, start: t.start, end: operand.end };
    }
    let value = this.parsePrimary();
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const name = this.tok();
        if (name.kind !== 'ident') {
          this.error(
            name.start,
            'unexpected-token',
            `expected a field name after ".", got ${describe(name)}`,
            'Write the name of the export or field, e.g. .receiver',
          );
          return value;
        }
        this.next();
        value = {
          kind: 'access',
          object: value,
          name: name.name,
          nameStart: name.start,
          start: value.start,
          end: name.end,
        };
      } else if (this.isPunct('[')) {
        const open = this.tok().start;
        this.next();
        const index = this.parseExpression();
        const end = this.expectCloser(']', open, 'index');
        value = { kind: 'index', object: value, index, start: value.start, end };
      } else if (this.isPunct('(')) {
        const open = this.tok().start;
        this.next();
        const { items, end } = this.parseList(')', open, 'argument list');
        value = { kind: 'call', callee: value, args: items, start: value.start, end };
      } else return value;
    }
  }

  private expectCloser(closer: ']' | ')', open: Position, what: string): Position {
    if (this.isPunct(closer)) {
      const end = this.tok().end;
      this.next();
      return end;
    }
    this.error(
      this.tok().kind === 'terminator' ? this.prevEnd : this.tok().start,
      'unclosed',
      `expected "${closer}" to close the ${what} opened at ${open.line}:${open.column}, got ${describe(this.tok())}`,
      `Add "${closer}"`,
    );
    return this.prevEnd;
  }

  private parsePrimary(): Expression {
    const t = this.tok();
    switch (t.kind) {
      case 'ident':
        this.next();
        return { kind: 'identifier', name: t.name, start: t.start, end: t.end };
      case 'string':
        this.next();
        if (t.quote === "'") {
          this.error(
            t.start,
            'single-quoted-string',
            `single-quoted string ${t.text}`,
            `Use double quotes: "${t.value}"`,
          );
        }
        return {
          kind: 'string',
          value: t.value,
          quote: t.quote === '`' ? '`' : '"',
          start: t.start,
          end: t.end,
        };
      case 'number':
        this.next();
        return { kind: 'number', value: t.value, raw: t.text, start: t.start, end: t.end };
      case 'bool':
        this.next();
        return { kind: 'bool', value: t.value, start: t.start, end: t.end };
      case 'null':
        this.next();
        return { kind: 'null', start: t.start, end: t.end };
      case 'punct':
        if (t.punct === '(') {
          this.next();
          const inner = this.parseExpression();
          const end = this.expectCloser(')', t.start, 'parenthesis');
          return { kind: 'paren', inner, start: t.start, end };
        }
        if (t.punct === '[') {
          this.next();
          const { items, end } = this.parseList(']', t.start, 'list');
          return { kind: 'array', elements: items, start: t.start, end };
        }
        if (t.punct === '{') return this.parseObject();
        break;
      default:
        break;
    }
    this.error(
      t.kind === 'terminator' ? this.prevEnd : t.start,
      'expected-expression',
      `expected a value, got ${describe(t)}`,
      'Write a value: a string, number, bool, null, list, object, reference or function call',
    );
    // Skip what cannot start a value, up to something a caller can resynchronise on.
    const resync = [')', ']', '}', ','];
    for (let u = this.tok(); u.kind !== 'terminator' && u.kind !== 'eof'; u = this.tok()) {
      if (u.kind === 'punct' && resync.includes(u.punct)) break;
      this.next();
    }
    return { kind: 'null', start: t.start, end: t.start };
  }

  /** Comma-separated expressions up to `closer`; a newline before the closer needs a trailing comma. */
  private parseList(
    closer: ']' | ')',
    open: Position,
    what: string,
  ): { readonly items: Expression[]; readonly end: Position } {
    const items: Expression[] = [];
    for (;;) {
      const t = this.tok();
      if (t.kind === 'punct' && t.punct === closer) {
        this.next();
        return { items, end: t.end };
      }
      if (!this.continueList(items.length, open, closer, what)) return { items, end: this.prevEnd };
      items.push(this.parseExpression());
      if (!this.separate(closer, what)) return { items, end: this.prevEnd };
    }
  }

  /** Checks the list can go on (not at the end of the file or a mismatched closer); reports when it cannot. */
  private continueList(count: number, open: Position, closer: string, what: string): boolean {
    const t = this.tok();
    const mismatched = t.kind === 'punct' && [')', ']', '}'].includes(t.punct);
    if (t.kind !== 'eof' && !mismatched) return true;
    this.error(
      t.kind === 'eof' ? open : t.start,
      'unclosed',
      `the ${what} opened at ${open.line}:${open.column} is not closed${t.kind === 'eof' ? '' : `: got ${describe(t)}`}`,
      `Add "${closer}"${count > 0 ? ' after the last element' : ''}`,
    );
    return false;
  }

  /** After an element: consumes the `,`, or reports the missing one. False when the list cannot go on. */
  private separate(closer: string, what: string): boolean {
    const t = this.tok();
    if (t.kind === 'punct' && t.punct === closer) return true;
    if (t.kind === 'punct' && t.punct === ',') {
      this.next();
      return true;
    }
    if (t.kind === 'terminator') {
      const at = this.prevEnd;
      this.next();
      // The file ends inside the list: the caller reports the unclosed bracket, which says more.
      if (this.tok().kind === 'eof') return true;
      const after = this.tok();
      const closesNext = after.kind === 'punct' && after.punct === closer;
      this.error(
        at,
        'missing-comma',
        closesNext
          ? `missing "," after the last element of a multi-line ${what}`
          : `missing "," between elements of the ${what}`,
        closesNext
          ? `Add a trailing "," at the end of line ${at.line}: Alloy needs one when "${closer}" is on a new line`
          : `Add "," at the end of line ${at.line}`,
      );
      return true;
    }
    if (canStartExpression(t)) {
      this.error(this.prevEnd, 'missing-comma', `missing "," between elements of the ${what}`, 'Add ","');
      return true;
    }
    this.error(
      t.start,
      'unexpected-token',
      `unexpected ${describe(t)} in the ${what}`,
      `Separate elements with "," and close with "${closer}"`,
    );
    if (t.kind === 'eof' || (t.kind === 'punct' && [')', ']', '}'].includes(t.punct))) return false;
    this.next();
    return true;
  }

  private parseObject(): Expression {
    const open = this.tok().start;
    this.next();
    const fields: ObjectField[] = [];
    for (;;) {
      const t = this.tok();
      if (t.kind === 'punct' && t.punct === '}') {
        this.next();
        return { kind: 'object', fields, start: open, end: t.end };
      }
      if (!this.continueList(fields.length, open, '}', 'object')) {
        return { kind: 'object', fields, start: open, end: this.prevEnd };
      }
      const field = this.parseField();
      if (field !== undefined) fields.push(field);
      if (!this.separate('}', 'object')) return { kind: 'object', fields, start: open, end: this.prevEnd };
    }
  }

  private parseField(): ObjectField | undefined {
    const key = this.tok();
    let name: string;
    let quoted: boolean;
    if (key.kind === 'ident') {
      name = key.name;
      quoted = false;
    } else if (key.kind === 'string') {
      name = key.value;
      quoted = true;
      if (key.quote !== '"') {
        this.error(
          key.start,
          'single-quoted-string',
          `object key ${key.text} is not double-quoted`,
          `Write "${key.value}"`,
        );
      }
    } else {
      this.error(
        key.start,
        'unexpected-token',
        `expected a field name (identifier or string), got ${describe(key)}`,
        'Write fields as name = value or "name" = value',
      );
      this.parseExpression();
      return undefined;
    }
    this.next();
    if (!this.isPunct('=')) {
      this.error(
        this.tok().kind === 'terminator' ? this.prevEnd : this.tok().start,
        'missing-assign',
        `missing "=" after the field name ${quoted ? `"${name}"` : name}`,
        `Write ${quoted ? `"${name}"` : name} = value`,
      );
      if (!canStartExpression(this.tok())) return undefined;
    } else this.next();
    const value = this.parseExpression();
    return { kind: 'field', name, quoted, value, start: key.start, end: value.end };
  }
}

/** Parses an Alloy file. Never throws on bad input: problems come back with the (partial) tree. */
export function parseAlloy(source: string, file = '<input>'): AlloyParseResult {
  const tokenized = tokenize(source, file);
  const problems: AlloyProblem[] = [...tokenized.problems];
  const parser = new Parser(tokenized.tokens, file, problems);
  const parsed = parser.parseFile();
  const ast: AlloyFile = { ...parsed, comments: tokenized.comments };
  return { ast, problems: sortAlloyProblems(problems) };
}

/** Parses an Alloy file, throwing an AlloySyntaxError listing every problem when it does not parse. */
export function parseAlloyOrThrow(source: string, file = '<input>'): AlloyFile {
  const { ast, problems } = parseAlloy(source, file);
  if (problems.length > 0) throw new AlloySyntaxError(problems);
  return ast;
}

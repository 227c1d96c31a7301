/**
 * The Alloy tokenizer. Like Go (and Alloy's own scanner), it turns a newline into a statement terminator when
 * the line ends with something that can end an expression: an identifier, a literal, or a closing `)`, `]` or
 * `}`. That one rule gives the language its shape: statements end at the end of a line, and a list whose
 * closing bracket sits on a new line needs a trailing comma (the newline after the last element is a terminator
 * where a `,` or the bracket was expected).
 */
import type { AlloyComment, Position } from './ast.ts';
import type { AlloyProblem, AlloyProblemCode } from './problem.ts';
import { problemAt } from './problem.ts';

export type Punct =
  | '||'
  | '&&'
  | '!'
  | '!='
  | '='
  | '=='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '^'
  | '{'
  | '}'
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | '.';

interface TokenBase {
  readonly start: Position;
  readonly end: Position;
  /** The source text of the token (empty for terminators inserted at the end of the file). */
  readonly text: string;
}

export type Token =
  | (TokenBase & { readonly kind: 'ident'; readonly name: string })
  | (TokenBase & { readonly kind: 'string'; readonly value: string; readonly quote: '"' | '`' | "'" })
  | (TokenBase & { readonly kind: 'number'; readonly value: number })
  | (TokenBase & { readonly kind: 'bool'; readonly value: boolean })
  | (TokenBase & { readonly kind: 'null' })
  | (TokenBase & { readonly kind: 'punct'; readonly punct: Punct })
  | (TokenBase & { readonly kind: 'terminator' })
  | (TokenBase & { readonly kind: 'eof' })
  | (TokenBase & { readonly kind: 'illegal' });

export interface TokenizeResult {
  readonly tokens: readonly Token[];
  readonly comments: readonly AlloyComment[];
  readonly problems: readonly AlloyProblem[];
}

const IDENT = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:([eE])[+-]?(\d*))?/y;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};
/** Two-character operators first, so that `==` is not read as `=` `=`. */
const PUNCTS: readonly Punct[] = [
  '||',
  '&&',
  '!=',
  '==',
  '<=',
  '>=',
  '!',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
];

/** Maps character offsets to 1-based line and column. */
export class LineMap {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1, offset };
  }
}

function describeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(ch)}`;
}

export function tokenize(source: string, file: string): TokenizeResult {
  const lines = new LineMap(source);
  const tokens: Token[] = [];
  const comments: AlloyComment[] = [];
  const problems: AlloyProblem[] = [];
  const n = source.length;
  let i = 0;
  // Set after a token that can end an expression: the next newline then ends the statement.
  let insertTerm = false;

  const report = (offset: number, code: AlloyProblemCode, problem: string, fix: string): void => {
    problems.push(problemAt(file, lines.at(offset), code, problem, fix));
  };
  const base = (from: number, to: number): TokenBase => ({
    start: lines.at(from),
    end: lines.at(to),
    text: source.slice(from, to),
  });

  /** Reads a double- or single-quoted string starting at `from` (the quote); returns its end and value. */
  const readQuoted = (from: number, quote: '"' | "'"): { end: number; value: string } => {
    let j = from + 1;
    let value = '';
    for (;;) {
      if (j >= n || source[j] === '\n') {
        report(
          from,
          'unterminated-string',
          'unterminated string literal',
          `Close the string with ${quote} on the same line, or use a raw \`string\` for text over several lines`,
        );
        return { end: j, value };
      }
      const ch = source[j] ?? '';
      if (ch === quote) return { end: j + 1, value };
      if (ch !== '\\') {
        value += ch;
        j++;
        continue;
      }
      const escaped = readEscape(j);
      value += escaped.value;
      j = escaped.end;
    }
  };

  /** Reads the escape sequence whose backslash is at `at`, as Go does: \n, \x41, \101, \u00e9, \U0001F600. */
  const readEscape = (at: number): { end: number; value: string } => {
    const kind = source[at + 1];
    if (kind === undefined || kind === '\n') {
      report(at, 'invalid-escape', 'escape sequence not terminated', 'Write \\\\ for a backslash');
      return { end: at + 1, value: '' };
    }
    const simple = SIMPLE_ESCAPES[kind];
    if (simple !== undefined) return { end: at + 2, value: simple };
    const shapes: Readonly<Record<string, readonly [number, number, number]>> = {
      x: [2, 16, 255],
      u: [4, 16, 0x10ffff],
      U: [8, 16, 0x10ffff],
    };
    const octal = kind >= '0' && kind <= '7';
    const shape = octal ? ([3, 8, 255] as const) : shapes[kind];
    if (shape === undefined) {
      report(
        at,
        'invalid-escape',
        `unknown escape sequence \\${kind}`,
        'Use one of \\n \\t \\r \\\\ \\" \\xHH \\uHHHH, or a raw `string` where backslashes are literal',
      );
      return { end: at + 2, value: kind };
    }
    const [digits, radix, max] = shape;
    const first = octal ? at + 1 : at + 2;
    const text = source.slice(first, first + digits);
    const valid = radix === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/;
    if (text.length < digits || !valid.test(text)) {
      report(
        at,
        'invalid-escape',
        `escape sequence \\${octal ? '' : kind}${text} needs ${digits} ${radix === 8 ? 'octal' : 'hexadecimal'} digits`,
        'Complete the escape sequence or write the character itself',
      );
      let good = 0;
      while (good < text.length && valid.test(text.charAt(good))) good++;
      return { end: first + good, value: '' };
    }
    const code = parseInt(text, radix);
    if (code > max || (code >= 0xd800 && code < 0xe000)) {
      report(
        at,
        'invalid-escape',
        `escape sequence \\${octal ? '' : kind}${text} is not a valid Unicode code point`,
        'Use a code point below U+10FFFF outside the surrogate range',
      );
      return { end: first + digits, value: '' };
    }
    return { end: first + digits, value: String.fromCodePoint(code) };
  };

  /** True when only spaces and comments remain before the end of the line (a `//` comment always ends it). */
  const commentEndsLine = (from: number): boolean => {
    let j = from;
    while (j < n) {
      const ch = source[j];
      if (ch === ' ' || ch === '\t' || ch === '\r') j++;
      else if (ch === '\n') return true;
      else if (source.startsWith('//', j)) return true;
      else if (source.startsWith('/*', j)) {
        const close = source.indexOf('*/', j + 2);
        if (close < 0) return true;
        if (source.slice(j, close).includes('\n')) return true;
        j = close + 2;
      } else return false;
    }
    return true;
  };

  while (i < n) {
    const ch = source[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\ufeff') {
      i++;
      continue;
    }
    if (ch === '\n') {
      if (insertTerm) tokens.push({ ...base(i, i + 1), kind: 'terminator' });
      insertTerm = false;
      i++;
      continue;
    }
    if (source.startsWith('//', i) || source.startsWith('/*', i)) {
      if (insertTerm && commentEndsLine(i)) {
        tokens.push({ ...base(i, i), kind: 'terminator' });
        insertTerm = false;
      }
      let end: number;
      if (source[i + 1] === '/') {
        const newline = source.indexOf('\n', i);
        end = newline < 0 ? n : newline;
      } else {
        const close = source.indexOf('*/', i + 2);
        if (close < 0) {
          report(i, 'unterminated-comment', 'unterminated block comment', 'Close the comment with */');
          end = n;
        } else end = close + 2;
      }
      comments.push({
        start: lines.at(i),
        end: lines.at(end),
        text: source.slice(i, end).replace(/\r$/, ''),
      });
      i = end;
      continue;
    }

    IDENT.lastIndex = i;
    const ident = IDENT.exec(source);
    if (ident !== null) {
      const word = ident[0];
      const b = base(i, i + word.length);
      if (word === 'true' || word === 'false') tokens.push({ ...b, kind: 'bool', value: word === 'true' });
      else if (word === 'null') tokens.push({ ...b, kind: 'null' });
      else tokens.push({ ...b, kind: 'ident', name: word });
      i += word.length;
      insertTerm = true;
      continue;
    }

    NUMBER.lastIndex = i;
    const number = NUMBER.exec(source);
    if (number !== null) {
      const raw = number[0];
      IDENT.lastIndex = i + raw.length;
      const suffix = IDENT.exec(source);
      if (suffix !== null) {
        // `10s` or `5MiB` written bare: Alloy has no unit literals, durations and sizes are strings.
        const word = raw + suffix[0];
        report(
          i,
          'invalid-number',
          `${word} is not a number`,
          `Durations and sizes are strings in Alloy: write "${word}"`,
        );
        tokens.push({ ...base(i, i + word.length), kind: 'string', value: word, quote: '"' });
        i += word.length;
        insertTerm = true;
        continue;
      }
      if (number[1] !== undefined && number[2] === '') {
        report(
          i,
          'invalid-number',
          `number ${raw} has an exponent with no digits`,
          'Write the exponent digits, e.g. 1e3',
        );
      }
      tokens.push({
        ...base(i, i + raw.length),
        kind: 'number',
        value: Number(raw.replace(/[eE][+-]?$/, '')),
      });
      i += raw.length;
      insertTerm = true;
      continue;
    }

    if (ch === '"' || ch === "'") {
      const { end, value } = readQuoted(i, ch);
      tokens.push({ ...base(i, end), kind: 'string', value, quote: ch });
      i = end;
      insertTerm = true;
      continue;
    }
    if (ch === '`') {
      const close = source.indexOf('`', i + 1);
      const end = close < 0 ? n : close + 1;
      if (close < 0) {
        report(i, 'unterminated-string', 'unterminated raw string literal', 'Close the raw string with `');
      }
      tokens.push({
        ...base(i, end),
        kind: 'string',
        value: source.slice(i + 1, close < 0 ? n : close),
        quote: '`',
      });
      i = end;
      insertTerm = true;
      continue;
    }

    if ((ch === '|' || ch === '&') && source[i + 1] !== ch) {
      report(i + 1, 'illegal-character', `missing second ${ch} in ${ch}${ch}`, `Write ${ch}${ch}`);
      tokens.push({ ...base(i, i + 1), kind: 'punct', punct: ch === '|' ? '||' : '&&' });
      i++;
      insertTerm = false;
      continue;
    }
    const punct = PUNCTS.find((p) => source.startsWith(p, i));
    if (punct !== undefined) {
      tokens.push({ ...base(i, i + punct.length), kind: 'punct', punct });
      i += punct.length;
      insertTerm = punct === ')' || punct === ']' || punct === '}';
      continue;
    }

    const char = String.fromCodePoint(source.codePointAt(i) ?? 0);
    report(
      i,
      'illegal-character',
      `illegal character ${describeChar(char)}`,
      char === '#' ? 'Alloy comments start with // or /*, not #' : 'Remove it, or put it inside a string',
    );
    tokens.push({ ...base(i, i + char.length), kind: 'illegal' });
    i += char.length;
  }
  if (insertTerm) tokens.push({ ...base(n, n), kind: 'terminator' });
  tokens.push({ ...base(n, n), kind: 'eof' });
  return { tokens, comments, problems };
}

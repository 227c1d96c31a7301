import { describe, expect, it } from 'vitest';
import type { Attribute, Block, Expression, Statement } from '../../src/alloy/ast.ts';
import { parseAlloy, parseAlloyOrThrow } from '../../src/alloy/parser.ts';
import { printExpression } from '../../src/alloy/print.ts';
import { AlloySyntaxError, formatAlloyProblem } from '../../src/alloy/problem.ts';

const FILE = 'configs/alloy/config.alloy';

function messages(source: string): string[] {
  return parseAlloy(source, FILE).problems.map(formatAlloyProblem);
}

function block(statements: readonly Statement[], name: string): Block {
  const found = statements.find((s): s is Block => s.kind === 'block' && s.name === name);
  if (found === undefined) throw new Error(`no block ${name}`);
  return found;
}

function attribute(statements: readonly Statement[], name: string): Attribute {
  const found = statements.find((s): s is Attribute => s.kind === 'attribute' && s.name === name);
  if (found === undefined) throw new Error(`no attribute ${name}`);
  return found;
}

/** The tree of an expression with explicit grouping, to check precedence and associativity. */
function grouped(e: Expression): string {
  switch (e.kind) {
    case 'binary':
      return `(${grouped(e.left)} ${e.operator} ${grouped(e.right)})`;
    case 'unary':
      return `(${e.operator}${grouped(e.operand)})`;
    case 'paren':
      return grouped(e.inner);
    default:
      return printExpression(e);
  }
}

const VALID = `// A line comment.
/* A block
   comment. */
logging {
\tlevel  = "info" // trailing comment
\tformat = "logfmt"
}

prometheus.scrape "node" {
\ttargets = [
\t\t{ "__address__" = "node:9100", job = "x" },
\t]
\tforward_to  = [prometheus.remote_write.default.receiver]
\thonor_labels = true
\tlimit       = null
\tratio       = 0.5
\tbig         = 1e3
\tescaped     = "tab\\tquote\\" \\u00e9 \\x41 \\101"
\traw         = \`C:\\path
second line\`
\tenv         = sys.env("HOME")
\tfirst       = discovery.relabel.x.output[0]
\tjob         = string.format("%s-%d", "a", 2)
\tall         = array.concat(
\t\t[1],
\t\t[2],
\t)
\tmath        = -1 + 2 * 3 ^ 2 ^ 2 % 4 >= 5 || !false && (1 + 2) * 3 != 9
\tobj         = {}
\tempty       = []

\tclustering {
\t\tenabled = true
\t}
}
`;

describe('parseAlloy on valid input', () => {
  const { ast, problems } = parseAlloy(VALID, FILE);
  const scrape = block(ast.body, 'prometheus.scrape');
  const value = (name: string): Expression => attribute(scrape.body, name).value;

  it('finds no problem', () => {
    expect(problems).toEqual([]);
  });

  it('reads blocks with dotted names and labels, and their positions', () => {
    expect(ast.body.map((s) => (s.kind === 'block' ? `${s.name} ${s.label ?? '-'}` : s.name))).toEqual([
      'logging -',
      'prometheus.scrape node',
    ]);
    expect(scrape.nameParts).toEqual(['prometheus', 'scrape']);
    expect(scrape.start).toEqual({ line: 9, column: 1, offset: VALID.indexOf('prometheus.scrape') });
    expect(scrape.labelStart).toMatchObject({ line: 9, column: 19 });
    expect(scrape.end).toMatchObject({ line: 35, column: 2 });
    expect(block(scrape.body, 'clustering').start).toMatchObject({ line: 32, column: 2 });
  });

  it('keeps comments with their positions', () => {
    expect(ast.comments.map((c) => [c.text.split('\n')[0], c.start.line, c.start.column])).toEqual([
      ['// A line comment.', 1, 1],
      ['/* A block', 2, 1],
      ['// trailing comment', 5, 18],
    ]);
  });

  it.each([
    ['targets', '[{ "__address__" = "node:9100", job = "x" }]'],
    ['forward_to', '[prometheus.remote_write.default.receiver]'],
    ['honor_labels', 'true'],
    ['limit', 'null'],
    ['ratio', '0.5'],
    ['big', '1e3'],
    ['env', 'sys.env("HOME")'],
    ['first', 'discovery.relabel.x.output[0]'],
    ['job', 'string.format("%s-%d", "a", 2)'],
    ['all', 'array.concat([1], [2])'],
    ['obj', '{}'],
    ['empty', '[]'],
  ])('reads %s as %s', (name, printed) => {
    expect(printExpression(value(name))).toBe(printed);
  });

  it('decodes Go-like escapes in strings and keeps raw strings verbatim over several lines', () => {
    expect(value('escaped')).toMatchObject({ kind: 'string', value: 'tab\tquote" é A A', quote: '"' });
    expect(value('raw')).toMatchObject({ kind: 'string', value: 'C:\\path\nsecond line', quote: '`' });
    expect(value('raw').end).toMatchObject({ line: 20, column: 13 });
  });

  it('reads numbers as numbers, including exponents', () => {
    expect(value('big')).toMatchObject({ kind: 'number', value: 1000 });
    expect(value('ratio')).toMatchObject({ kind: 'number', value: 0.5 });
  });

  it('gives operators their precedence: || < && < comparison < + - < * / % < ^ (right-associative) < unary', () => {
    expect(grouped(value('math'))).toBe(
      '((((-1) + ((2 * (3 ^ (2 ^ 2))) % 4)) >= 5) || ((!false) && (((1 + 2) * 3) != 9)))',
    );
  });

  it('reads a quoted object key as a quoted field', () => {
    const targets = value('targets');
    if (targets.kind !== 'array' || targets.elements[0]?.kind !== 'object')
      throw new Error('expected a list of objects');
    expect(targets.elements[0].fields.map((f) => [f.name, f.quoted, f.start.line, f.start.column])).toEqual([
      ['__address__', true, 11, 5],
      ['job', false, 11, 34],
    ]);
  });

  it('places every node of a reference chain', () => {
    const forward = value('forward_to');
    if (forward.kind !== 'array') throw new Error('expected a list');
    const receiver = forward.elements[0];
    expect(receiver).toMatchObject({ kind: 'access', name: 'receiver', start: { line: 13, column: 17 } });
    expect(receiver?.end).toMatchObject({ line: 13, column: 57 });
  });

  it('accepts a file without a final newline, Windows line ends and an empty file', () => {
    expect(messages('a = 1')).toEqual([]);
    expect(messages('a {\r\n\tb = [\r\n\t\t1,\r\n\t]\r\n}\r\n')).toEqual([]);
    expect(messages('')).toEqual([]);
  });

  it('accepts blocks and objects written on one line', () => {
    expect(messages('rule { action = "keep" }\nx = { a = 1, "b-c" = [1, 2], }\nempty { }\n')).toEqual([]);
  });
});

interface BrokenCase {
  readonly name: string;
  readonly source: string;
  /** Every problem expected, formatted. */
  readonly expected: readonly string[];
}

const BROKEN: readonly BrokenCase[] = [
  {
    name: 'an unterminated string',
    source: 'logging {\n\tlevel = "info\n}\n',
    expected: [
      `${FILE}:2:10: unterminated string literal. Close the string with " on the same line, or use a raw \`string\` for text over several lines.`,
    ],
  },
  {
    name: 'an unterminated raw string',
    source: 'x = `abc\n',
    expected: [`${FILE}:1:5: unterminated raw string literal. Close the raw string with \`.`],
  },
  {
    name: 'an unterminated block comment',
    source: 'a = 1\n/* note\nb = 2\n',
    expected: [`${FILE}:2:1: unterminated block comment. Close the comment with */.`],
  },
  {
    name: 'a missing closing brace, with a hint at the brace that does not line up',
    source: 'prometheus.scrape "a" {\n\ttargets = []\n\tclustering {\n\t\tenabled = true\n}\n',
    expected: [
      `${FILE}:1:1: block prometheus.scrape "a" is not closed: the file ends before its "}". Add the missing "}" (the "}" at 5:1 does not line up with the block it closes, opened at 3:2; a "}" is probably missing before it).`,
    ],
  },
  {
    name: 'a closing brace with no open block',
    source: 'a = 1\n}\nb = 2\n',
    expected: [
      `${FILE}:2:1: unexpected "}" with no block open. Remove it, or add the block header it was meant to close.`,
    ],
  },
  {
    name: 'a missing = between a name and a string',
    source: 'prometheus.scrape "a" {\n\tjob_name "alloy"\n}\n',
    expected: [
      `${FILE}:2:11: missing "=" between job_name and its value. Write job_name = "alloy" for an attribute, or add a { … } body for a block.`,
    ],
  },
  {
    name: 'a missing = before a number',
    source: 'limit 5\n',
    expected: [`${FILE}:1:7: missing "=" after limit. Write limit = …`],
  },
  {
    name: 'a missing { after a labelled block header',
    source: 'loki.write "default"\n',
    expected: [
      `${FILE}:1:21: expected "{" to open the body of block loki.write "default", got end of line. Add { … } after the block header, on the same line.`,
    ],
  },
  {
    name: 'a multi-line list without its trailing comma',
    source: 'x = [\n\t"a",\n\t"b"\n]\n',
    expected: [
      `${FILE}:3:5: missing "," after the last element of a multi-line list. Add a trailing "," at the end of line 3: Alloy needs one when "]" is on a new line.`,
    ],
  },
  {
    name: 'a multi-line object without its trailing comma',
    source: 'x = {\n\tapp  = "",\n\tkind = ""\n}\n',
    expected: [
      `${FILE}:3:11: missing "," after the last element of a multi-line object. Add a trailing "," at the end of line 3: Alloy needs one when "}" is on a new line.`,
    ],
  },
  {
    name: 'a multi-line call without its trailing comma',
    source: 'x = array.concat(\n\t[1],\n\t[2]\n)\n',
    expected: [
      `${FILE}:3:5: missing "," after the last element of a multi-line argument list. Add a trailing "," at the end of line 3: Alloy needs one when ")" is on a new line.`,
    ],
  },
  {
    name: 'a missing comma between elements on one line',
    source: 'x = [1 2]\n',
    expected: [`${FILE}:1:7: missing "," between elements of the list. Add ",".`],
  },
  {
    name: 'a list that is never closed',
    source: 'x = [1, 2',
    expected: [`${FILE}:1:5: the list opened at 1:5 is not closed. Add "]" after the last element.`],
  },
  {
    name: 'a single-quoted block label',
    source: "loki.write 'default' {\n}\n",
    expected: [
      `${FILE}:1:12: block label 'default' is single-quoted. Labels must be double-quoted: loki.write "default".`,
    ],
  },
  {
    name: 'a raw-string block label',
    source: 'loki.write `default` {\n}\n',
    expected: [
      `${FILE}:1:12: block label \`default\` is a raw string. Labels must be double-quoted: loki.write "default".`,
    ],
  },
  {
    name: 'a label that is not an identifier',
    source: 'prometheus.scrape "node-exporter" {\n}\n',
    expected: [
      `${FILE}:1:19: block label "node-exporter" is not a valid identifier. Use letters, digits and _ only, not starting with a digit, e.g. "node_exporter".`,
    ],
  },
  {
    name: 'a single-quoted string value',
    source: "x = 'a'\n",
    expected: [`${FILE}:1:5: single-quoted string 'a'. Use double quotes: "a".`],
  },
  {
    name: 'two statements on one line',
    source: 'a = 1 b = 2\n',
    expected: [
      `${FILE}:1:7: expected the end of the line after the attribute, got identifier b. Put each attribute and block on a line of its own.`,
    ],
  },
  {
    name: 'a dotted attribute name',
    source: 'a.b = 1\n',
    expected: [
      `${FILE}:1:1: attribute name a.b contains ".". An attribute name is a single identifier; for a nested setting, write a block: a { b = … }.`,
    ],
  },
  {
    name: 'a labelled attribute',
    source: 'a "x" = 1\n',
    expected: [`${FILE}:1:3: attribute a has a label. Remove the label: write a = …`],
  },
  {
    name: 'a missing value',
    source: 'a = ,\n',
    expected: [
      `${FILE}:1:5: expected a value, got ",". Write a value: a string, number, bool, null, list, object, reference or function call.`,
    ],
  },
  {
    name: 'a # comment',
    source: '# comment\na = 1\n',
    expected: [`${FILE}:1:1: illegal character U+0023 "#". Alloy comments start with // or /*, not #.`],
  },
  {
    name: 'an unknown escape sequence',
    source: 'a = "C:\\q"\n',
    expected: [
      `${FILE}:1:8: unknown escape sequence \\q. Use one of \\n \\t \\r \\\\ \\" \\xHH \\uHHHH, or a raw \`string\` where backslashes are literal.`,
    ],
  },
  {
    name: 'a duration written as a bare number',
    source: 'scrape_interval = 10s\n',
    expected: [`${FILE}:1:19: 10s is not a number. Durations and sizes are strings in Alloy: write "10s".`],
  },
];

describe('parseAlloy on broken input', () => {
  it.each(BROKEN)('reports $name precisely', ({ source, expected }) => {
    expect(messages(source)).toEqual(expected);
  });

  it('collects problems on several lines in one pass, in reading order', () => {
    expect(
      parseAlloy('a = "x\nb = [1 2]\nc d\n', FILE).problems.map((p) => [p.line, p.column, p.code]),
    ).toEqual([
      [1, 5, 'unterminated-string'],
      [2, 7, 'missing-comma'],
      [3, 3, 'missing-assign'],
    ]);
  });

  it('still returns the statements around an error', () => {
    const { ast } = parseAlloy('a = 1\nb = [1 2]\nc "x" {\n\td = 2\n}\n', FILE);
    expect(ast.body.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('throws a typed AlloySyntaxError carrying the first position when asked to', () => {
    expect(() => parseAlloyOrThrow('x = [\n\t1\n]\n', FILE)).toThrow(AlloySyntaxError);
    // Asserted whether or not it throws: a try/catch would pass if nothing were thrown at all.
    const unterminated = (): unknown => parseAlloyOrThrow('a = 1\nx = "oops\n', FILE);
    expect(unterminated).toThrow(AlloySyntaxError);
    expect(unterminated).toThrow(
      expect.objectContaining({
        file: FILE,
        line: 2,
        column: 5,
        message: expect.stringContaining(`${FILE}:2:5: unterminated string literal.`),
      }),
    );
  });
});

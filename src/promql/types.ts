/**
 * PromQL types and function signatures, checked by Prometheus's own analysis: the `Parser` of
 * `@prometheus-io/codemirror-promql` (prometheus/prometheus web/ui/module/codemirror-promql/src/parser/parser.ts),
 * a port of the type checks of the Go parser (`checkAST` in promql/parser/parser.go) that runs without an editor.
 * The grammar alone accepts `rate(foo)`, `histogram_quantile(0.9, foo[5m])` and `foo[5m] > 1`; Prometheus refuses
 * them all, and so does this.
 *
 * The package's ESM build imports its own files without extensions, which Node refuses, so its CommonJS build is
 * loaded (createRequire); it is given the syntax tree directly instead of an editor state. The text must already
 * have Grafana's macros and variables replaced.
 */
import { createRequire } from 'node:module';
import type { Tree } from '@lezer/common';

interface Diagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: string;
  readonly message: string;
}

interface ParserInstance {
  analyze(): void;
  getDiagnostics(): Diagnostic[];
}

/** What the Parser reads of an editor state: the syntax tree (through `syntaxTree`) and the text. */
interface StateLike {
  field(field: unknown, require?: boolean): { readonly tree: Tree };
  sliceDoc(from: number, to: number): string;
}

interface Modules {
  /** The grammar the Parser's node types come from: the copy codemirror-promql depends on. */
  readonly parse: (text: string) => Tree;
  readonly Parser: new (state: StateLike) => ParserInstance;
}

let modules: Modules | undefined;

/** Loaded on first use: validation of a project without PromQL never pays for it. */
function load(): Modules {
  if (modules !== undefined) return modules;
  const require = createRequire(import.meta.url);
  const parserPath = require.resolve('@prometheus-io/codemirror-promql/dist/cjs/parser/parser.js');
  const { Parser } = require(parserPath) as { Parser: Modules['Parser'] };
  const grammar = createRequire(parserPath)('@prometheus-io/lezer-promql') as {
    parser: { parse(text: string): Tree };
  };
  modules = { parse: (text) => grammar.parser.parse(text), Parser };
  return modules;
}

export interface TypeError {
  /** What Prometheus would say, e.g. `expected type matrix in call to function "rate", got vector`. */
  readonly message: string;
  /** The part of the text it is about. */
  readonly near: string;
  /** 1-based column where that part starts. */
  readonly column: number;
}

/**
 * The placeholder a string literal stands for in a shape: what the analysis can tell of a string is whether it is
 * empty and whether, as a regular expression, it matches the empty string (a selector without a metric name needs
 * one matcher that does not); names, numbers, durations and structure are kept as written.
 */
function placeholderOf(body: string): string {
  if (body === '') return '""';
  try {
    return new RegExp(`^(?:${body})$`).test('') ? '".*"' : '"s"';
  } catch {
    return JSON.stringify(body);
  }
}

const STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`/g;

/**
 * The shape of an expression: every string literal replaced by its placeholder. Two queries of one shape have the
 * same types, so dashboards repeating a query over other label values are analysed once.
 */
export function shapeOf(text: string): string {
  return text.replace(STRING, (_m, d: string | undefined, q: string | undefined, b: string | undefined) =>
    placeholderOf(d ?? q ?? b ?? ''),
  );
}

/** Whether a shape has type errors; bounded, cleared when full. */
const shapes = new Map<string, boolean>();
const SHAPES_MAX = 20_000;

/** Forgets every shape: the bench measures a run as a command starts it, cold. */
export function forgetShapes(): void {
  shapes.clear();
}

function analyse(text: string): TypeError[] {
  const { parse, Parser } = load();
  // The whole tree, parsed at once: an editor state parses for a time budget only (20 ms at creation), and a
  // partial tree of a long expression on a slow machine would report errors that are not there.
  const tree = parse(text);
  const parser = new Parser({ field: () => ({ tree }), sliceDoc: (from, to) => text.slice(from, to) });
  parser.analyze();
  const seen = new Set<string>();
  const errors: TypeError[] = [];
  for (const d of parser.getDiagnostics()) {
    if (d.severity !== 'error') continue;
    const key = `${d.from}:${d.to}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ message: d.message, near: text.slice(d.from, d.to), column: d.from + 1 });
  }
  return errors;
}

/**
 * The type errors of a PromQL expression that parses (syntax errors are the parser's to report: one error per
 * expression, the first). Duplicates (the analysis reports some nodes twice) are dropped. A shape known to be
 * free of errors is not analysed again; one with errors is, on the text itself, so that columns are its own.
 */
export function promqlTypeErrors(text: string): TypeError[] {
  const shape = shapeOf(text);
  if (shapes.get(shape) === false) return [];
  const errors = analyse(text);
  if (shapes.size >= SHAPES_MAX) shapes.clear();
  shapes.set(shape, errors.length > 0);
  return errors;
}

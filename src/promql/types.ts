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
 * The type errors of a PromQL expression that parses (syntax errors are the parser's to report: one error per
 * expression, the first). Duplicates (the analysis reports some nodes twice) are dropped.
 */
export function promqlTypeErrors(text: string): TypeError[] {
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

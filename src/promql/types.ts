/**
 * PromQL types and function signatures, checked by Prometheus's own analysis: the `Parser` of
 * `@prometheus-io/codemirror-promql` (prometheus/prometheus web/ui/module/codemirror-promql/src/parser/parser.ts),
 * a port of the type checks of the Go parser (`checkAST` in promql/parser/parser.go) that runs without an editor.
 * The grammar alone accepts `rate(foo)`, `histogram_quantile(0.9, foo[5m])` and `foo[5m] > 1`; Prometheus refuses
 * them all, and so does this.
 *
 * The package's ESM build imports its own files without extensions, which Node refuses, so its CommonJS build is
 * loaded (createRequire). The text must already have Grafana's macros and variables replaced.
 */
import { createRequire } from 'node:module';
import type { EditorState as EditorStateType } from '@codemirror/state';
import type { LRLanguage } from '@codemirror/language';

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

interface Modules {
  readonly EditorState: typeof EditorStateType;
  readonly language: LRLanguage;
  readonly Parser: new (state: EditorStateType) => ParserInstance;
}

let modules: Modules | undefined;

/** Loaded on first use: validation of a project without PromQL never pays for it. */
function load(): Modules {
  if (modules !== undefined) return modules;
  const require = createRequire(import.meta.url);
  const state = require('@codemirror/state') as { EditorState: typeof EditorStateType };
  const promql = require('@prometheus-io/codemirror-promql') as {
    promQLLanguage(top: 'PromQL'): LRLanguage;
  };
  const parser = require('@prometheus-io/codemirror-promql/dist/cjs/parser/parser.js') as {
    Parser: Modules['Parser'];
  };
  modules = {
    EditorState: state.EditorState,
    language: promql.promQLLanguage('PromQL'),
    Parser: parser.Parser,
  };
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
  const { EditorState, language, Parser } = load();
  const parser = new Parser(EditorState.create({ doc: text, extensions: language }));
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

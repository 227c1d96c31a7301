/**
 * What a PromQL expression selects, read from the reference (lezer) parse tree: its vector selectors (metric name
 * and label matchers) and the range of every range-vector function call. Used by the dashboard lint rules and
 * the metric catalogue; an expression that does not parse has no analysis (the query-syntax rule reports it).
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import type { MatchOp } from '../config/selector.ts';
import { findSyntaxError } from '../validate/query/parse.ts';

export interface LabelMatcher {
  readonly label: string;
  readonly op: MatchOp;
  /** The value as PromQL sees it (quotes and escapes removed). */
  readonly value: string;
}

export interface VectorSelector {
  /** The metric name, from the identifier or a `__name__="…"` matcher; undefined when selected by regex or not. */
  readonly name: string | undefined;
  /** Every matcher, `__name__` included (a written metric name appears as `__name__="<name>"`). */
  readonly matchers: readonly LabelMatcher[];
  /** Offsets of the selector in the text. */
  readonly from: number;
  readonly to: number;
}

export interface RangeCall {
  /** `rate`, `increase`, `avg_over_time`, … */
  readonly fn: string;
  /** The range as written between the brackets, e.g. `5m`. */
  readonly range: string;
  readonly from: number;
  readonly to: number;
}

export interface PromQLAnalysis {
  readonly selectors: readonly VectorSelector[];
  readonly rangeCalls: readonly RangeCall[];
}

/** A PromQL string literal's value: double- and single-quoted with Go escapes, or a raw backtick string. */
export function unquote(literal: string): string {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_match, esc: string) => {
    if (esc.startsWith('u') && esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc.startsWith('x') && esc.length === 3) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]{3}$/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    const simple: Readonly<Record<string, string>> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\u0007',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    return simple[esc] ?? esc;
  });
}

const OPS: Readonly<Record<string, MatchOp>> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };

function text(source: string, node: SyntaxNode): string {
  return source.slice(node.from, node.to);
}

function matcherOf(source: string, node: SyntaxNode): LabelMatcher | undefined {
  const nameNode = node.firstChild;
  const opNode = node.getChild('MatchOp')?.firstChild;
  const valueNode = node.lastChild;
  if (nameNode === null || opNode === null || opNode === undefined || valueNode === null) return undefined;
  const op = OPS[opNode.name];
  if (op === undefined || valueNode.name !== 'StringLiteral') return undefined;
  const label =
    nameNode.name === 'QuotedLabelName'
      ? unquote(text(source, nameNode.firstChild ?? nameNode))
      : text(source, nameNode);
  return { label, op, value: unquote(text(source, valueNode)) };
}

function selectorOf(source: string, node: SyntaxNode): VectorSelector {
  const matchers: LabelMatcher[] = [];
  let name: string | undefined;
  const identifier = node.getChild('Identifier');
  if (identifier !== null) {
    name = text(source, identifier);
    matchers.push({ label: '__name__', op: '=', value: name });
  }
  const list = node.getChild('LabelMatchers');
  for (let child = list?.firstChild ?? null; child !== null; child = child.nextSibling) {
    if (child.name === 'UnquotedLabelMatcher' || child.name === 'QuotedLabelMatcher') {
      const m = matcherOf(source, child);
      if (m !== undefined) matchers.push(m);
    } else if (child.name === 'QuotedLabelName') {
      // `{"metric.name"}`: a quoted metric name (Prometheus 3 UTF-8 names).
      const value = unquote(text(source, child.firstChild ?? child));
      name ??= value;
      matchers.push({ label: '__name__', op: '=', value });
    }
  }
  if (name === undefined) {
    const byName = matchers.find((m) => m.label === '__name__' && m.op === '=');
    name = byName?.value;
  }
  return { name, matchers, from: node.from, to: node.to };
}

/** The matrix selector a range function reads: `x[5m]`, `x[5m] offset 1h`, `(x)[5m]` is not one. */
function matrixOf(node: SyntaxNode | null): SyntaxNode | undefined {
  let current = node;
  while (current !== null && (current.name === 'OffsetExpr' || current.name === 'StepInvariantExpr')) {
    current = current.firstChild;
  }
  return current?.name === 'MatrixSelector' ? current : undefined;
}

/** The analysis of a PromQL expression, or undefined when it does not parse. */
export function analyzePromQL(source: string): PromQLAnalysis | undefined {
  if (findSyntaxError('PromQL', source) !== undefined) return undefined;
  const selectors: VectorSelector[] = [];
  const rangeCalls: RangeCall[] = [];
  parser.parse(source).iterate({
    enter(ref) {
      if (ref.name === 'VectorSelector') {
        selectors.push(selectorOf(source, ref.node));
        return false;
      }
      if (ref.name === 'FunctionCall') {
        const node = ref.node;
        const fn = node.getChild('FunctionIdentifier');
        const body = node.getChild('FunctionCallBody');
        // The range-vector argument is the first one for rate() & co, the second for quantile_over_time() and
        // predict_linear() takes it first too: look at every argument.
        for (let arg = body?.firstChild ?? null; arg !== null; arg = arg.nextSibling) {
          const matrix = matrixOf(arg);
          const duration = matrix?.getChild('DurationExpr');
          if (fn !== null && matrix !== undefined && duration !== null && duration !== undefined) {
            rangeCalls.push({
              fn: text(source, fn),
              range: text(source, duration),
              from: node.from,
              to: node.to,
            });
          }
        }
      }
      return undefined;
    },
  });
  return { selectors, rangeCalls };
}

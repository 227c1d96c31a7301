/**
 * What a PromQL expression selects, read from the reference (lezer) parse tree: its vector selectors (metric name
 * and label matchers) and the range of every range-vector function call. Used by the dashboard lint rules and
 * the metric catalogue; an expression that does not parse has no analysis (the query-syntax rule reports it).
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import type { MatchOp } from '../config/selector.ts';
import type { LabelMatcher, PromQLAnalysis, RangeCall, VectorSelector } from './selector-types.ts';
import { unquote } from './selector-types.ts';
import { syntaxErrorIn } from '../core/syntax-error.ts';
import { quickAnalysis } from './quick.ts';

export type { LabelMatcher, PromQLAnalysis, RangeCall, VectorSelector } from './selector-types.ts';
export { unquote } from './selector-types.ts';

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

/**
 * The analysis of a PromQL expression, or undefined when it does not parse. The everyday expressions the quick
 * recogniser knows are analysed by it (about 8× faster on the bench's generated queries, see promql-quick.ts; same
 * result: a differential test compares the two); everything else by the reference parser, parsed once.
 */
export function analyzePromQL(source: string): PromQLAnalysis | undefined {
  return quickAnalysis(source) ?? lezerAnalysis(source);
}

/** The analysis read from the reference (lezer) parse tree. */
export function lezerAnalysis(source: string): PromQLAnalysis | undefined {
  if (source.trim() === '') return undefined;
  const tree = parser.parse(source);
  if (syntaxErrorIn(tree, source) !== undefined) return undefined;
  const selectors: VectorSelector[] = [];
  const rangeCalls: RangeCall[] = [];
  tree.iterate({
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

/**
 * The measurements of an alert expression. An alert's expression returns series only while it fires, so "does
 * it select real series?" is asked of what it measures instead: the expression with every filtering comparison
 * (`> 0.8`, `== 0`, without `bool`) replaced by its measured side, `absent(x)` by `x`, and `offset` removed (a
 * Prometheus started seconds ago has no last week). When both sides of a comparison are measurements
 * (`rate(x[1h]) > 1.2 * rate(x[1h] offset 1w)`), each side is one. Thresholds are promtool's business.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { syntaxErrorIn } from '../core/syntax-error.ts';

const COMPARISONS: ReadonlySet<string> = new Set(['Eql', 'Neq', 'Gtr', 'Lss', 'Gte', 'Lte']);
const ABSENT: ReadonlySet<string> = new Set(['absent', 'absent_over_time']);

/** A number, possibly signed or in parentheses: the threshold side of a comparison. */
function isLiteral(node: SyntaxNode): boolean {
  if (node.name === 'NumberDurationLiteral') return true;
  if (node.name === 'ParenExpr' || node.name === 'UnaryExpr') {
    const inner = node.lastChild;
    return inner !== null && isLiteral(inner);
  }
  if (node.name === 'BinaryExpr') {
    const lhs = node.firstChild;
    const rhs = node.lastChild;
    return lhs !== null && rhs !== null && isLiteral(lhs) && isLiteral(rhs);
  }
  return false;
}

class Rewriter {
  readonly extra: string[] = [];

  constructor(private readonly source: string) {}

  rewrite(node: SyntaxNode): string {
    if (node.name === 'BinaryExpr') {
      const lhs = node.firstChild;
      const op = lhs?.nextSibling;
      const rhs = node.lastChild;
      const bool = node.getChild('BoolModifier');
      if (lhs !== null && lhs !== undefined && op !== null && op !== undefined && rhs !== null) {
        if (COMPARISONS.has(op.name) && bool === null) {
          if (isLiteral(rhs)) return this.rewrite(lhs);
          if (isLiteral(lhs)) return this.rewrite(rhs);
          this.extra.push(this.rewrite(rhs));
          return this.rewrite(lhs);
        }
      }
    }
    if (node.name === 'OffsetExpr') {
      const inner = node.firstChild;
      if (inner !== null) return this.rewrite(inner);
    }
    if (node.name === 'FunctionCall') {
      const fn = node.getChild('FunctionIdentifier');
      const arg = node.getChild('FunctionCallBody')?.firstChild;
      if (fn !== null && ABSENT.has(this.source.slice(fn.from, fn.to)) && arg !== null && arg !== undefined) {
        const measured = arg.name === 'MatrixSelector' ? arg.firstChild : arg;
        if (measured !== null) return this.rewrite(measured);
      }
    }
    return this.copy(node);
  }

  /** The node's text with each child rewritten. */
  private copy(node: SyntaxNode): string {
    let out = '';
    let pos = node.from;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      out += this.source.slice(pos, child.from) + this.rewrite(child);
      pos = child.to;
    }
    return out + this.source.slice(pos, node.to);
  }
}

/**
 * The measurements of an expression (the first is the expression itself, measured; the others come from
 * comparisons between two measurements), or undefined when it does not parse.
 */
export function measurementsOf(expr: string): readonly string[] | undefined {
  if (expr.trim() === '') return undefined;
  const tree = parser.parse(expr);
  if (syntaxErrorIn(tree, expr) !== undefined) return undefined;
  const top = tree.topNode.firstChild;
  if (top === null) return undefined;
  const rewriter = new Rewriter(expr);
  const main = rewriter.rewrite(top);
  return [...new Set([main, ...rewriter.extra].map((m) => m.trim()))];
}

/** What a PromQL expression selects: shared by the reference-parser analysis and the quick recogniser. */
import type { MatchOp } from '../config/selector.ts';

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

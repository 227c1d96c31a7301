/**
 * Metric names a PromQL query reads: written names, `__name__="…"` matchers, and `__name__=~"a_(b|c)_total"`
 * regexes made of literals, groups and alternatives (expanded to every name they match). Grafana's macros and
 * variables are replaced by representative values first, as validation does.
 */
import type { PromQLAnalysis, VectorSelector } from '../promql/analyze.ts';
import { analyzePromQL } from '../promql/analyze.ts';
import { interpolate } from '../validate/query/interpolate.ts';

/** The names a regex of literals, `(…|…)` groups and `|` matches, or undefined when it is anything more. */
export function expandNameRegex(regex: string): readonly string[] | undefined {
  let pos = 0;
  const alternatives = (): string[] | undefined => {
    const out: string[] = [];
    for (;;) {
      const seq = sequence();
      if (seq === undefined) return undefined;
      out.push(...seq);
      if (regex[pos] !== '|') return out;
      pos += 1;
    }
  };
  const sequence = (): string[] | undefined => {
    let acc = [''];
    while (pos < regex.length && regex[pos] !== '|' && regex[pos] !== ')') {
      const ch = regex[pos] ?? '';
      if (ch === '(') {
        pos += 1;
        if (regex.startsWith('?:', pos)) pos += 2;
        const inner = alternatives();
        if (inner === undefined || regex[pos] !== ')') return undefined;
        pos += 1;
        acc = acc.flatMap((prefix) => inner.map((s) => prefix + s));
      } else if (/[A-Za-z0-9_:]/.test(ch)) {
        acc = acc.map((prefix) => prefix + ch);
        pos += 1;
      } else {
        return undefined;
      }
    }
    return acc;
  };
  const result = alternatives();
  return result !== undefined && pos === regex.length ? [...new Set(result)] : undefined;
}

export interface SelectedNames {
  /** Every metric name the selector reads, when they can be told. */
  readonly names: readonly string[];
  /** A `__name__` regex that is not a plain list of names (the catalogue is then matched against it). */
  readonly regex?: string;
}

/** The metric names one vector selector reads. */
export function namesOfSelector(selector: VectorSelector): SelectedNames {
  if (selector.name !== undefined) return { names: [selector.name] };
  const byRegex = selector.matchers.find((m) => m.label === '__name__' && m.op === '=~');
  if (byRegex === undefined) return { names: [] };
  const expanded = expandNameRegex(byRegex.value);
  return expanded === undefined ? { names: [], regex: byRegex.value } : { names: expanded };
}

// Analyses by interpolated text: dashboards repeat queries, and recording rules are read once per query using them.
const analyses = new Map<string, PromQLAnalysis | undefined>();

/** The analysis of a query as the data source would see it, or undefined when it does not parse. */
export function analyzeQuery(
  text: string,
  values: ReadonlyMap<string, string> = new Map(),
): PromQLAnalysis | undefined {
  const interpolated = interpolate(text, values).text;
  if (!analyses.has(interpolated)) analyses.set(interpolated, analyzePromQL(interpolated));
  return analyses.get(interpolated);
}

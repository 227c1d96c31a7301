/**
 * Which components a PromQL query reads, told from the query alone: a `job` matcher naming a component's scrape
 * job (`job="node-exporter"`, `job=~"prometheus|loki"`), the catalogue's component of each metric it reads, and,
 * for a recording rule, whatever the rule's own expression reads. Independent of what a panel declares, so a
 * test can check the declaration.
 */
import type { StackComponent } from '../kit/components.ts';
import { isStackComponent } from '../kit/components.ts';
import type { PromQLAnalysis } from '../promql/analyze.ts';
import type { Catalogue } from './catalogue.ts';
import { analyzeQuery, expandNameRegex, namesOfSelector } from './names.ts';

export interface InferenceContext {
  readonly catalogue: Catalogue;
  /** Recording rules of the repository: recorded name to the expressions recording it. */
  readonly recorded: ReadonlyMap<string, readonly string[]>;
}

/** The components a `job` matcher names (`job="node-exporter"`, `job=~"prometheus|loki"`). */
export function jobComponents(value: string, op: string): StackComponent[] {
  const candidates = op === '=' ? [value] : op === '=~' ? (expandNameRegex(value) ?? []) : [];
  return candidates.filter(isStackComponent);
}

// What each recording rule reads, per context: a rule is read by many queries.
const byRule = new WeakMap<InferenceContext, Map<string, ReadonlySet<StackComponent>>>();

function ruleComponents(
  name: string,
  context: InferenceContext,
  visiting: Set<string>,
): ReadonlySet<StackComponent> {
  let cache = byRule.get(context);
  if (cache === undefined) {
    cache = new Map();
    byRule.set(context, cache);
  }
  const known = cache.get(name);
  if (known !== undefined) return known;
  const out = new Set<StackComponent>();
  visiting.add(name);
  for (const expr of context.recorded.get(name) ?? []) {
    const inner = analyzeQuery(expr);
    if (inner !== undefined) inferFrom(inner, context, out, visiting);
  }
  visiting.delete(name);
  cache.set(name, out);
  return out;
}

function inferFrom(
  analysis: PromQLAnalysis,
  context: InferenceContext,
  out: Set<StackComponent>,
  visiting: Set<string>,
): void {
  for (const selector of analysis.selectors) {
    for (const m of selector.matchers) {
      if (m.label === 'job') for (const c of jobComponents(m.value, m.op)) out.add(c);
    }
    const { names, regex } = namesOfSelector(selector);
    const all = regex === undefined ? names : [...names, ...context.catalogue.matching(regex)];
    const hint = selectorHint(selector.matchers);
    for (const name of all) {
      const resolved = context.catalogue.resolve(name, hint);
      const component = resolved?.entry.component;
      if (component !== undefined && isStackComponent(component)) out.add(component);
      if (context.recorded.has(name) && !visiting.has(name)) {
        for (const c of ruleComponents(name, context, visiting)) out.add(c);
      }
    }
  }
}

/** What a selector's matchers say about the series it wants (catalogue.ts `resolve`). */
export function selectorHint(
  matchers: readonly { readonly label: string; readonly op: string; readonly value: string }[],
): { labels: string[]; components: string[] } {
  return {
    labels: matchers.filter((m) => m.label !== '__name__').map((m) => m.label),
    components: matchers.filter((m) => m.label === 'job').flatMap((m) => jobComponents(m.value, m.op)),
  };
}

/** The components a query reads; `values` stand in for the dashboard's variables. */
export function inferComponents(
  text: string,
  context: InferenceContext,
  values: ReadonlyMap<string, string> = new Map(),
): ReadonlySet<StackComponent> {
  const out = new Set<StackComponent>();
  const analysis = analyzeQuery(text, values);
  if (analysis !== undefined) inferFrom(analysis, context, out, new Set());
  return out;
}

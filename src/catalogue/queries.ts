/**
 * Every query the repository runs, wherever it is written: dashboard panel targets and variable queries, alert
 * and recording rules, and the queries data sources carry (Tempo's traces-to-metrics links). The metric catalogue
 * check and the real-Prometheus test read them from here, so no query is left out by accident.
 */
import { isAlertingRule, ruleName } from '../alerting/rule-model.ts';
import { field } from '../core/json.ts';
import type { Resource, ResourceOf } from '../core/resource.ts';
import type { StackComponent } from '../kit/components.ts';
import { componentsOf } from '../kit/components.ts';
import type { Registry } from '../project/registry.ts';
import { at } from '../validate/context.ts';
import { dashboardQueries } from '../validate/dashboard-queries.ts';
import type { QueryLanguage } from '../validate/query/parse.ts';

export type QueryKind = 'panel' | 'variable' | 'alert' | 'record' | 'datasource';

export interface CollectedQuery {
  readonly resource: Resource;
  /** Field path in the resource, as problems name it. */
  readonly path: string;
  readonly kind: QueryKind;
  readonly language: QueryLanguage;
  /** The query as written (macros and variables not replaced). */
  readonly text: string;
  /** Components the target declares (panel targets only). */
  readonly components?: readonly StackComponent[];
  /** Panel title, alert or recording-rule name: what a person calls it. */
  readonly label: string;
}

function dashboardQueriesOf(registry: Registry, dashboard: ResourceOf<'Dashboard'>): CollectedQuery[] {
  return dashboardQueries(registry, dashboard).map((query): CollectedQuery => {
    if (query.kind === 'variable') {
      return {
        resource: dashboard,
        path: query.path,
        kind: 'variable',
        language: query.language,
        text: query.text,
        label: `$${query.variable.name ?? '?'}`,
      };
    }
    const components = componentsOf(query.target);
    return {
      resource: dashboard,
      path: query.path,
      kind: 'panel',
      language: query.language,
      text: query.text,
      ...(components === undefined ? {} : { components }),
      label: query.visit.panel.title ?? query.visit.path,
    };
  });
}

function ruleQueries(group: ResourceOf<'AlertRuleGroup'>): CollectedQuery[] {
  const origin = group.origin;
  if (origin === undefined) return [];
  const language: QueryLanguage = origin.datasourceType === 'loki' ? 'LogQL' : 'PromQL';
  return origin.group.rules.map((rule, i) => ({
    resource: group,
    path: at(at('rules', i), 'expr'),
    kind: isAlertingRule(rule) ? ('alert' as const) : ('record' as const),
    language,
    text: rule.expr,
    label: ruleName(rule),
  }));
}

function datasourceQueries(ds: ResourceOf<'DataSource'>): CollectedQuery[] {
  if (ds.spec.type !== 'tempo') return [];
  const queries = field(field(ds.spec.jsonData, 'tracesToMetrics'), 'queries');
  if (!Array.isArray(queries)) return [];
  return queries.flatMap((q: unknown, i) => {
    const text = field(q, 'query');
    const name = field(q, 'name');
    if (typeof text !== 'string') return [];
    return [
      {
        resource: ds,
        path: at(at('jsonData.tracesToMetrics.queries', i), 'query'),
        kind: 'datasource' as const,
        language: 'PromQL' as const,
        text,
        label: typeof name === 'string' ? name : `queries[${i}]`,
      },
    ];
  });
}

/** Every query of the registry, in resource order. */
export function collectQueries(registry: Registry): readonly CollectedQuery[] {
  return registry.resources.flatMap((r): CollectedQuery[] => {
    if (r.kind === 'Dashboard') return dashboardQueriesOf(registry, r);
    if (r.kind === 'AlertRuleGroup') return ruleQueries(r);
    if (r.kind === 'DataSource') return datasourceQueries(r);
    return [];
  });
}

/** Recording rules of the registry by the name they record, with their expressions. */
export function recordingRules(registry: Registry): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const group of registry.byKind('AlertRuleGroup')) {
    for (const rule of group.origin?.group.rules ?? []) {
      if (!isAlertingRule(rule)) out.set(rule.record, [...(out.get(rule.record) ?? []), rule.expr]);
    }
  }
  return out;
}

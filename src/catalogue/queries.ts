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
import type { VariableJson } from '../validate/dashboard-walk.ts';
import { panelsOf, variablesByName, variablesOf } from '../validate/dashboard-walk.ts';
import { resolveDatasource } from '../validate/datasource-resolution.ts';
import type { QueryLanguage } from '../validate/query/parse.ts';
import { variablePromQL } from '../validate/rules/queries.ts';

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

const LANGUAGE_OF: Readonly<Record<string, QueryLanguage>> = {
  prometheus: 'PromQL',
  loki: 'LogQL',
  tempo: 'TraceQL',
};

function dashboardQueries(registry: Registry, dashboard: ResourceOf<'Dashboard'>): CollectedQuery[] {
  const out: CollectedQuery[] = [];
  const variables: ReadonlyMap<string, VariableJson> = variablesByName(dashboard.spec);
  for (const { variable, path } of variablesOf(dashboard.spec)) {
    if (variable.type !== 'query' || variable.datasource === undefined) continue;
    const resolved = resolveDatasource(variable.datasource, registry, variables);
    if (!resolved.ok || resolved.type !== 'prometheus') continue;
    const expr = variablePromQL(variable.query);
    if (expr === undefined) continue;
    out.push({
      resource: dashboard,
      path: at(path, 'query'),
      kind: 'variable',
      language: 'PromQL',
      text: expr,
      label: `$${variable.name ?? '?'}`,
    });
  }
  for (const { panel, path } of panelsOf(dashboard.spec)) {
    (panel.targets ?? []).forEach((target, j) => {
      const ref = target.datasource ?? panel.datasource;
      if (ref === undefined) return;
      const resolved = resolveDatasource(ref, registry, variables);
      const language = resolved.ok && resolved.type !== undefined ? LANGUAGE_OF[resolved.type] : undefined;
      if (language === undefined) return;
      const isTempo = language === 'TraceQL';
      const text = isTempo ? target.query : target.expr;
      if (typeof text !== 'string') return;
      const components = componentsOf(target);
      out.push({
        resource: dashboard,
        path: at(at(at(path, 'targets'), j), isTempo ? 'query' : 'expr'),
        kind: 'panel',
        language,
        text,
        ...(components === undefined ? {} : { components }),
        label: panel.title ?? path,
      });
    });
  }
  return out;
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
    if (r.kind === 'Dashboard') return dashboardQueries(registry, r);
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

/**
 * The queries of a dashboard, found once: panel targets whose data source resolves to Prometheus (PromQL), Loki
 * (LogQL) or Tempo (TraceQL, only for `traceql` targets: search, service map and trace id targets hold no TraceQL
 * text), and the PromQL inside Prometheus query variables. The query-syntax rule, the dashboard lint rules and the
 * metric catalogue all read them from here, so they agree on which text is which language.
 */
import { field } from '../core/json.ts';
import type { ResourceOf } from '../core/resource.ts';
import type { Registry } from '../project/registry.ts';
import { at } from './context.ts';
import type { PanelVisit, TargetJson, VariableJson } from './dashboard-walk.ts';
import { panelsOf, variablesByName, variablesOf } from './dashboard-walk.ts';
import { resolveDatasource } from './datasource-resolution.ts';
import type { QueryLanguage } from './query/parse.ts';

/** The language each queried data source type speaks. */
export const LANGUAGE_OF: Readonly<Record<string, QueryLanguage>> = {
  prometheus: 'PromQL',
  loki: 'LogQL',
  tempo: 'TraceQL',
};

/** A panel target's query. */
export interface PanelQuery {
  readonly kind: 'panel';
  /** Path of the query text: `panels[0].targets[1].expr` (or `.query` for TraceQL). */
  readonly path: string;
  readonly language: QueryLanguage;
  /** The query as written (macros and variables not replaced). */
  readonly text: string;
  readonly visit: PanelVisit;
  readonly target: TargetJson;
}

/** The PromQL of a Prometheus query variable (`label_values(<expr>, label)`, `query_result(<expr>)`). */
export interface VariableQuery {
  readonly kind: 'variable';
  /** Path of the variable's query: `templating.list[2].query`. */
  readonly path: string;
  readonly language: 'PromQL';
  readonly text: string;
  readonly variable: VariableJson;
  /** Path of the variable: `templating.list[2]`. */
  readonly variablePath: string;
}

export type DashboardQuery = PanelQuery | VariableQuery;

/** The PromQL inside a Prometheus variable query: `label_values(<expr>, label)` or `query_result(<expr>)`. */
export function variablePromQL(query: unknown): string | undefined {
  const text = typeof query === 'string' ? query : field(query, 'query');
  if (typeof text !== 'string') return undefined;
  const labelValues = /^\s*label_values\(\s*(.+),\s*\w+\s*\)\s*$/s.exec(text);
  if (labelValues?.[1] !== undefined) return labelValues[1];
  const queryResult = /^\s*query_result\(\s*(.+)\s*\)\s*$/s.exec(text);
  return queryResult?.[1];
}

/** The field holding a target's query text in the given language, and the text, when it has one. */
function targetText(
  target: TargetJson,
  language: QueryLanguage,
): { field: string; text: string } | undefined {
  if (language === 'TraceQL') {
    if (target.queryType !== undefined && target.queryType !== 'traceql') return undefined;
    return typeof target.query === 'string' ? { field: 'query', text: target.query } : undefined;
  }
  return typeof target.expr === 'string' ? { field: 'expr', text: target.expr } : undefined;
}

function collect(registry: Registry, dashboard: ResourceOf<'Dashboard'>): readonly DashboardQuery[] {
  const spec = dashboard.spec;
  const variables = variablesByName(spec);
  const out: DashboardQuery[] = [];
  for (const { variable, path } of variablesOf(spec)) {
    if (variable.type !== 'query' || variable.datasource === undefined) continue;
    const resolved = resolveDatasource(variable.datasource, registry, variables);
    if (!resolved.ok || resolved.type !== 'prometheus') continue;
    const text = variablePromQL(variable.query);
    if (text === undefined) continue;
    out.push({
      kind: 'variable',
      path: at(path, 'query'),
      language: 'PromQL',
      text,
      variable,
      variablePath: path,
    });
  }
  for (const visit of panelsOf(spec)) {
    (visit.panel.targets ?? []).forEach((target, j) => {
      const ref = target.datasource ?? visit.panel.datasource;
      if (ref === undefined || ref === null) return;
      const resolved = resolveDatasource(ref, registry, variables);
      // An unresolved reference is the data source rule's; its query is still read when the reference says its
      // type (a data source of the Grafana the repository does not define, as imported dashboards have).
      const type = resolved.ok ? resolved.type : typeof ref === 'string' ? undefined : ref.type;
      if (typeof type !== 'string') return;
      if (type === undefined) return;
      const language = LANGUAGE_OF[type];
      if (language === undefined) return;
      const query = targetText(target, language);
      if (query === undefined) return;
      out.push({
        kind: 'panel',
        path: at(visit.queryPath?.(j) ?? at(at(visit.path, 'targets'), j), query.field),
        language,
        text: query.text,
        visit,
        target,
      });
    });
  }
  return out;
}

const cache = new WeakMap<Registry, WeakMap<object, readonly DashboardQuery[]>>();

/** Every query of a dashboard, variables first, then panels in reading order; found once per registry. */
export function dashboardQueries(
  registry: Registry,
  dashboard: ResourceOf<'Dashboard'>,
): readonly DashboardQuery[] {
  let byDashboard = cache.get(registry);
  if (byDashboard === undefined) {
    byDashboard = new WeakMap();
    cache.set(registry, byDashboard);
  }
  let queries = byDashboard.get(dashboard);
  if (queries === undefined) {
    queries = collect(registry, dashboard);
    byDashboard.set(dashboard, queries);
  }
  return queries;
}

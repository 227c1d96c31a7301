/**
 * Dashboard lint, in the spirit of Grafana's dashboard-linter, for dashboards only (alert rules have fixed
 * windows on purpose):
 *
 * - `datasource-variable`: queries and query variables go through a data source variable, never a fixed uid, so
 *   one dashboard serves every Prometheus / Loki / Tempo of an environment (the linter's template-datasource-rule).
 * - `rate-interval`: PromQL `rate()`, `irate()` and `increase()` range over `[$__rate_interval]`; `increase()` may
 *   also take `[$__range]`, the total over the selected time range (target-rate-interval-rule).
 * - `table-unit`: a table showing PromQL results has a unit, for all columns or per value column (the unit of
 *   time series, stats and gauges is checked by the dashboard rule). A table that only lists series whose value
 *   is always 1 (`ALERTS`, `*_info`) shows no quantity and needs none.
 * - `picker-applies`: a `label_values(<series>, <label>)` picker applies to every query of the series it is made
 *   from: when the series selects `job="x"`, every selector of `job="x"`; when it names a metric, every selector of
 *   that metric's family (`_bucket`, `_count`, `_sum` included). Such a selector must match `<label>` with the
 *   variable (target-job-rule and target-instance-rule, made precise). A query variable no query, title or other
 *   variable uses is reported too: choosing a value would change nothing. (A query using a variable the
 *   dashboard does not define is reported by the query-syntax rule.)
 * - `panel-description`: every panel but rows and text has a title and a description (panel-title-description-rule).
 *
 * Queries that do not parse are left to the query-syntax rule.
 */
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import { field } from '../../core/json.ts';
import type { ResourceOf } from '../../core/resource.ts';
import type { PromQLAnalysis, VectorSelector } from '../../promql/analyze.ts';
import { analyzePromQL } from '../../promql/analyze.ts';
import type { ValidationContext, ValidationRule } from '../context.ts';
import { at, show } from '../context.ts';
import { dashboardQueries } from '../dashboard-queries.ts';
import type { PanelJson, PanelVisit, TargetJson, VariableJson } from '../dashboard-walk.ts';
import { panelLabel, panelsOf, variableName, variablesByName, variablesOf } from '../dashboard-walk.ts';
import { BUILTIN_DATASOURCES, resolveDatasource } from '../datasource-resolution.ts';
import { RANGE, RATE_INTERVAL, placeholder, preparedQuery, prepareQuery } from '../query/prepared.ts';

type Dashboard = ResourceOf<'Dashboard'>;

const RATE_FUNCTIONS: ReadonlySet<string> = new Set(['rate', 'irate', 'increase']);
const QUERY_TYPES: ReadonlySet<string> = new Set(['prometheus', 'loki', 'tempo']);

interface PromTarget {
  readonly visit: PanelVisit;
  readonly path: string;
  /** The expression as the linter reads it (see prepare). */
  readonly prepared: string;
  /** The prepared expression analysed, once; undefined when it does not parse. */
  readonly analysis: PromQLAnalysis | undefined;
}

/** The type a target queries (`prometheus`, `loki`, …) and the reference it goes through, when they resolve. */
function targetSource(
  context: ValidationContext,
  panel: PanelJson,
  target: TargetJson,
  variables: ReadonlyMap<string, VariableJson>,
): { type: string; ref: DataSourceRef; own: boolean } | undefined {
  const ref = target.datasource ?? panel.datasource;
  if (ref === undefined) return undefined;
  const resolved = resolveDatasource(ref, context.registry, variables);
  if (!resolved.ok || resolved.type === undefined) return undefined;
  return { type: resolved.type, ref, own: target.datasource !== undefined };
}

/** The dashboard's PromQL panel queries, each prepared and analysed once. */
function promTargets(context: ValidationContext, dashboard: Dashboard): PromTarget[] {
  return dashboardQueries(context.registry, dashboard).flatMap((query) => {
    if (query.kind !== 'panel' || query.language !== 'PromQL') return [];
    const prepared = preparedQuery(context.registry, query, dashboard.spec);
    const analysis = analyzePromQL(prepared.text);
    prepared.parses = analysis !== undefined;
    return [{ visit: query.visit, path: query.path, prepared: prepared.text, analysis }];
  });
}

function isFixed(uid: string | undefined): uid is string {
  return uid !== undefined && uid !== '' && variableName(uid) === undefined && !BUILTIN_DATASOURCES.has(uid);
}

function checkDatasourceVariables(context: ValidationContext, dashboard: Dashboard): void {
  const variables = variablesByName(dashboard.spec);
  const fix = (type: string): string =>
    `Query through the dashboard's data source variable: declare it with datasourceVariable('${type}', …) and leave the query's datasource option out`;
  for (const visit of panelsOf(dashboard.spec)) {
    (visit.panel.targets ?? []).forEach((target, j) => {
      const source = targetSource(context, visit.panel, target, variables);
      if (source === undefined || !QUERY_TYPES.has(source.type) || !isFixed(source.ref.uid)) return;
      context.report(
        dashboard,
        source.own ? at(at(at(visit.path, 'targets'), j), 'datasource') : at(visit.path, 'datasource'),
        `${panelLabel(visit)} queries ${source.type} data source ${show(source.ref.uid)} by its uid, so the dashboard cannot be pointed at another ${source.type}`,
        fix(source.type),
      );
    });
  }
  for (const { variable, path } of variablesOf(dashboard.spec)) {
    if (variable.type !== 'query' || variable.datasource === undefined) continue;
    const resolved = resolveDatasource(variable.datasource, context.registry, variables);
    if (!resolved.ok || resolved.type === undefined || !QUERY_TYPES.has(resolved.type)) continue;
    if (!isFixed(variable.datasource.uid)) continue;
    context.report(
      dashboard,
      at(path, 'datasource'),
      `variable $${variable.name ?? '?'} reads ${resolved.type} data source ${show(variable.datasource.uid)} by its uid`,
      fix(resolved.type),
    );
  }
}

function checkRateIntervals(
  dashboard: Dashboard,
  targets: readonly PromTarget[],
  context: ValidationContext,
): void {
  for (const t of targets) {
    for (const call of t.analysis?.rangeCalls ?? []) {
      if (!RATE_FUNCTIONS.has(call.fn) || call.range === RATE_INTERVAL) continue;
      if (call.fn === 'increase' && call.range === RANGE) continue;
      const range = call.range === RANGE ? '$__range' : call.range;
      context.report(
        dashboard,
        t.path,
        `${panelLabel(t.visit)} takes ${call.fn}() over [${range}]: a fixed window leaves gaps when zoomed out and misses samples when the scrape interval changes`,
        call.fn === 'increase'
          ? 'Use [$__rate_interval], or [$__range] for the total over the selected time range'
          : 'Use [$__rate_interval]',
      );
    }
  }
}

/** Whether a table has a unit: for every column, or an override with a unit on each query's value column. */
function tableHasUnits(panel: PanelJson, refIds: readonly string[]): boolean {
  if ((panel.fieldConfig?.defaults?.unit ?? '') !== '') return true;
  const overrides = field(panel.fieldConfig, 'overrides');
  const withUnit = new Set<string>();
  if (Array.isArray(overrides)) {
    for (const o of overrides) {
      const matcher = field(o, 'matcher');
      const properties = field(o, 'properties');
      const hasUnit =
        Array.isArray(properties) &&
        properties.some((p) => field(p, 'id') === 'unit' && field(p, 'value') !== '');
      const name = field(matcher, 'options');
      if (field(matcher, 'id') === 'byName' && typeof name === 'string' && hasUnit) withUnit.add(name);
    }
  }
  return refIds.every((refId) => withUnit.has(refIds.length === 1 ? 'Value' : `Value #${refId}`));
}

/** A bare selector of a series whose value is always 1: the query lists series rather than measuring. */
function listsSeries(t: PromTarget): boolean {
  const only = t.analysis?.selectors.length === 1 ? t.analysis.selectors[0] : undefined;
  if (only === undefined) return false;
  const whole = t.prepared.slice(0, only.from).trim() === '' && t.prepared.slice(only.to).trim() === '';
  return whole && (only.name === 'ALERTS' || (only.name?.endsWith('_info') ?? false));
}

function checkTableUnits(
  dashboard: Dashboard,
  targets: readonly PromTarget[],
  context: ValidationContext,
): void {
  const byPanel = new Map<string, PromTarget[]>();
  for (const t of targets) {
    if (t.visit.panel.type !== 'table' || listsSeries(t)) continue;
    byPanel.set(t.visit.path, [...(byPanel.get(t.visit.path) ?? []), t]);
  }
  for (const [path, list] of byPanel) {
    const first = list[0];
    if (first === undefined) continue;
    const panel = first.visit.panel;
    const all = panel.targets ?? [];
    if (
      tableHasUnits(
        panel,
        all.map((t, i) => t.refId ?? String(i)),
      )
    )
      continue;
    context.report(
      dashboard,
      at(at(path, 'fieldConfig.defaults'), 'unit'),
      `${panelLabel(first.visit)} (table) shows query results without a unit`,
      'Set the unit of its numbers, or one per value column (tablePanel columns)',
    );
  }
}

interface Picker {
  readonly variable: VariableJson;
  readonly path: string;
  readonly name: string;
  readonly label: string;
  /** `job="x"` or the metric family the picker's series selects. */
  readonly scope: { readonly kind: 'job' | 'family'; readonly value: string };
}

function family(metric: string): string {
  return metric.replace(/_(bucket|count|sum)$/, '');
}

/** The pickers whose series parses: `label_values(<series>, <label>)` on Prometheus. */
function pickersOf(
  context: ValidationContext,
  dashboard: Dashboard,
): { pickers: Picker[]; unparsed: Set<string> } {
  const variables = variablesByName(dashboard.spec);
  const queried = new Map<VariableJson, string>();
  for (const query of dashboardQueries(context.registry, dashboard)) {
    if (query.kind === 'variable') queried.set(query.variable, query.text);
  }
  const pickers: Picker[] = [];
  const unparsed = new Set<string>();
  for (const { variable, path } of variablesOf(dashboard.spec)) {
    if (variable.type !== 'query' || variable.name === undefined || variable.datasource === undefined)
      continue;
    const resolved = resolveDatasource(variable.datasource, context.registry, variables);
    if (!resolved.ok || resolved.type !== 'prometheus') continue;
    const series = queried.get(variable);
    const text = typeof variable.query === 'string' ? variable.query : field(variable.query, 'query');
    const labelName = typeof text === 'string' ? /,\s*(\w+)\s*\)\s*$/.exec(text)?.[1] : undefined;
    const analysis =
      series === undefined ? undefined : analyzePromQL(prepareQuery(series, dashboard.spec).text);
    const selector = analysis?.selectors[0];
    if (labelName === undefined || selector === undefined) {
      unparsed.add(variable.name);
      continue;
    }
    const job = selector.matchers.find((m) => m.label === 'job' && m.op === '=');
    const scope =
      job !== undefined
        ? { kind: 'job' as const, value: job.value }
        : selector.name !== undefined
          ? { kind: 'family' as const, value: family(selector.name) }
          : undefined;
    if (scope !== undefined) pickers.push({ variable, path, name: variable.name, label: labelName, scope });
  }
  return { pickers, unparsed };
}

function inScope(selector: VectorSelector, picker: Picker): boolean {
  if (picker.scope.kind === 'job') {
    return selector.matchers.some((m) => m.label === 'job' && m.op === '=' && m.value === picker.scope.value);
  }
  return selector.name !== undefined && family(selector.name) === picker.scope.value;
}

/** The picker as the dashboard shows it: its label, else its name. */
function pickerLabel(picker: Picker): string {
  const shown = field(picker.variable, 'label');
  return typeof shown === 'string' && shown !== '' ? shown : picker.name;
}

function describe(picker: Picker): string {
  return picker.scope.kind === 'job' ? `job=${JSON.stringify(picker.scope.value)}` : `${picker.scope.value}*`;
}

/** Where a variable can be used: `$name`, `${name}`, `${name:format}`, `${name.field}`, `[[name]]`. */
function uses(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$${escaped}(?![\\w])|\\$\\{${escaped}[}:.]|\\[\\[${escaped}[\\]:]`).test(text);
}

function checkPickers(
  dashboard: Dashboard,
  targets: readonly PromTarget[],
  context: ValidationContext,
): void {
  const { pickers, unparsed } = pickersOf(context, dashboard);
  for (const picker of pickers) {
    for (const t of targets) {
      const missing = t.analysis?.selectors.find(
        (s) =>
          inScope(s, picker) &&
          !s.matchers.some((m) => m.label === picker.label && m.value.includes(placeholder(picker.name))),
      );
      if (missing === undefined) continue;
      context.report(
        dashboard,
        t.path,
        `${panelLabel(t.visit)} selects ${describe(picker)} without ${picker.label}=~"$${picker.name}", so the ${show(pickerLabel(picker))} picker does not apply to it`,
        `Add ${picker.label}=~"$${picker.name}" to that selector, e.g. metric(name, selector, { ${picker.label}: re('$${picker.name}') })`,
      );
    }
  }
  checkUnused(dashboard, context, unparsed);
}

function checkUnused(dashboard: Dashboard, context: ValidationContext, unparsed: ReadonlySet<string>): void {
  const spec = dashboard.spec;
  const texts: string[] = [];
  for (const { panel } of panelsOf(spec)) {
    texts.push(panel.title ?? '', JSON.stringify(field(panel, 'repeat') ?? ''));
    for (const target of panel.targets ?? []) texts.push(target.expr ?? '', target.query ?? '');
  }
  const all = variablesOf(spec);
  for (const { variable, path } of all) {
    const name = variable.name;
    if (name === undefined || variable.type !== 'query' || unparsed.has(name)) continue;
    const others = all
      .filter((v) => v.variable !== variable)
      .map((v) =>
        typeof v.variable.query === 'string' ? v.variable.query : JSON.stringify(v.variable.query ?? ''),
      );
    if ([...texts, ...others].some((text) => uses(text, name))) continue;
    context.report(
      dashboard,
      path,
      `the $${name} picker is used by no query, so choosing a value changes nothing`,
      `Use $${name} in the queries it should filter, or remove the variable`,
    );
  }
}

function checkDescriptions(dashboard: Dashboard, context: ValidationContext): void {
  for (const visit of panelsOf(dashboard.spec)) {
    const { panel, path } = visit;
    if (panel.type === 'row' || panel.type === 'text') continue;
    if ((panel.title ?? '').trim() === '') {
      context.report(
        dashboard,
        at(path, 'title'),
        `${panelLabel(visit)} (${panel.type ?? 'panel'}) has no title`,
        'Give it a title',
      );
    }
    const description = field(panel, 'description');
    if (typeof description !== 'string' || description.trim() === '') {
      context.report(
        dashboard,
        at(path, 'description'),
        `${panelLabel(visit)} (${panel.type ?? 'panel'}) has no description`,
        'Say what it shows and what good looks like; it is the panel’s (i) tooltip',
      );
    }
  }
}

/** The dashboard lint rules (see the top of this file); their problems name the panel and the field. */
export const dashboardLint: ValidationRule = {
  name: 'dashboard-lint',
  *check(context) {
    for (const dashboard of context.registry.byKind('Dashboard')) {
      const targets = promTargets(context, dashboard);
      checkDatasourceVariables(context, dashboard);
      checkRateIntervals(dashboard, targets, context);
      checkTableUnits(dashboard, targets, context);
      checkPickers(dashboard, targets, context);
      checkDescriptions(dashboard, context);
      yield;
    }
  },
};

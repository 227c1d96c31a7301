import {
  CustomVariableBuilder,
  DatasourceVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import type { QueryDataSourceType } from './datasource-refs.ts';
import { DS_VARIABLE, variableRef } from './datasource-refs.ts';

/**
 * The data source variable every dashboard starts with (dashboard-linter: `template-datasource-rule`). Its
 * default is the Config's data source uid, so a fresh dashboard opens on the right Prometheus.
 */
export function datasourceVariable(type: QueryDataSourceType, defaultUid: string): DatasourceVariableBuilder {
  const name = DS_VARIABLE[type];
  return new DatasourceVariableBuilder(name)
    .label(type === 'prometheus' ? 'Data source' : type[0]?.toUpperCase() + type.slice(1))
    .type(type)
    .current({ selected: true, text: defaultUid, value: defaultUid });
}

export interface LabelVariableOptions {
  /** Variable name, used as `$name` in queries. */
  readonly name: string;
  readonly label?: string;
  /** The label whose values are offered. */
  readonly labelName: string;
  /** The series to read values from, e.g. `up{job=~".+"}` (a metric with a selector). */
  readonly series: string;
  readonly multi?: boolean;
  readonly includeAll?: boolean;
}

/** A Prometheus `label_values()` variable, refreshed with the time range. */
export function labelVariable(options: LabelVariableOptions): QueryVariableBuilder {
  const query = `label_values(${options.series}, ${options.labelName})`;
  const v = new QueryVariableBuilder(options.name)
    .label(options.label ?? options.name)
    .datasource(variableRef('prometheus'))
    .query({ query, refId: 'PrometheusVariableQueryEditor-VariableQuery', qryType: 1 })
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(options.multi ?? true)
    .includeAll(options.includeAll ?? true);
  if (options.includeAll ?? true) v.allValue('.+');
  return v;
}

export interface LokiLabelVariableOptions {
  /** Variable name, used as `$name` in queries. */
  readonly name: string;
  readonly label?: string;
  /** The stream label whose values are offered. */
  readonly labelName: string;
  /** The streams to read values from, e.g. `{app=~".+"}`. */
  readonly stream: string;
  readonly multi?: boolean;
  readonly includeAll?: boolean;
}

/**
 * A Loki label-values variable (the variable editor's "Label values" query, type 1), refreshed with the time
 * range; on the dashboard's Loki data source variable.
 */
export function lokiLabelVariable(options: LokiLabelVariableOptions): QueryVariableBuilder {
  const definition = `label_values(${options.stream}, ${options.labelName})`;
  const v = new QueryVariableBuilder(options.name)
    .label(options.label ?? options.name)
    .datasource(variableRef('loki'))
    .query({
      type: 1,
      label: options.labelName,
      stream: options.stream,
      refId: 'LokiVariableQueryEditor-VariableQuery',
    })
    .definition(definition)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(options.multi ?? true)
    .includeAll(options.includeAll ?? true);
  if (options.includeAll ?? true) v.allValue('.+');
  return v;
}

/** `$job`: the Prometheus job label of the series a dashboard is about. */
export function jobVariable(series: string): QueryVariableBuilder {
  return labelVariable({ name: 'job', label: 'Job', labelName: 'job', series });
}

/** `$instance`, narrowed by `$job`. */
export function instanceVariable(metricName: string): QueryVariableBuilder {
  return labelVariable({
    name: 'instance',
    label: 'Instance',
    labelName: 'instance',
    series: `${metricName}{job=~"$job"}`,
  });
}

/** `$service`: Beyla's `service_name` label. */
export function serviceVariable(series: string): QueryVariableBuilder {
  return labelVariable({ name: 'service', label: 'Service', labelName: 'service_name', series });
}

/** A fixed list of choices, e.g. percentiles. */
export function customVariable(
  name: string,
  values: readonly string[],
  current: string,
): CustomVariableBuilder {
  return new CustomVariableBuilder(name)
    .values(values.join(','))
    .current({ selected: true, text: current, value: current });
}

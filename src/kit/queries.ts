import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import type { dataquery as LokiDataquery } from '@grafana/grafana-foundation-sdk/loki';
import { DataqueryBuilder as LokiQueryBuilder } from '@grafana/grafana-foundation-sdk/loki';
import type { Dataquery as PromDataquery } from '@grafana/grafana-foundation-sdk/prometheus';
import {
  DataqueryBuilder as PromQueryBuilder,
  PromQueryFormat,
} from '@grafana/grafana-foundation-sdk/prometheus';
import type { Dataquery as TempoDataquery } from '@grafana/grafana-foundation-sdk/tempo';
import { DataqueryBuilder as TempoQueryBuilder } from '@grafana/grafana-foundation-sdk/tempo';
import type { ComponentOption, StackComponent } from './components.ts';
import { COMPONENTS_FIELD, componentList } from './components.ts';
import { variableRef } from './datasource-refs.ts';

/** What every query option set has besides its language's own: the component(s) it reads (see components.ts). */
export interface QueryComponentOption {
  /** Overrides the panel's `component` for this query. */
  readonly component?: ComponentOption;
}

// Builders that add the `components` field to what they build, on a copy: the SDK builder's own object stays as is.
class PromQueryWithComponents extends PromQueryBuilder {
  constructor(private readonly components: readonly StackComponent[]) {
    super();
  }
  override build(): PromDataquery {
    return Object.assign({}, super.build(), { [COMPONENTS_FIELD]: this.components });
  }
}

class LokiQueryWithComponents extends LokiQueryBuilder {
  constructor(private readonly components: readonly StackComponent[]) {
    super();
  }
  override build(): LokiDataquery {
    return Object.assign({}, super.build(), { [COMPONENTS_FIELD]: this.components });
  }
}

class TempoQueryWithComponents extends TempoQueryBuilder {
  constructor(private readonly components: readonly StackComponent[]) {
    super();
  }
  override build(): TempoDataquery {
    return Object.assign({}, super.build(), { [COMPONENTS_FIELD]: this.components });
  }
}

export interface PromQueryOptions extends QueryComponentOption {
  /** Legend template, e.g. `{{service_name}}`. */
  readonly legend?: string;
  /** One value per series (stat, gauge, table) instead of a range. */
  readonly instant?: boolean;
  readonly format?: 'time_series' | 'table' | 'heatmap';
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  /** Show exemplars (links to traces) on time series. */
  readonly exemplar?: boolean;
  /** Minimum step, e.g. `1m`. */
  readonly interval?: string;
}

const FORMATS: Readonly<Record<NonNullable<PromQueryOptions['format']>, PromQueryFormat>> = {
  time_series: PromQueryFormat.TimeSeries,
  table: PromQueryFormat.Table,
  heatmap: PromQueryFormat.Heatmap,
};

/** A PromQL target on the dashboard's Prometheus data source variable. */
export function promQuery(expr: string, options: PromQueryOptions = {}): PromQueryBuilder {
  const q = (
    options.component === undefined
      ? new PromQueryBuilder()
      : new PromQueryWithComponents(componentList(options.component))
  )
    .expr(expr)
    .datasource(options.datasource ?? variableRef('prometheus'));
  if (options.legend !== undefined) q.legendFormat(options.legend);
  if (options.instant === true) q.instant();
  else q.range();
  if (options.format !== undefined) q.format(FORMATS[options.format]);
  if (options.refId !== undefined) q.refId(options.refId);
  if (options.exemplar === true) q.exemplar(true);
  if (options.interval !== undefined) q.interval(options.interval);
  return q;
}

export interface LokiQueryOptions extends QueryComponentOption {
  readonly legend?: string;
  readonly instant?: boolean;
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  readonly maxLines?: number;
}

/** A LogQL target (log lines or a metric query) on the dashboard's Loki data source variable. */
export function lokiQuery(expr: string, options: LokiQueryOptions = {}): LokiQueryBuilder {
  const q = (
    options.component === undefined
      ? new LokiQueryBuilder()
      : new LokiQueryWithComponents(componentList(options.component))
  )
    .expr(expr)
    .datasource(options.datasource ?? variableRef('loki'));
  q.queryType(options.instant === true ? 'instant' : 'range');
  if (options.legend !== undefined) q.legendFormat(options.legend);
  if (options.refId !== undefined) q.refId(options.refId);
  if (options.maxLines !== undefined) q.maxLines(options.maxLines);
  return q;
}

export interface TempoQueryOptions extends QueryComponentOption {
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  readonly limit?: number;
}

/** A TraceQL search on the dashboard's Tempo data source variable. */
export function tempoQuery(traceql: string, options: TempoQueryOptions = {}): TempoQueryBuilder {
  const q = (
    options.component === undefined
      ? new TempoQueryBuilder()
      : new TempoQueryWithComponents(componentList(options.component))
  )
    .queryType('traceql')
    .query(traceql)
    .datasource(options.datasource ?? variableRef('tempo'));
  if (options.refId !== undefined) q.refId(options.refId);
  if (options.limit !== undefined) q.limit(options.limit);
  return q;
}

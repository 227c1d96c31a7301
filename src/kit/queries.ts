import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import { DataqueryBuilder as LokiQueryBuilder } from '@grafana/grafana-foundation-sdk/loki';
import {
  DataqueryBuilder as PromQueryBuilder,
  PromQueryFormat,
} from '@grafana/grafana-foundation-sdk/prometheus';
import { DataqueryBuilder as TempoQueryBuilder } from '@grafana/grafana-foundation-sdk/tempo';
import { variableRef } from './datasource-refs.ts';

export interface PromQueryOptions {
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
  const q = new PromQueryBuilder().expr(expr).datasource(options.datasource ?? variableRef('prometheus'));
  if (options.legend !== undefined) q.legendFormat(options.legend);
  if (options.instant === true) q.instant();
  else q.range();
  if (options.format !== undefined) q.format(FORMATS[options.format]);
  if (options.refId !== undefined) q.refId(options.refId);
  if (options.exemplar === true) q.exemplar(true);
  if (options.interval !== undefined) q.interval(options.interval);
  return q;
}

export interface LokiQueryOptions {
  readonly legend?: string;
  readonly instant?: boolean;
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  readonly maxLines?: number;
}

/** A LogQL target (log lines or a metric query) on the dashboard's Loki data source variable. */
export function lokiQuery(expr: string, options: LokiQueryOptions = {}): LokiQueryBuilder {
  const q = new LokiQueryBuilder().expr(expr).datasource(options.datasource ?? variableRef('loki'));
  q.queryType(options.instant === true ? 'instant' : 'range');
  if (options.legend !== undefined) q.legendFormat(options.legend);
  if (options.refId !== undefined) q.refId(options.refId);
  if (options.maxLines !== undefined) q.maxLines(options.maxLines);
  return q;
}

export interface TempoQueryOptions {
  readonly refId?: string;
  readonly datasource?: DataSourceRef;
  readonly limit?: number;
}

/** A TraceQL search on the dashboard's Tempo data source variable. */
export function tempoQuery(traceql: string, options: TempoQueryOptions = {}): TempoQueryBuilder {
  const q = new TempoQueryBuilder()
    .queryType('traceql')
    .query(traceql)
    .datasource(options.datasource ?? variableRef('tempo'));
  if (options.refId !== undefined) q.refId(options.refId);
  if (options.limit !== undefined) q.limit(options.limit);
  return q;
}

import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric, quote, matchers } from '../src/index.ts';
import { dashboard, runbook } from './links.ts';

/**
 * Where telemetry can be lost between an application and the stores, with the counters that say so. Each stage
 * counts what it lost and what it handled; `lost` series are a subset of `handled` ones.
 * Metric names: Alloy v1.18 self-metrics (prometheus.remote_write, loki.write, otelcol.*), Loki 3, Tempo 2/3.
 */
const STAGES: readonly { stage: string; job: 'alloy' | 'loki' | 'tempo'; lost: string; handled: string }[] = [
  {
    // Failed (non-recoverable) and dropped samples of Alloy's Prometheus remote write; samples_total counts every
    // sample sent, failed ones included, dropped ones not.
    stage: 'alloy_remote_write',
    job: 'alloy',
    lost: 'prometheus_remote_storage_samples_(failed|dropped)_total',
    handled: 'prometheus_remote_storage_samples_(total|dropped_total)',
  },
  {
    stage: 'alloy_loki_write',
    job: 'alloy',
    lost: 'loki_write_dropped_entries_total',
    handled: 'loki_write_(sent|dropped)_entries_total',
  },
  {
    // Refused at Alloy's OTLP receivers (memory limiter, bad data): spans, metric points and log records.
    stage: 'alloy_otlp_receive',
    job: 'alloy',
    lost: 'otelcol_receiver_refused_(spans|metric_points|log_records)_total',
    handled: 'otelcol_receiver_(accepted|refused)_(spans|metric_points|log_records)_total',
  },
  {
    stage: 'alloy_otlp_export',
    job: 'alloy',
    lost: 'otelcol_exporter_send_failed_(spans|metric_points|log_records)_total',
    handled: 'otelcol_exporter_(sent|send_failed)_(spans|metric_points|log_records)_total',
  },
  {
    // Lines Loki refused (rate limits, too old, too long); lines_received counts accepted lines only.
    stage: 'loki_ingest',
    job: 'loki',
    lost: 'loki_discarded_samples_total',
    handled: 'loki_(discarded_samples|distributor_lines_received)_total',
  },
  {
    stage: 'tempo_ingest',
    job: 'tempo',
    lost: 'tempo_discarded_spans_total',
    handled: 'tempo_(discarded_spans|distributor_spans_received)_total',
  },
];

export default defineAlertRuleGroup((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const alloy = cfg.selectors.alloy;
  const up = metric('up', alloy);
  const rss = metric('alloy_resources_process_resident_memory_bytes', alloy);
  const selectorOf = { alloy, loki: cfg.selectors.loki, tempo: cfg.selectors.tempo };
  // One rule per recording name (Grafana 10/11 want rule titles unique in a folder): stages joined with `or`,
  // each tagged with its stage by label_replace.
  const byStage = (pick: 'lost' | 'handled'): string =>
    STAGES.map(
      (s) =>
        `label_replace(sum(rate({__name__=~${quote(s[pick])}, ${matchers(selectorOf[s.job])}}[5m])), "stage", ${quote(s.stage)}, "", "")`,
    ).join('\nor\n');
  const pipeline = dashboard(cfg, 'alloy-pipeline');
  return {
    uid: 'telemetry-pipeline',
    folderUid: cfg.folders.pipeline.uid,
    name: 'telemetry-pipeline',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      { record: 'stage:telemetry_lost:rate5m', expr: byStage('lost') },
      { record: 'stage:telemetry_handled:rate5m', expr: byStage('handled') },
      { record: 'instance:alloy_resident_memory_bytes:max', expr: `max by (instance) (${rss})` },
      {
        name: 'TelemetryDataLoss',
        // In percent, so that the summary can print small values plainly.
        expr: `100 * stage:telemetry_lost:rate5m / stage:telemetry_handled:rate5m > ${t.dataLossRatio * 100}`,
        for: '5m',
        severity: 'critical',
        summary:
          'Telemetry is being lost at {{ $labels.stage }}: {{ printf "%.3f" $value }}% of what it handles',
        description: `More than ${t.dataLossRatio * 100}% of the data handled at this stage of the pipeline has been dropped, refused or has failed for 5 minutes. It does not come back.`,
        runbookUrl: runbook(cfg, 'telemetry-data-loss'),
        dashboard: pipeline,
      },
      {
        name: 'AlloyDown',
        // absent() covers the case where every Alloy target disappeared from discovery, not only failed scrapes.
        expr: `${up} == 0 or absent(${up})`,
        for: '5m',
        severity: 'critical',
        summary: 'Alloy{{ with $labels.instance }} {{ . }}{{ end }} is down: telemetry from its targets is not collected',
        description: 'Prometheus has failed to scrape Alloy for 5 minutes, or no Alloy target exists at all.',
        runbookUrl: runbook(cfg, 'alloy-down'),
        dashboard: pipeline,
      },
      {
        name: 'AlloyMemoryHigh',
        expr: `instance:alloy_resident_memory_bytes:max > ${t.alloyMemoryBytes}`,
        for: '15m',
        severity: 'warning',
        summary: `Alloy {{ $labels.instance }} uses {{ $value | humanize1024 }}B, above its ${t.alloyMemoryBytes / 1048576} MiB budget`,
        description:
          'Resident memory has been above the budget for 15 minutes; the memory limiter will start refusing data.',
        runbookUrl: runbook(cfg, 'alloy-memory-high'),
        dashboard: pipeline,
      },
      {
        name: 'AlloyProcessingLatencyHigh',
        // The OTLP receivers' gRPC server duration (milliseconds) covers the processors run before the answer.
        expr: `histogram_quantile(0.95, sum by (le, instance) (rate(${metric('rpc_server_duration_milliseconds_bucket', alloy)}[5m]))) / 1000 > ${t.alloyLatencyP95Seconds}`,
        for: '10m',
        severity: 'warning',
        summary:
          'Alloy {{ $labels.instance }} takes {{ $value | humanizeDuration }} to process 5% of OTLP requests',
        description: `The 95th percentile of OTLP request handling in Alloy has been above ${t.alloyLatencyP95Seconds * 1000} ms for 10 minutes.`,
        runbookUrl: runbook(cfg, 'alloy-processing-latency-high'),
        dashboard: pipeline,
      },
    ],
  };
});

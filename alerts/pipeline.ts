import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric, quote } from '../src/index.ts';
import { dashboard, runbook } from './links.ts';
import { TELEMETRY_STAGES } from './telemetry-stages.ts';

export default defineAlertRuleGroup((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const alloy = cfg.selectors.alloy;
  const up = metric('up', alloy);
  const rss = metric('alloy_resources_process_resident_memory_bytes', alloy);
  const selectorOf = { alloy, loki: cfg.selectors.loki, tempo: cfg.selectors.tempo };
  // One rule per recording name (Grafana 10/11 want rule titles unique in a folder): stages joined with `or`,
  // each tagged with its stage. Within a stage every counter is rated on its own and tagged with its name before
  // the union, so that counters with the same labels never meet in one vector.
  const byStage = (pick: 'lost' | 'handled'): string =>
    TELEMETRY_STAGES.map((s) => {
      const counters = s[pick]
        .map(
          (name) =>
            `label_replace(rate(${metric(name, selectorOf[s.job])}[5m]), "counter", ${quote(name)}, "", "")`,
        )
        .join(' or ');
      return `label_replace(sum(${counters}), "stage", ${quote(s.stage)}, "", "")`;
    }).join('\nor\n');
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
        summary:
          'Alloy{{ with $labels.instance }} {{ . }}{{ end }} is down: telemetry from its targets is not collected',
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

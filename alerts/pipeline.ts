import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric, metricOf, quote, sumRateEach } from '../src/index.ts';
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
  // the union (sumRateEach), so that counters with the same labels never meet in one vector.
  const byStage = (pick: 'lost' | 'handled'): string =>
    TELEMETRY_STAGES.map((s) => {
      const counters = sumRateEach(metricOf(selectorOf[s.job]), s[pick], { window: '5m' });
      return `label_replace(${counters}, "stage", ${quote(s.stage)}, "", "")`;
    }).join('\nor\n');
  // Each Alloy scrapes itself (configs/alloy/config.alloy), so a dead one reports no up == 0: its series stop.
  // An instance that reported 15 minutes ago and does not now is down, when fewer instances report than then (a
  // restart under a new hostname, as a DaemonSet rollout gives, replaces one instance by another and is not).
  const vanished = `group by (cluster, job, instance) (${up} offset 15m) unless on (cluster, instance) ${up}`;
  const fewer = `count by (cluster) (${up} offset 15m) > count by (cluster) (${up})`;
  // Panels of the Alloy dashboard: 1 instances up, 5 memory against budget, 8 loss by stage, 10 processing latency.
  const pipeline = (panelId: number) => dashboard(cfg, 'alloy-pipeline', panelId);
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
        dashboard: pipeline(8),
      },
      {
        name: 'AlloyDown',
        // A failed self-scrape, an instance that stopped reporting, or (absent) no Alloy reporting at all.
        expr: `${up} == 0\nor\n(${vanished}) and on (cluster) (${fewer})\nor\nabsent(${up})`,
        for: '5m',
        severity: 'critical',
        summary:
          'Alloy{{ with $labels.instance }} {{ . }}{{ end }} is down: telemetry from its targets is not collected',
        description:
          'For 5 minutes an Alloy has failed to scrape itself (up == 0), or has stopped reporting: it reported 15 minutes ago, does not now, and fewer instances report than then. Or no Alloy reports at all.',
        runbookUrl: runbook(cfg, 'alloy-down'),
        dashboard: pipeline(1),
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
        dashboard: pipeline(5),
      },
      {
        name: 'AlloyProcessingLatencyHigh',
        // The OTLP receiver's gRPC server call duration (seconds, otelgrpc's default convention in Alloy 1.18):
        // OTLP over gRPC only (port 4317), processors run before the answer included. OTLP over HTTP, Faro and the
        // embedded Beyla are not in this histogram (Beyla's own series of the same name carry service_name).
        expr: `histogram_quantile(0.95, sum by (le, instance) (rate(${metric('rpc_server_call_duration_seconds_bucket', alloy)}[5m]))) > ${t.alloyLatencyP95Seconds}`,
        for: '10m',
        severity: 'warning',
        summary:
          'Alloy {{ $labels.instance }} takes {{ $value | humanizeDuration }} to process 5% of OTLP gRPC requests',
        description: `The 95th percentile of the OTLP requests Alloy receives over gRPC has been above ${t.alloyLatencyP95Seconds * 1000} ms for 10 minutes. OTLP over HTTP, Faro and the embedded Beyla are not measured by it.`,
        runbookUrl: runbook(cfg, 'alloy-processing-latency-high'),
        dashboard: pipeline(10),
      },
    ],
  };
});

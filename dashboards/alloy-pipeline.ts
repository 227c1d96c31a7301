// Assumes Grafana Alloy v1.18 embedding Beyla 3.28 (src/catalogue/versions.ts): its self-metrics alloy_*, the
// component metrics of prometheus.remote_write (prometheus_remote_storage_*, prometheus_remote_write_wal_*),
// loki.write (loki_write_*), otelcol.* (otelcol_receiver_*; otelcol_exporter_* of the OTLP trace exporter and
// otelcol_exporter_loki_* of the Loki converter; rpc_server_call_duration_seconds)
// and clustering (cluster_node_*), and the stage:telemetry_*:rate5m recording rules of alerts/pipeline.ts.
import type { StackConfig } from '../stack.config.ts';
import {
  configLoadedStat,
  PINNED_VERSIONS,
  datasourceVariable,
  defineDashboard,
  gaugePanel,
  higherIsWorse,
  histogramQuantile,
  labelVariable,
  metric,
  metricOf,
  ne,
  orZero,
  promQuery,
  re,
  row,
  shareOf,
  stackDashboard,
  statPanel,
  sumRate,
  sumRateEach,
  tablePanel,
  thresholds,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

const OTLP_SIGNALS = ['spans', 'metric_points', 'log_records'] as const;
const FARO_ITEMS = ['logs', 'exceptions', 'measurements', 'events'] as const;

/** The telemetry hub: what comes in and goes out per signal, how long it takes, what queues, drops or fails. */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const m = metricOf(cfg.selectors.alloy, { instance: re('$instance') });
  const perInstance = (name: string): string => `max by (instance) (${m(name)})`;
  const budget = t.alloyMemoryBytes;

  return {
    uid: DASHBOARD_UIDS.pipeline,
    folderUid: cfg.folders.pipeline.uid,
    dashboard: stackDashboard({
      title: 'Telemetry pipeline: Alloy',
      description: `Data in and out of Grafana Alloy per signal, processing latency, queues, drops and failures, memory against its ${budget / 1048576} MiB budget, cluster peers and component health. Alloy ${PINNED_VERSIONS.alloy} self-metrics.`,
      tags: ['pipeline', 'alloy'],
    })
      .links(linksTo('overview', 'backends', 'frontend', 'services'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withVariable(
        labelVariable({
          name: 'instance',
          label: 'Alloy instance',
          labelName: 'instance',
          series: metric('alloy_build_info', cfg.selectors.alloy),
        }),
      )
      .withPanel(
        statPanel({
          title: 'Instances up',
          description: 'Alloy instances Prometheus can scrape. Each runs the whole pipeline for its node.',
          unit: 'short',
          sparkline: false,
          component: 'alloy',
          queries: [promQuery(`sum(${m('up')})`)],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        configLoadedStat({
          title: 'Config loaded',
          description:
            'Whether every selected instance loaded its latest configuration (0 = a reload failed).',
          component: 'alloy',
          series: m('alloy_config_last_load_successful'),
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Unhealthy components',
          description: 'Components that are not healthy (unhealthy, unknown or exited); healthy is 0.',
          unit: 'short',
          background: true,
          thresholds: thresholds('green', { color: 'red', from: 1 }),
          component: 'alloy',
          queries: [
            promQuery(
              orZero(
                `sum(${m('alloy_component_controller_running_components', { health_type: ne('healthy') })})`,
              ),
            ),
          ],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        statPanel({
          title: 'Telemetry lost',
          description: `Share of what the pipeline handles that is dropped, refused or failed, across stages. Above ${t.dataLossRatio * 100}% it pages (TelemetryDataLoss).`,
          unit: 'percentunit',
          decimals: 3,
          thresholds: higherIsWorse(t.dataLossRatio / 2, t.dataLossRatio),
          component: ['alloy', 'loki', 'tempo'],
          queries: [
            promQuery(shareOf('sum(stage:telemetry_lost:rate5m)', 'sum(stage:telemetry_handled:rate5m)')),
          ],
        })
          .height(5)
          .span(4),
      )
      .withPanel(
        gaugePanel({
          title: 'Memory against budget',
          description: `Resident memory of the largest selected instance against the ${budget / 1048576} MiB budget; above it the memory-high alert warns and the memory limiter refuses data.`,
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(t.memoryRatio, 1),
          component: 'alloy',
          queries: [promQuery(`max(${m('alloy_resources_process_resident_memory_bytes')}) / ${budget}`)],
        })
          .height(5)
          .span(8),
      )
      .withRow(row('Data in and out per signal'))
      .withPanel(
        timeseriesPanel({
          title: 'Data in',
          description:
            'Items per second entering Alloy: samples appended to the remote-write WAL (scrapes and OTLP metrics), OTLP spans, metric points and log records accepted, Faro items received.',
          unit: 'cps',
          component: 'alloy',
          queries: [
            promQuery(sumRate(m('prometheus_remote_write_wal_samples_appended_total')), {
              legend: 'metric samples',
            }),
            promQuery(sumRate(m('otelcol_receiver_accepted_spans_total')), { legend: 'OTLP spans' }),
            promQuery(sumRate(m('otelcol_receiver_accepted_metric_points_total')), {
              legend: 'OTLP metric points',
            }),
            promQuery(sumRate(m('otelcol_receiver_accepted_log_records_total')), {
              legend: 'OTLP log records',
            }),
            // One rate per counter: the four share their labels, and a rate over a name regex would not run.
            promQuery(
              sumRateEach(
                m,
                FARO_ITEMS.map((item) => `faro_receiver_${item}_total`),
              ),
              { legend: 'Faro items' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Data out',
          description:
            'Items per second leaving Alloy for the stores: samples remote-written to Prometheus, log entries written to Loki, spans exported to Tempo.',
          unit: 'cps',
          component: 'alloy',
          queries: [
            promQuery(sumRate(m('prometheus_remote_storage_samples_total')), {
              legend: 'samples to Prometheus',
            }),
            promQuery(sumRate(m('loki_write_sent_entries_total')), { legend: 'log entries to Loki' }),
            promQuery(sumRate(m('otelcol_exporter_sent_spans_total')), { legend: 'spans to Tempo' }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withRow(row('Drops and failures'))
      .withPanel(
        timeseriesPanel({
          title: 'Loss by stage',
          description: `Share of what each stage handles that it loses (dropped, refused, failed), from the stage:telemetry_*:rate5m recording rules. Above ${t.dataLossRatio * 100}% it pages.`,
          unit: 'percentunit',
          min: 0,
          thresholds: higherIsWorse(t.dataLossRatio / 2, t.dataLossRatio),
          showThresholds: true,
          component: ['alloy', 'loki', 'tempo'],
          queries: [
            promQuery(shareOf('stage:telemetry_lost:rate5m', 'stage:telemetry_handled:rate5m'), {
              legend: '{{stage}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Failures, drops and retries',
          description:
            'Per second: remote-write samples failed, dropped and retried; Loki entries dropped (by reason); OTLP items refused at the receivers; spans that failed to export or found the queue full; OTLP logs that could not become Loki entries.',
          unit: 'cps',
          component: 'alloy',
          queries: [
            promQuery(sumRate(m('prometheus_remote_storage_samples_failed_total')), {
              legend: 'samples failed',
            }),
            promQuery(sumRate(m('prometheus_remote_storage_samples_dropped_total')), {
              legend: 'samples dropped',
            }),
            promQuery(sumRate(m('prometheus_remote_storage_samples_retried_total')), {
              legend: 'samples retried',
            }),
            promQuery(sumRate(m('loki_write_dropped_entries_total'), 'reason'), {
              legend: 'log entries dropped: {{reason}}',
            }),
            promQuery(
              sumRateEach(
                m,
                OTLP_SIGNALS.map((signal) => `otelcol_receiver_refused_${signal}_total`),
              ),
              { legend: 'OTLP items refused' },
            ),
            // Only the OTLP trace exporter counts what it fails to send; OTLP logs are counted where they are
            // converted to Loki entries, and OTLP metrics by the remote write above (alerts/telemetry-stages.ts).
            promQuery(
              sumRateEach(m, [
                'otelcol_exporter_send_failed_spans_total',
                'otelcol_exporter_enqueue_failed_spans_total',
              ]),
              { legend: 'spans failed to export' },
            ),
            promQuery(sumRate(m('otelcol_exporter_loki_entries_failed')), {
              legend: 'OTLP logs failed to convert',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withRow(row('Latency and queues'))
      .withPanel(
        timeseriesPanel({
          title: 'Processing latency (p95)',
          description: `95th percentile of OTLP requests received over gRPC (port 4317: the receiver and the processors run before the answer), of remote-write batches and of Loki pushes. OTLP over HTTP (4318), Faro and the embedded Beyla are not in that histogram. The OTLP gRPC objective is ${t.alloyLatencyP95Seconds * 1000} ms.`,
          unit: 's',
          min: 0,
          thresholds: higherIsWorse(t.alloyLatencyP95Seconds * 0.8, t.alloyLatencyP95Seconds),
          component: 'alloy',
          queries: [
            // The OTLP receiver's gRPC server histogram (seconds, otelgrpc's default in Alloy 1.18): gRPC only.
            promQuery(histogramQuantile(0.95, m('rpc_server_call_duration_seconds_bucket'), 'instance'), {
              legend: 'OTLP gRPC receive {{instance}}',
            }),
            promQuery(
              histogramQuantile(
                0.95,
                m('prometheus_remote_storage_sent_batch_duration_seconds_bucket'),
                'instance',
              ),
              {
                legend: 'remote write {{instance}}',
              },
            ),
            promQuery(histogramQuantile(0.95, m('loki_write_request_duration_seconds_bucket'), 'instance'), {
              legend: 'Loki write {{instance}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Remote-write delay',
          description:
            'How far the remote-write queue lags behind the newest sample in the WAL. Growing means Prometheus cannot keep up or rejects writes.',
          unit: 's',
          min: 0,
          component: 'alloy',
          queries: [
            promQuery(
              `${perInstance('prometheus_remote_storage_highest_timestamp_in_seconds')} - ${perInstance('prometheus_remote_storage_queue_highest_sent_timestamp_seconds')}`,
              { legend: '{{instance}}' },
            ),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Remote-write shards',
          description:
            'Shards running, wanted and allowed. Desired above max for long means remote write cannot keep up.',
          unit: 'short',
          min: 0,
          component: 'alloy',
          queries: [
            promQuery(perInstance('prometheus_remote_storage_shards'), { legend: 'running {{instance}}' }),
            promQuery(perInstance('prometheus_remote_storage_shards_desired'), {
              legend: 'desired {{instance}}',
            }),
            promQuery(perInstance('prometheus_remote_storage_shards_max'), { legend: 'max {{instance}}' }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Samples pending',
          description: 'Samples waiting in the remote-write queues, per instance.',
          unit: 'short',
          min: 0,
          component: 'alloy',
          queries: [
            promQuery(`sum by (instance) (${m('prometheus_remote_storage_samples_pending')})`, {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Span export queue fill',
          description: 'How full the OTLP trace exporter’s sending queue is. At 100% new spans are refused.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: higherIsWorse(0.5, 0.8),
          component: 'alloy',
          queries: [
            promQuery(
              `max by (instance, component_id) (${m('otelcol_exporter_queue_size')}) / max by (instance, component_id) (${m('otelcol_exporter_queue_capacity')})`,
              { legend: '{{instance}} {{component_id}}' },
            ),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Resources, cluster and components'))
      .withPanel(
        timeseriesPanel({
          title: 'Memory',
          description: `Resident memory per instance; the dashed line is the ${budget / 1048576} MiB budget.`,
          unit: 'bytes',
          min: 0,
          thresholds: higherIsWorse(budget * t.memoryRatio, budget),
          showThresholds: true,
          component: 'alloy',
          queries: [
            promQuery(perInstance('alloy_resources_process_resident_memory_bytes'), {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'CPU',
          description: 'CPU time per second used by each instance (1 = one core).',
          unit: 'short',
          min: 0,
          component: 'alloy',
          queries: [
            promQuery(sumRate(m('alloy_resources_process_cpu_seconds_total'), 'instance'), {
              legend: '{{instance}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Cluster peers',
          description:
            'Peers each instance sees in the Alloy cluster (HA scrape sharing). All instances should agree, and equal the number of instances up.',
          unit: 'short',
          min: 0,
          component: 'alloy',
          queries: [
            promQuery(`sum by (instance) (${m('cluster_node_peers')})`, {
              legend: 'peers seen by {{instance}}',
            }),
            promQuery(`max by (instance) (${m('cluster_node_gossip_health_score')})`, {
              legend: 'gossip health score {{instance}} (0 is healthy)',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Components by health',
          description:
            'Running components per health state; anything but healthy for long raises UnhealthyComponents.',
          unit: 'short',
          stack: true,
          component: 'alloy',
          queries: [
            promQuery(`sum by (health_type) (${m('alloy_component_controller_running_components')})`, {
              legend: '{{health_type}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        tablePanel({
          title: 'Slowest components',
          description:
            'Components whose evaluation was slow, by the seconds per second spent in slow evaluations over the last rate interval.',
          unit: 's',
          component: 'alloy',
          queries: [
            promQuery(
              `topk(10, ${sumRate(m('alloy_component_evaluation_slow_seconds'), ['instance', 'component_id'])})`,
              {
                instant: true,
                format: 'table',
              },
            ),
          ],
        })
          .height(8)
          .span(12),
      ),
  };
});

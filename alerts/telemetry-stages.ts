// Shared by alerts/pipeline.ts and slos/data-quality.ts: the counters that say where telemetry is lost.

export type StageJob = 'alloy' | 'loki' | 'tempo';

export interface TelemetryStage {
  readonly stage: string;
  /** Which component's selector (stack.config.ts) the counters are read with. */
  readonly job: StageJob;
  /** Counters of what the stage lost for good (a subset of `handled`). */
  readonly lost: readonly string[];
  /** Counters of everything the stage handled. */
  readonly handled: readonly string[];
}

const SIGNALS = ['spans', 'metric_points', 'log_records'] as const;
const otel = (pattern: (signal: string) => string): string[] => SIGNALS.map(pattern);

/**
 * Where telemetry can be lost between the applications and the stores. Counters are listed by name and must be
 * rated one by one: one rate() over a name regex holds two counters with the same labels once the names are
 * dropped, and Prometheus refuses such a vector. Metric names: Alloy v1.18 self-metrics, Loki 3, Tempo 2/3.
 */
export const TELEMETRY_STAGES: readonly TelemetryStage[] = [
  {
    // Failed (non-recoverable) and dropped samples of Alloy's remote write; samples_total counts every sample
    // sent, failed ones included, dropped ones not.
    stage: 'alloy_remote_write',
    job: 'alloy',
    lost: [
      'prometheus_remote_storage_samples_failed_total',
      'prometheus_remote_storage_samples_dropped_total',
    ],
    handled: ['prometheus_remote_storage_samples_total', 'prometheus_remote_storage_samples_dropped_total'],
  },
  {
    stage: 'alloy_loki_write',
    job: 'alloy',
    lost: ['loki_write_dropped_entries_total'],
    handled: ['loki_write_sent_entries_total', 'loki_write_dropped_entries_total'],
  },
  {
    // Refused at Alloy's OTLP receivers (memory limiter, bad data).
    stage: 'alloy_otlp_receive',
    job: 'alloy',
    lost: otel((s) => `otelcol_receiver_refused_${s}_total`),
    handled: [
      ...otel((s) => `otelcol_receiver_accepted_${s}_total`),
      ...otel((s) => `otelcol_receiver_refused_${s}_total`),
    ],
  },
  {
    // OTLP logs become Loki entries in otelcol.exporter.loki, which is Alloy's own converter (no exporter helper):
    // it counts the entries it converts and those it fails to (grafana/alloy v1.18.0
    // internal/component/otelcol/exporter/loki/internal/convert/metrics.go; `failed` has no _total suffix).
    // Their delivery is loki.write's (the stage above). OTLP metrics become samples in otelcol.exporter.prometheus,
    // also Alloy's own, which counts no failure: their delivery is the remote write's (the first stage).
    stage: 'alloy_otlp_logs_convert',
    job: 'alloy',
    lost: ['otelcol_exporter_loki_entries_failed'],
    handled: ['otelcol_exporter_loki_entries_total'],
  },
  {
    // Spans leave through otelcol.exporter.otlp, the collector's OTLP exporter on its exporter helper: spans sent,
    // failed after the retries, and refused by a full sending queue (go.opentelemetry.io/collector v0.153.0
    // exporter/exporterhelper/internal/obs_report_sender.go and queue/obs_queue.go). Only the exporters built on
    // the helper have otelcol_exporter_* series; this pipeline sends only traces through one.
    stage: 'alloy_otlp_export',
    job: 'alloy',
    lost: ['otelcol_exporter_send_failed_spans_total', 'otelcol_exporter_enqueue_failed_spans_total'],
    handled: [
      'otelcol_exporter_sent_spans_total',
      'otelcol_exporter_send_failed_spans_total',
      'otelcol_exporter_enqueue_failed_spans_total',
    ],
  },
  {
    // Lines Loki refused (rate limits, too old, too long); lines_received counts accepted lines only.
    stage: 'loki_ingest',
    job: 'loki',
    lost: ['loki_discarded_samples_total'],
    handled: ['loki_discarded_samples_total', 'loki_distributor_lines_received_total'],
  },
  {
    stage: 'tempo_ingest',
    job: 'tempo',
    lost: ['tempo_discarded_spans_total'],
    handled: ['tempo_discarded_spans_total', 'tempo_distributor_spans_received_total'],
  },
];

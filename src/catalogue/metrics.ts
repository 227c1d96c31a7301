/**
 * The metric catalogue: every metric a query of the repository reads (dashboards, alert and recording rules,
 * data source links), with what emits it, the versions the name holds for, its labels and where that is known
 * from. test/catalogue fails on a query reading a name (or matching a label) outside it; recording-rule names
 * (`level:metric:operation`) are defined by the rules that record them instead.
 *
 * Version pins: Beyla and Alloy names are those of Grafana Alloy v1.18 embedding Beyla 3.28 (versions.ts).
 */
import { SLO_RULES } from '../slo/naming.ts';
import type { Evidence, MetricEntry, MetricType } from './types.ts';

type Spec = readonly [name: string, type: MetricType, labels: readonly string[], help: string];

function group(
  component: MetricEntry['component'],
  versions: string,
  evidence: Evidence,
  source: string,
  specs: readonly Spec[],
): MetricEntry[] {
  return specs.map(([name, type, labels, help]) => ({
    name,
    type,
    component,
    versions,
    labels,
    evidence,
    source,
    help,
  }));
}

/** Resource labels of Beyla's application metrics with Kubernetes metadata on (k8s_pod_uid and k8s_pod_start_time are dropped by Alloy). */
const BEYLA_RESOURCE = [
  'service_name',
  'service_namespace',
  'k8s_namespace_name',
  'k8s_pod_name',
  'k8s_container_name',
  'k8s_deployment_name',
  'k8s_replicaset_name',
  'k8s_daemonset_name',
  'k8s_statefulset_name',
  'k8s_node_name',
  'k8s_cluster_name',
  'k8s_owner_name',
  'k8s_kind',
];
/**
 * Labels of Beyla's process metrics (application_process feature): host and process attributes and the k8s_*
 * ones, and no service_name or service_namespace (grafana/beyla v3.28.0 pkg/export/extraattributes/attr_defs.go,
 * the process section's defaults); `job` is `<service_namespace>/<service_name>` (`svc.Attrs.Job()`) and
 * `instance` `<service instance>:<pid>`, which select and name the service instead.
 */
const BEYLA_PROCESS = [
  'host_name',
  'process_command',
  'process_owner',
  'process_parent_pid',
  'process_pid',
  ...BEYLA_RESOURCE.filter((l) => !l.startsWith('service_')),
];
const BEYLA_HTTP = [
  ...BEYLA_RESOURCE,
  'http_request_method',
  'http_response_status_code',
  'http_route',
  'url_scheme',
  'server_address',
  'server_port',
];
const BEYLA_RPC = [
  ...BEYLA_RESOURCE,
  'rpc_method',
  'rpc_system_name',
  'rpc_response_status_code',
  'server_address',
  'server_port',
];
const BEYLA_DB = [...BEYLA_RESOURCE, 'db_operation_name', 'db_system_name', 'error_type', 'server_address'];
const BEYLA_MESSAGING = [
  ...BEYLA_RESOURCE,
  'messaging_system',
  'messaging_destination_name',
  'messaging_operation_name',
  'server_address',
];
const BEYLA_GRAPH = [
  'client',
  'server',
  'client_service_namespace',
  'server_service_namespace',
  'connection_type',
  'source',
];
/** Every metric of an Alloy component carries the component's id and path. */
const ALLOY_COMPONENT = ['component_id', 'component_path'];
const REMOTE_WRITE = [...ALLOY_COMPONENT, 'url', 'remote_name'];
const DSKIT_HTTP = ['method', 'route', 'status_code', 'ws'];
const PG_DATABASE = ['datid', 'datname', 'server'];

const BEYLA = 'Beyla 3.23+ as embedded in Alloy v1.18+ (Beyla 3.28)';
const BEYLA_SOURCE = 'grafana/beyla 3.28 and its vendored OBI: metric and attribute definitions';

export const METRICS: readonly MetricEntry[] = [
  ...group(
    'scrape',
    'Prometheus (all); Alloy prometheus.scrape',
    'observed',
    'prometheus/prometheus: scrape loop',
    [['up', 'gauge', [], '1 when the last scrape of the target succeeded, 0 when it failed.']],
  ),
  ...group('rules', 'Prometheus 2.x and 3.x', 'observed', 'prometheus/prometheus: rules/alerting.go', [
    [
      'ALERTS',
      'gauge',
      ['alertname', 'alertstate', 'severity'],
      'One series per pending or firing alert of the rules Prometheus evaluates, with the alert’s labels.',
    ],
  ]).map((entry): MetricEntry => ({ ...entry, openLabels: true })),
  ...group('prometheus', 'Prometheus 2.42 (tested) to 3.x', 'observed', 'prometheus/prometheus', [
    [
      'prometheus_config_last_reload_successful',
      'gauge',
      [],
      'Whether the last configuration reload succeeded.',
    ],
    [
      'prometheus_engine_query_duration_seconds',
      'summary',
      ['slice'],
      'Query engine time per stage (queue_time, prepare_time, inner_eval, result_sort).',
    ],
    [
      'prometheus_http_request_duration_seconds',
      'histogram',
      ['handler'],
      'HTTP request latency per API handler.',
    ],
    [
      'prometheus_notifications_alertmanagers_discovered',
      'gauge',
      [],
      'Alertmanagers discovered and active.',
    ],
    [
      'prometheus_notifications_dropped_total',
      'counter',
      ['alertmanager'],
      'Alerts dropped on their way to Alertmanager (no label in 2.x, `alertmanager` in 3.x).',
    ],
    [
      'prometheus_notifications_errors_total',
      'counter',
      ['alertmanager'],
      'Errors sending alerts to Alertmanager.',
    ],
    ['prometheus_notifications_queue_capacity', 'gauge', [], 'Capacity of the alert notification queue.'],
    ['prometheus_notifications_queue_length', 'gauge', [], 'Alerts waiting in the notification queue.'],
    ['prometheus_notifications_sent_total', 'counter', ['alertmanager'], 'Alerts sent to each Alertmanager.'],
    [
      'prometheus_rule_evaluation_failures_total',
      'counter',
      ['rule_group'],
      'Failed rule evaluations per rule group (exists once a group is loaded).',
    ],
    [
      'prometheus_rule_group_interval_seconds',
      'gauge',
      ['rule_group'],
      'The evaluation interval of each rule group.',
    ],
    [
      'prometheus_rule_group_last_duration_seconds',
      'gauge',
      ['rule_group'],
      'How long the last evaluation of each rule group took.',
    ],
    [
      'prometheus_target_scrapes_sample_duplicate_timestamp_total',
      'counter',
      [],
      'Scraped samples rejected for a duplicate timestamp with another value.',
    ],
    [
      'prometheus_target_scrapes_sample_out_of_bounds_total',
      'counter',
      [],
      'Scraped samples rejected for a timestamp outside the head block’s range.',
    ],
    [
      'prometheus_target_scrapes_sample_out_of_order_total',
      'counter',
      [],
      'Scraped samples rejected for being out of order.',
    ],
    ['prometheus_tsdb_compactions_failed_total', 'counter', [], 'TSDB compactions that failed.'],
    [
      'prometheus_tsdb_head_samples_appended_total',
      'counter',
      ['type'],
      'Samples appended to the head block (`type`: float or histogram).',
    ],
    ['prometheus_tsdb_head_series', 'gauge', [], 'Series in the head block.'],
    ['prometheus_tsdb_storage_blocks_bytes', 'gauge', [], 'Bytes of the persisted blocks.'],
  ]),
  ...group('alertmanager', 'Alertmanager 0.25 (tested) to 0.34', 'observed', 'prometheus/alertmanager', [
    ['alertmanager_alerts', 'gauge', ['state'], 'Alerts held, by state (active, suppressed, unprocessed).'],
    [
      'alertmanager_alerts_received_total',
      'counter',
      ['status', 'version'],
      'Alerts received, by status (firing, resolved) and API version.',
    ],
    [
      'alertmanager_config_last_reload_successful',
      'gauge',
      [],
      'Whether the last configuration reload succeeded.',
    ],
    [
      'alertmanager_notification_latency_seconds',
      'histogram',
      ['integration'],
      'Time to deliver a notification, per integration.',
    ],
    [
      'alertmanager_notifications_failed_total',
      'counter',
      ['integration', 'reason', 'receiver_name'],
      'Failed notifications per integration (`reason` since 0.26; `receiver_name` behind a feature flag).',
    ],
    [
      'alertmanager_notifications_total',
      'counter',
      ['integration', 'receiver_name'],
      'Notifications attempted per integration (`receiver_name` behind a feature flag).',
    ],
  ]),
  ...group(
    'node-exporter',
    'node_exporter 1.5 (tested) to 1.12',
    'observed',
    'prometheus/node_exporter collectors',
    [
      ['node_cpu_seconds_total', 'counter', ['cpu', 'mode'], 'CPU time per core and mode.'],
      ['node_disk_io_time_seconds_total', 'counter', ['device'], 'Time the disk spent doing I/O.'],
      [
        'node_filesystem_avail_bytes',
        'gauge',
        ['device', 'fstype', 'mountpoint', 'device_error'],
        'Filesystem space available to non-root users.',
      ],
      [
        'node_filesystem_readonly',
        'gauge',
        ['device', 'fstype', 'mountpoint', 'device_error'],
        'Whether the filesystem is mounted read-only.',
      ],
      [
        'node_filesystem_size_bytes',
        'gauge',
        ['device', 'fstype', 'mountpoint', 'device_error'],
        'Filesystem size.',
      ],
      ['node_load1', 'gauge', [], 'One-minute load average.'],
      [
        'node_memory_MemAvailable_bytes',
        'gauge',
        [],
        'Memory available for new work (meminfo MemAvailable).',
      ],
      ['node_memory_MemTotal_bytes', 'gauge', [], 'Total usable memory (meminfo MemTotal).'],
      ['node_network_receive_bytes_total', 'counter', ['device'], 'Bytes received per network device.'],
      ['node_network_receive_errs_total', 'counter', ['device'], 'Receive errors per network device.'],
      ['node_network_transmit_bytes_total', 'counter', ['device'], 'Bytes sent per network device.'],
      ['node_network_transmit_errs_total', 'counter', ['device'], 'Transmit errors per network device.'],
      [
        'node_uname_info',
        'gauge',
        ['domainname', 'machine', 'nodename', 'release', 'sysname', 'version'],
        'Constant 1 with the host’s uname fields (the Node picker reads it).',
      ],
    ],
  ),
  ...group('beyla', BEYLA, 'code', BEYLA_SOURCE, [
    [
      'http_server_request_duration_seconds',
      'histogram',
      BEYLA_HTTP,
      'Server-side HTTP request duration (was http_server_duration_seconds before Beyla 1.4).',
    ],
    [
      'rpc_server_call_duration_seconds',
      'histogram',
      BEYLA_RPC,
      'gRPC server call duration (rpc_server_duration_seconds with rpc_grpc_status_code before Beyla 3.23).',
    ],
    [
      'db_client_operation_duration_seconds',
      'histogram',
      BEYLA_DB,
      'Database and cache client operations: SQL, Redis, MongoDB (db_system_name since Beyla 2.0).',
    ],
    [
      'messaging_client_operation_duration_seconds',
      'histogram',
      BEYLA_MESSAGING,
      'Messaging client operations such as Kafka publish (messaging_publish_duration_seconds before Beyla 3.9).',
    ],
    [
      'messaging_process_duration_seconds',
      'histogram',
      BEYLA_MESSAGING,
      'Messaging consume and process duration.',
    ],
    [
      'process_cpu_time_seconds_total',
      'counter',
      [...BEYLA_PROCESS, 'cpu_mode'],
      'CPU time of the instrumented processes (application_process feature; no service_name: select by job).',
    ],
    [
      'process_memory_usage_bytes',
      'gauge',
      BEYLA_PROCESS,
      'Resident memory of the instrumented processes (application_process feature; no service_name: select by job).',
    ],
    [
      'traces_service_graph_request_total',
      'counter',
      BEYLA_GRAPH,
      'Calls between services (application_service_graph feature); Tempo’s service graph reads it.',
    ],
    [
      'traces_service_graph_request_failed_total',
      'counter',
      BEYLA_GRAPH,
      'Failed calls between services (application_service_graph feature).',
    ],
  ]),
  ...group('alloy', 'Alloy v1.18', 'code', 'grafana/alloy v1.18: internal/runtime and service/cluster', [
    [
      'alloy_build_info',
      'gauge',
      ['version', 'revision', 'branch', 'goversion', 'goos', 'goarch', 'tags'],
      'Constant 1 with Alloy’s version (the instance picker reads it).',
    ],
    [
      'alloy_component_controller_running_components',
      'gauge',
      ['health_type', 'controller_id', 'controller_path'],
      'Running components by health (healthy, unhealthy, unknown, exited).',
    ],
    [
      'alloy_component_evaluation_slow_seconds',
      'counter',
      [...ALLOY_COMPONENT, 'controller_id', 'controller_path'],
      'Seconds spent in evaluations slower than the threshold, per component (no _total).',
    ],
    ['alloy_config_last_load_successful', 'gauge', [], 'Whether the last configuration load succeeded.'],
    ['alloy_resources_process_cpu_seconds_total', 'counter', [], 'CPU time used by Alloy.'],
    ['alloy_resources_process_resident_memory_bytes', 'gauge', [], 'Resident memory of Alloy.'],
    [
      'cluster_node_peers',
      'gauge',
      ['state', 'cluster_name'],
      'Peers this node sees in the cluster, by state.',
    ],
    [
      'cluster_node_gossip_health_score',
      'gauge',
      ['cluster_name'],
      'Gossip health of this node; 0 is healthy.',
    ],
  ]),
  ...group(
    'alloy',
    'Alloy v1.18 (faro.receiver)',
    'code',
    'grafana/alloy v1.18: internal/component/faro/receiver',
    [
      ['faro_receiver_logs_total', 'counter', ALLOY_COMPONENT, 'Faro log items received.'],
      ['faro_receiver_exceptions_total', 'counter', ALLOY_COMPONENT, 'Faro exceptions received.'],
      ['faro_receiver_measurements_total', 'counter', ALLOY_COMPONENT, 'Faro measurements received.'],
      ['faro_receiver_events_total', 'counter', ALLOY_COMPONENT, 'Faro events received.'],
      [
        'faro_receiver_request_duration_seconds',
        'histogram',
        [...ALLOY_COMPONENT, ...DSKIT_HTTP],
        'Requests to the receiver, by route and status code.',
      ],
    ],
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (prometheus.remote_write, Prometheus remote-write queue)',
    'mixin',
    'grafana/alloy v1.18: operations/alloy-mixin (remote write dashboard)',
    [
      [
        'prometheus_remote_storage_samples_total',
        'counter',
        REMOTE_WRITE,
        'Samples sent, failed ones included.',
      ],
      [
        'prometheus_remote_storage_samples_failed_total',
        'counter',
        REMOTE_WRITE,
        'Samples that failed for good.',
      ],
      [
        'prometheus_remote_storage_samples_dropped_total',
        'counter',
        REMOTE_WRITE,
        'Samples dropped before sending.',
      ],
      [
        'prometheus_remote_storage_samples_retried_total',
        'counter',
        REMOTE_WRITE,
        'Samples retried after a recoverable failure (Alloy’s docs misspell it samples_retries_total).',
      ],
      ['prometheus_remote_storage_samples_pending', 'gauge', REMOTE_WRITE, 'Samples waiting in the queues.'],
      ['prometheus_remote_storage_shards', 'gauge', REMOTE_WRITE, 'Shards running.'],
      ['prometheus_remote_storage_shards_desired', 'gauge', REMOTE_WRITE, 'Shards the queue wants.'],
      ['prometheus_remote_storage_shards_max', 'gauge', REMOTE_WRITE, 'Shards allowed.'],
      [
        'prometheus_remote_storage_sent_batch_duration_seconds',
        'histogram',
        REMOTE_WRITE,
        'Duration of remote-write requests.',
      ],
      [
        'prometheus_remote_storage_highest_timestamp_in_seconds',
        'gauge',
        ALLOY_COMPONENT,
        'Newest timestamp appended to the WAL.',
      ],
      [
        'prometheus_remote_storage_queue_highest_sent_timestamp_seconds',
        'gauge',
        REMOTE_WRITE,
        'Newest timestamp sent by the queue.',
      ],
      [
        'prometheus_remote_write_wal_samples_appended_total',
        'counter',
        [...ALLOY_COMPONENT, 'type'],
        'Samples appended to the remote-write WAL: what Alloy takes in as metrics.',
      ],
    ],
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (loki.write)',
    'code',
    'grafana/alloy v1.18: internal/component/common/loki/client',
    [
      ['loki_write_sent_entries_total', 'counter', [...ALLOY_COMPONENT, 'host'], 'Log entries sent to Loki.'],
      [
        'loki_write_dropped_entries_total',
        'counter',
        [...ALLOY_COMPONENT, 'host', 'reason'],
        'Log entries dropped after the retries, by reason.',
      ],
      [
        'loki_write_request_duration_seconds',
        'histogram',
        [...ALLOY_COMPONENT, 'host', 'status_code'],
        'Duration of pushes to Loki.',
      ],
    ],
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (otelcol.receiver.*: the collector v0.153 receiver helper)',
    'code',
    'open-telemetry/opentelemetry-collector v0.153.0: receiver/receiverhelper/internal/metadata/generated_telemetry.go',
    (['spans', 'metric_points', 'log_records'] as const).flatMap((item): Spec[] => [
      [
        `otelcol_receiver_accepted_${item}_total`,
        'counter',
        [...ALLOY_COMPONENT, 'receiver', 'transport'],
        `OTLP ${item.replace('_', ' ')} accepted by the receivers.`,
      ],
      [
        `otelcol_receiver_refused_${item}_total`,
        'counter',
        [...ALLOY_COMPONENT, 'receiver', 'transport'],
        `OTLP ${item.replace('_', ' ')} refused by the receivers (memory limiter, bad data).`,
      ],
    ]),
  ),
  // Only exporters built on the collector's exporter helper (otelcol.exporter.otlp, .otlphttp, …) have
  // otelcol_exporter_* series, and only for the signals sent to them: otelcol.exporter.prometheus and .loki are
  // Alloy's own converters. This pipeline sends traces only through one (configs/alloy/config.alloy).
  ...group(
    'alloy',
    'Alloy v1.18 (otelcol.exporter.otlp: the collector v0.153 exporter helper)',
    'code',
    'open-telemetry/opentelemetry-collector v0.153.0: exporter/exporterhelper/internal/metadata/generated_telemetry.go, obs_report_sender.go, queue/obs_queue.go',
    [
      ['otelcol_exporter_sent_spans_total', 'counter', [...ALLOY_COMPONENT, 'exporter'], 'Spans sent.'],
      [
        'otelcol_exporter_send_failed_spans_total',
        'counter',
        [...ALLOY_COMPONENT, 'exporter', 'error_type', 'error_permanent'],
        'Spans the exporter failed to send after its retries.',
      ],
      [
        'otelcol_exporter_enqueue_failed_spans_total',
        'counter',
        [...ALLOY_COMPONENT, 'exporter'],
        'Spans refused because the sending queue was full.',
      ],
      [
        'otelcol_exporter_queue_size',
        'gauge',
        [...ALLOY_COMPONENT, 'exporter', 'data_type'],
        'Batches waiting in an exporter’s sending queue.',
      ],
      [
        'otelcol_exporter_queue_capacity',
        'gauge',
        [...ALLOY_COMPONENT, 'exporter', 'data_type'],
        'Capacity of an exporter’s sending queue.',
      ],
    ],
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (otelcol.exporter.loki)',
    'code',
    'grafana/alloy v1.18.0: internal/component/otelcol/exporter/loki/internal/convert/metrics.go',
    [
      [
        'otelcol_exporter_loki_entries_total',
        'counter',
        ALLOY_COMPONENT,
        'OTLP log records passed to the converter to Loki entries.',
      ],
      [
        'otelcol_exporter_loki_entries_failed',
        'counter',
        ALLOY_COMPONENT,
        'OTLP log records the converter failed to turn into Loki entries (a counter without the _total suffix).',
      ],
    ],
  ),
  // Alloy's own gRPC server (the OTLP receiver's): Alloy v1.18.0 builds with otelgrpc v0.68.0, whose default
  // semantic-convention mode (since v0.65; seconds since v0.66) is rpc.server.call.duration with rpc.system.name
  // and the text rpc.response.status_code. Alloy's docs and mixin still name rpc_server_duration_milliseconds.
  ...group(
    'alloy',
    'Alloy v1.18 (otelgrpc v0.68)',
    'code',
    'grafana/alloy v1.18.0: go.mod (go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc v0.68.0), whose config.go parseSemconvMode defaults to the new convention; otelcol.receiver.otlp → configgrpc ServerConfig.ToServer → otelgrpc.NewServerHandler',
    [
      [
        'rpc_server_call_duration_seconds',
        'histogram',
        [...ALLOY_COMPONENT, 'rpc_method', 'rpc_system_name', 'rpc_response_status_code'],
        'gRPC server call duration of the OTLP receivers, seconds (OpenTelemetry gRPC instrumentation).',
      ],
    ],
  ),
  ...group(
    'loki',
    'Loki 3.x',
    'code',
    'grafana/loki 3.x: pkg/distributor, pkg/ingester, pkg/validation, dskit',
    [
      [
        'loki_discarded_samples_total',
        'counter',
        ['reason', 'tenant', 'retention_hours', 'policy', 'format'],
        'Log lines refused, by reason (rate_limited, line_too_long, greater_than_max_sample_age, …).',
      ],
      [
        'loki_distributor_bytes_received_total',
        'counter',
        ['tenant', 'retention_hours', 'is_internal_stream', 'policy', 'format'],
        'Log bytes accepted by the distributors.',
      ],
      [
        'loki_distributor_lines_received_total',
        'counter',
        ['tenant', 'is_internal_stream', 'policy', 'format'],
        'Log lines accepted by the distributors.',
      ],
      ['loki_ingester_memory_streams', 'gauge', ['tenant'], 'Streams held in the ingesters’ memory.'],
      ['loki_request_duration_seconds', 'histogram', DSKIT_HTTP, 'HTTP and gRPC request duration per route.'],
    ],
  ),
  ...group(
    'tempo',
    'Tempo 2.x and 3.x',
    'code',
    'grafana/tempo: modules/distributor, pkg/validation, dskit',
    [
      ['tempo_discarded_spans_total', 'counter', ['reason', 'tenant'], 'Spans thrown away, by reason.'],
      [
        'tempo_distributor_bytes_received_total',
        'counter',
        ['tenant'],
        'Trace bytes accepted (after limits).',
      ],
      [
        'tempo_distributor_spans_received_total',
        'counter',
        ['tenant'],
        'Spans accepted by the distributors.',
      ],
      [
        'tempo_receiver_refused_spans',
        'counter',
        ['receiver', 'transport'],
        'Spans refused by the OTLP receivers (deliberately without _total).',
      ],
      ['tempo_request_duration_seconds', 'histogram', DSKIT_HTTP, 'Request duration per route.'],
      ['tempo_ring_members', 'gauge', ['name', 'state'], 'Ring members per ring and state.'],
    ],
  ),
  ...group('grafana', 'Grafana 10.4 to 12.x', 'code', 'grafana/grafana: pkg/services/ngalert/metrics', [
    ['grafana_alerting_rule_evaluations_total', 'counter', ['org'], 'Grafana-managed rule evaluations.'],
    [
      'grafana_alerting_rule_evaluation_failures_total',
      'counter',
      ['org'],
      'Grafana-managed rule evaluations that failed.',
    ],
  ]),
  ...group(
    'kube-state-metrics',
    'kube-state-metrics 2.x',
    'docs',
    'kubernetes/kube-state-metrics: docs/metrics',
    [
      [
        'kube_pod_info',
        'gauge',
        [
          'namespace',
          'pod',
          'uid',
          'host_ip',
          'pod_ip',
          'node',
          'created_by_kind',
          'created_by_name',
          'priority_class',
          'host_network',
        ],
        'Constant 1 per pod with its metadata (the Namespace picker reads it).',
      ],
      [
        'kube_pod_status_phase',
        'gauge',
        ['namespace', 'pod', 'uid', 'phase'],
        '1 for the pod’s current phase.',
      ],
      [
        'kube_pod_container_status_restarts_total',
        'counter',
        ['namespace', 'pod', 'uid', 'container'],
        'Container restarts.',
      ],
      [
        'kube_pod_container_status_waiting_reason',
        'gauge',
        ['namespace', 'pod', 'uid', 'container', 'reason'],
        '1 while a container waits, with the reason.',
      ],
      [
        'kube_pod_container_resource_limits',
        'gauge',
        ['namespace', 'pod', 'uid', 'container', 'node', 'resource', 'unit'],
        'Resource limits per container (cpu in cores, memory in bytes).',
      ],
      ['kube_deployment_spec_replicas', 'gauge', ['namespace', 'deployment'], 'Replicas a deployment wants.'],
      [
        'kube_deployment_status_replicas_available',
        'gauge',
        ['namespace', 'deployment'],
        'Replicas of a deployment available.',
      ],
    ],
  ),
  ...group(
    'cadvisor',
    'cAdvisor in the kubelet (Kubernetes 1.2x)',
    'docs',
    'google/cadvisor: docs/storage/prometheus.md',
    [
      ...(
        [
          ['container_cpu_usage_seconds_total', 'counter', 'CPU time used per container.'],
          [
            'container_memory_working_set_bytes',
            'gauge',
            'Working-set memory per container (what the OOM killer judges).',
          ],
          ['container_cpu_cfs_periods_total', 'counter', 'CFS enforcement periods elapsed.'],
          [
            'container_cpu_cfs_throttled_periods_total',
            'counter',
            'CFS periods in which the container was throttled.',
          ],
        ] as const
      ).map(([name, type, help]): Spec => [
        name,
        type,
        ['namespace', 'pod', 'container', 'id', 'image', 'name', 'cpu'],
        help,
      ]),
    ],
  ),
  ...group(
    'postgres-exporter',
    'postgres_exporter 0.15 to 0.20',
    'code',
    'prometheus-community/postgres_exporter: collector',
    [
      ['pg_up', 'gauge', [], 'Whether the exporter could reach PostgreSQL.'],
      ['pg_settings_max_connections', 'gauge', ['server'], 'The max_connections setting.'],
      [
        'pg_stat_activity_max_tx_duration',
        'gauge',
        ['datname', 'state', 'usename', 'application_name', 'server'],
        'Age of the oldest transaction per state.',
      ],
      ['pg_stat_database_numbackends', 'gauge', PG_DATABASE, 'Backends connected per database.'],
      ['pg_stat_database_xact_commit', 'counter', PG_DATABASE, 'Transactions committed (no _total).'],
      ['pg_stat_database_xact_rollback', 'counter', PG_DATABASE, 'Transactions rolled back (no _total).'],
      [
        'pg_stat_database_blks_hit',
        'counter',
        PG_DATABASE,
        'Block reads served by the buffer cache (no _total).',
      ],
      ['pg_stat_database_blks_read', 'counter', PG_DATABASE, 'Block reads from disk (no _total).'],
      ['pg_stat_database_deadlocks', 'counter', PG_DATABASE, 'Deadlocks detected (no _total).'],
    ],
  ),
  ...group(
    'redis-exporter',
    'redis_exporter 1.x (namespace redis)',
    'code',
    'oliver006/redis_exporter: exporter',
    [
      ['redis_up', 'gauge', [], 'Whether the exporter could reach Redis.'],
      ['redis_connected_clients', 'gauge', [], 'Clients connected.'],
      ['redis_commands_processed_total', 'counter', [], 'Commands processed.'],
      ['redis_evicted_keys_total', 'counter', [], 'Keys evicted for lack of memory.'],
      ['redis_keyspace_hits_total', 'counter', [], 'Key lookups that found the key.'],
      ['redis_keyspace_misses_total', 'counter', [], 'Key lookups that did not.'],
      ['redis_memory_used_bytes', 'gauge', [], 'Memory used.'],
      ['redis_memory_max_bytes', 'gauge', [], 'The maxmemory setting (0: no limit).'],
    ],
  ),
  ...group('kafka-exporter', 'kafka_exporter 1.x', 'code', 'danielqsj/kafka_exporter: kafka_exporter.go', [
    ['kafka_brokers', 'gauge', [], 'Brokers in the cluster.'],
    ['kafka_topic_partition_current_offset', 'gauge', ['topic', 'partition'], 'Newest offset per partition.'],
    [
      'kafka_topic_partition_under_replicated_partition',
      'gauge',
      ['topic', 'partition'],
      '1 when the partition is under-replicated.',
    ],
    [
      'kafka_consumergroup_current_offset',
      'gauge',
      ['consumergroup', 'topic', 'partition'],
      'Offset a consumer group has reached.',
    ],
    [
      'kafka_consumergroup_lag',
      'gauge',
      ['consumergroup', 'topic', 'partition'],
      'Messages a group is behind.',
    ],
    ['kafka_consumergroup_members', 'gauge', ['consumergroup'], 'Members of a consumer group.'],
  ]),
  ...group(
    'nginx-exporter',
    'nginx-prometheus-exporter 1.x (stub_status)',
    'code',
    'nginx/nginx-prometheus-exporter: collector',
    [
      ['nginx_up', 'gauge', [], 'Whether the exporter could read stub_status.'],
      ['nginx_connections_accepted', 'counter', [], 'Client connections accepted.'],
      ['nginx_connections_handled', 'counter', [], 'Client connections handled.'],
      ['nginx_connections_reading', 'gauge', [], 'Connections reading the request header.'],
      ['nginx_connections_writing', 'gauge', [], 'Connections writing the response.'],
      ['nginx_connections_waiting', 'gauge', [], 'Idle keep-alive connections.'],
      ['nginx_http_requests_total', 'counter', [], 'HTTP requests handled.'],
    ],
  ),
  ...group('haproxy', 'HAProxy 2.4+ built-in exporter', 'docs', 'haproxy/haproxy: addons/promex/README', [
    ['haproxy_frontend_http_requests_total', 'counter', ['proxy'], 'HTTP requests received per frontend.'],
    [
      'haproxy_backend_http_responses_total',
      'counter',
      ['proxy', 'code'],
      'HTTP responses per backend and class (1xx, 2xx, 3xx, 4xx, 5xx, other).',
    ],
    [
      'haproxy_server_http_responses_total',
      'counter',
      ['proxy', 'server', 'code'],
      'HTTP responses per server and class.',
    ],
    [
      'haproxy_backend_response_time_average_seconds',
      'gauge',
      ['proxy'],
      'Average response time over the last 1024 requests.',
    ],
    ['haproxy_backend_active_servers', 'gauge', ['proxy'], 'Active servers of a backend.'],
  ]),
];

/**
 * Recording rules the dashboards read that another part of the repository records: the SLO capability
 * (slos/, src/slo) records `slo:*` per SLO with the labels `slo`, `service` (and `service_name` for SLOs kept
 * per service), under the names src/slo/naming.ts gives. Accepted as defined by rules; once the registry records
 * any `slo:*` name, these must be among them.
 */
export const SLO_RECORDING_RULES: readonly string[] = [
  SLO_RULES.errorRatio('30d'),
  SLO_RULES.budgetRemaining,
  SLO_RULES.burnRate('1h'),
];

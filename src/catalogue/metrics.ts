/**
 * The metric catalogue: every metric a query of the repository reads (dashboards, alert and recording rules,
 * data source links), with what emits it, the versions the name holds for, its labels and where that is known
 * from. test/catalogue fails on a query reading a name (or matching a label) outside it; recording-rule names
 * (`level:metric:operation`) are defined by the rules that record them instead.
 *
 * Version pins: Beyla and Alloy names are those of Grafana Alloy v1.18 embedding Beyla 3.28 (versions.ts).
 */
import { SLO_RULES } from '../slo/naming.ts';
import type { AlloyProducer, Evidence, GroupSource, MetricEntry, MetricType } from './types.ts';

type Spec = readonly [name: string, type: MetricType, labels: readonly string[], help: string];

function group(
  component: MetricEntry['component'],
  versions: string,
  evidence: Evidence,
  source: GroupSource,
  specs: readonly Spec[],
  producedBy?: AlloyProducer,
): MetricEntry[] {
  const { of = {}, ...shared } = source;
  return specs.map(([name, type, labels, help]) => ({
    name,
    type,
    component,
    versions,
    labels,
    evidence,
    source: of[name] ?? shared,
    ...(producedBy === undefined ? {} : { producedBy }),
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
/** pg_stat_database_*: `server` too before 0.13 (the built-in metric maps of cmd/postgres_exporter). */
const PG_DATABASE = ['datid', 'datname'];

/** The OTLP items the collector's helpers count, and the signal each belongs to. */
const OTLP_ITEMS = [
  ['spans', 'traces'],
  ['metric_points', 'metrics'],
  ['log_records', 'logs'],
] as const;

/**
 * The exporters built on the collector's exporter helper: every otelcol.exporter.* of Alloy v1.18.0 wraps a
 * collector factory (internal/component/otelcol/exporter/<name>/<name>.go: exporter.New(opts, <name>.NewFactory(),
 * …)) but prometheus and loki, which are Alloy's own converters and count nothing of the helper's.
 */
const EXPORTER_HELPER: AlloyProducer = {
  components: ['otelcol.exporter.*'],
  except: ['otelcol.exporter.prometheus', 'otelcol.exporter.loki'],
  why: 'only exporters built on the collector’s exporter helper have otelcol_exporter_* series (otelcol.exporter.prometheus and .loki are Alloy’s own converters)',
};

const BEYLA = 'Beyla 3.23+ as embedded in Alloy v1.18+ (Beyla 3.28)';

export const METRICS: readonly MetricEntry[] = [
  ...group(
    'scrape',
    'Prometheus (all); Alloy prometheus.scrape',
    'observed',
    { repo: 'prometheus/prometheus', ref: 'v2.42.0', path: 'scrape/scrape.go' },
    [['up', 'gauge', [], '1 when the last scrape of the target succeeded, 0 when it failed.']],
  ),
  ...group(
    'rules',
    'Prometheus 2.x and 3.x',
    'observed',
    { repo: 'prometheus/prometheus', ref: 'v2.42.0', path: 'rules/alerting.go' },
    [
      [
        'ALERTS',
        'gauge',
        ['alertname', 'alertstate', 'severity'],
        'One series per pending or firing alert of the rules Prometheus evaluates, with the alert’s labels.',
      ],
    ],
  ).map((entry): MetricEntry => ({ ...entry, openLabels: true })),
  ...group(
    'prometheus',
    'Prometheus 2.42 (tested) to 3.x',
    'observed',
    {
      repo: 'prometheus/prometheus',
      ref: 'v2.42.0',
      path: 'notifier/notifier.go',
      of: {
        prometheus_config_last_reload_successful: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'cmd/prometheus/main.go',
        },
        prometheus_engine_query_duration_seconds: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'promql/engine.go',
        },
        prometheus_http_request_duration_seconds: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'web/web.go',
        },
        prometheus_rule_evaluation_failures_total: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'rules/manager.go',
        },
        prometheus_rule_group_interval_seconds: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'rules/manager.go',
        },
        prometheus_rule_group_last_duration_seconds: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'rules/manager.go',
        },
        prometheus_target_scrapes_sample_duplicate_timestamp_total: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'scrape/scrape.go',
        },
        prometheus_target_scrapes_sample_out_of_bounds_total: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'scrape/scrape.go',
        },
        prometheus_target_scrapes_sample_out_of_order_total: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'scrape/scrape.go',
        },
        prometheus_tsdb_compactions_failed_total: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'tsdb/db.go',
        },
        prometheus_tsdb_head_samples_appended_total: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'tsdb/head.go',
        },
        prometheus_tsdb_head_series: { repo: 'prometheus/prometheus', ref: 'v2.42.0', path: 'tsdb/head.go' },
        prometheus_tsdb_storage_blocks_bytes: {
          repo: 'prometheus/prometheus',
          ref: 'v2.42.0',
          path: 'tsdb/db.go',
        },
      },
    },
    [
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
        [],
        'Alerts dropped on their way to Alertmanager (an `alertmanager` label since 3.10).',
      ],
      [
        'prometheus_notifications_errors_total',
        'counter',
        ['alertmanager'],
        'Errors sending alerts to Alertmanager.',
      ],
      ['prometheus_notifications_queue_capacity', 'gauge', [], 'Capacity of the alert notification queue.'],
      ['prometheus_notifications_queue_length', 'gauge', [], 'Alerts waiting in the notification queue.'],
      [
        'prometheus_notifications_sent_total',
        'counter',
        ['alertmanager'],
        'Alerts sent to each Alertmanager.',
      ],
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
    ],
  ),
  ...group(
    'alertmanager',
    'Alertmanager 0.25 (tested) to 0.34',
    'observed',
    {
      repo: 'prometheus/alertmanager',
      ref: 'v0.25.0',
      path: 'notify/notify.go',
      of: {
        alertmanager_alerts: { repo: 'prometheus/alertmanager', ref: 'v0.25.0', path: 'provider/mem/mem.go' },
        alertmanager_alerts_received_total: {
          repo: 'prometheus/alertmanager',
          ref: 'v0.25.0',
          path: 'api/metrics/metrics.go',
        },
        alertmanager_config_last_reload_successful: {
          repo: 'prometheus/alertmanager',
          ref: 'v0.25.0',
          path: 'config/coordinator.go',
        },
      },
    },
    [
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
        ['integration'],
        'Failed notifications per integration (`reason` since 0.26; `receiver_name` since 0.27 behind --enable-feature=receiver-name-in-metrics).',
      ],
      [
        'alertmanager_notifications_total',
        'counter',
        ['integration'],
        'Notifications attempted per integration (`receiver_name` since 0.27 behind a feature flag).',
      ],
    ],
  ),
  ...group(
    'node-exporter',
    'node_exporter 1.5 (tested) to 1.12',
    'observed',
    {
      repo: 'prometheus/node_exporter',
      ref: 'v1.5.0',
      path: 'collector/netdev_common.go',
      of: {
        node_cpu_seconds_total: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/cpu_common.go',
        },
        node_disk_io_time_seconds_total: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/diskstats_common.go',
        },
        node_filesystem_avail_bytes: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/filesystem_common.go',
        },
        node_filesystem_readonly: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/filesystem_common.go',
        },
        node_filesystem_size_bytes: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/filesystem_common.go',
        },
        node_memory_MemAvailable_bytes: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/meminfo_linux.go',
        },
        node_memory_MemTotal_bytes: {
          repo: 'prometheus/node_exporter',
          ref: 'v1.5.0',
          path: 'collector/meminfo_linux.go',
        },
        node_uname_info: { repo: 'prometheus/node_exporter', ref: 'v1.5.0', path: 'collector/uname.go' },
      },
    },
    [
      ['node_cpu_seconds_total', 'counter', ['cpu', 'mode'], 'CPU time per core and mode.'],
      ['node_disk_io_time_seconds_total', 'counter', ['device'], 'Time the disk spent doing I/O.'],
      [
        'node_filesystem_avail_bytes',
        'gauge',
        ['device', 'fstype', 'mountpoint'],
        'Filesystem space available to non-root users (a `device_error` label since 1.8, holding the error).',
      ],
      [
        'node_filesystem_readonly',
        'gauge',
        ['device', 'fstype', 'mountpoint'],
        'Whether the filesystem is mounted read-only.',
      ],
      ['node_filesystem_size_bytes', 'gauge', ['device', 'fstype', 'mountpoint'], 'Filesystem size.'],
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
  ...group(
    'beyla',
    BEYLA,
    'code',
    {
      repo: 'grafana/beyla',
      ref: 'v3.28.0',
      path: 'vendor/go.opentelemetry.io/obi/pkg/export/attributes/metric.go',
      of: {
        process_cpu_time_seconds_total: {
          repo: 'grafana/beyla',
          ref: 'v3.28.0',
          path: 'pkg/export/extraattributes/metric.go',
        },
        process_memory_usage_bytes: {
          repo: 'grafana/beyla',
          ref: 'v3.28.0',
          path: 'pkg/export/extraattributes/metric.go',
        },
        traces_service_graph_request_total: {
          repo: 'grafana/beyla',
          ref: 'v3.28.0',
          path: 'vendor/go.opentelemetry.io/obi/pkg/export/prom/prom.go',
        },
        traces_service_graph_request_failed_total: {
          repo: 'grafana/beyla',
          ref: 'v3.28.0',
          path: 'vendor/go.opentelemetry.io/obi/pkg/export/prom/prom.go',
        },
      },
    },
    [
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
    ],
  ),
  ...group(
    'alloy',
    'Alloy v1.18',
    'code',
    {
      repo: 'grafana/alloy',
      ref: 'v1.18.0',
      path: 'internal/runtime/internal/controller/metrics.go',
      of: {
        alloy_build_info: { repo: 'grafana/alloy', ref: 'v1.18.0', path: 'flowcmd/flowcmd.go' },
        alloy_config_last_load_successful: {
          repo: 'grafana/alloy',
          ref: 'v1.18.0',
          path: 'internal/static/config/instrumentation/config_metrics.go',
        },
        alloy_resources_process_cpu_seconds_total: {
          repo: 'grafana/alloy',
          ref: 'v1.18.0',
          path: 'internal/alloycli/resources_collector.go',
        },
        alloy_resources_process_resident_memory_bytes: {
          repo: 'grafana/alloy',
          ref: 'v1.18.0',
          path: 'internal/alloycli/resources_collector.go',
        },
        cluster_node_peers: {
          repo: 'grafana/ckit',
          ref: 'bbed30d6364e16a025bce83ced05cd48887d01ee',
          path: 'metrics.go',
        },
        cluster_node_gossip_health_score: {
          repo: 'grafana/ckit',
          ref: 'bbed30d6364e16a025bce83ced05cd48887d01ee',
          path: 'metrics.go',
        },
      },
    },
    [
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
        ['component_id', 'controller_id', 'controller_path'],
        'Seconds spent in evaluations slower than the threshold, per component (no _total; registered on the root registerer, so no component_path).',
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
    ],
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (faro.receiver)',
    'code',
    {
      repo: 'grafana/alloy',
      ref: 'v1.18.0',
      path: 'internal/component/faro/receiver/exporters.go',
      of: {
        faro_receiver_request_duration_seconds: {
          repo: 'grafana/alloy',
          ref: 'v1.18.0',
          path: 'internal/component/faro/receiver/server.go',
        },
      },
    },
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
    { components: ['faro.receiver'], why: 'the Faro receiver’s own metrics' },
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (prometheus.remote_write, Prometheus remote-write queue)',
    'code',
    {
      repo: 'prometheus/prometheus',
      ref: 'v0.312.0',
      path: 'storage/remote/queue_manager.go',
      of: {
        prometheus_remote_storage_highest_timestamp_in_seconds: {
          repo: 'prometheus/prometheus',
          ref: 'v0.312.0',
          path: 'storage/remote/write.go',
        },
        prometheus_remote_write_wal_samples_appended_total: {
          repo: 'grafana/alloy',
          ref: 'v1.18.0',
          path: 'internal/static/metrics/wal/wal.go',
        },
      },
    },
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
        ALLOY_COMPONENT,
        'Samples appended to the remote-write WAL: what Alloy takes in as metrics.',
      ],
    ],
    { components: ['prometheus.remote_write'], why: 'the remote-write queue’s metrics' },
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (loki.write)',
    'code',
    { repo: 'grafana/alloy', ref: 'v1.18.0', path: 'internal/component/common/loki/client/metrics.go' },
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
    { components: ['loki.write'], why: 'the Loki client’s metrics' },
  ),
  ...OTLP_ITEMS.flatMap(([item, signal]) =>
    group(
      'alloy',
      'Alloy v1.18 (otelcol.receiver.*: the collector v0.153 receiver helper)',
      'code',
      {
        repo: 'open-telemetry/opentelemetry-collector',
        ref: 'v0.153.0',
        path: 'receiver/receiverhelper/internal/metadata/generated_telemetry.go',
      },
      [
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
      ],
      { components: ['otelcol.receiver.*'], signal, why: `a receiver counts the ${signal} it sends on` },
    ),
  ),
  // Only exporters built on the collector's exporter helper (otelcol.exporter.otlp, .otlphttp, …) have
  // otelcol_exporter_* series, and only for the signals sent to them: otelcol.exporter.prometheus and .loki are
  // Alloy's own converters. This pipeline sends traces only through one (configs/alloy/config.alloy).
  ...group(
    'alloy',
    'Alloy v1.18 (otelcol.exporter.otlp: the collector v0.153 exporter helper)',
    'code',
    {
      repo: 'open-telemetry/opentelemetry-collector',
      ref: 'v0.153.0',
      path: 'exporter/exporterhelper/internal/metadata/generated_telemetry.go',
    },
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
    ],
    { ...EXPORTER_HELPER, signal: 'traces' },
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (otelcol.exporter.otlp: the collector v0.153 exporter helper)',
    'code',
    {
      repo: 'open-telemetry/opentelemetry-collector',
      ref: 'v0.153.0',
      path: 'exporter/exporterhelper/internal/queue/obs_queue.go',
    },
    [
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
    EXPORTER_HELPER,
  ),
  ...group(
    'alloy',
    'Alloy v1.18 (otelcol.exporter.loki)',
    'code',
    {
      repo: 'grafana/alloy',
      ref: 'v1.18.0',
      path: 'internal/component/otelcol/exporter/loki/internal/convert/metrics.go',
    },
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
    { components: ['otelcol.exporter.loki'], why: 'the converter of OTLP logs to Loki entries counts them' },
  ),
  // Alloy's own gRPC server (the OTLP receiver's): Alloy v1.18.0 builds with otelgrpc v0.68.0, whose default
  // semantic-convention mode (since v0.65; seconds since v0.66) is rpc.server.call.duration with rpc.system.name
  // and the text rpc.response.status_code. Alloy's docs and mixin still name rpc_server_duration_milliseconds.
  ...group(
    'alloy',
    'Alloy v1.18 (otelgrpc v0.68)',
    'code',
    {
      repo: 'open-telemetry/opentelemetry-go-contrib',
      ref: '45977a4b9cf4a60effd1ee07367043f7e9bcae66',
      path: 'instrumentation/google.golang.org/grpc/otelgrpc/stats_handler.go',
    },
    [
      [
        'rpc_server_call_duration_seconds',
        'histogram',
        [...ALLOY_COMPONENT, 'rpc_method', 'rpc_system_name', 'rpc_response_status_code'],
        'gRPC server call duration of the OTLP receivers, seconds (OpenTelemetry gRPC instrumentation).',
      ],
    ],
    { components: ['otelcol.receiver.*'], why: 'the gRPC servers of the OTLP receivers are instrumented' },
  ),
  ...group(
    'loki',
    'Loki 3.5 to 3.7 (format and is_internal_stream labels since 3.6)',
    'code',
    {
      repo: 'grafana/loki',
      ref: 'v3.7.6',
      path: 'pkg/loghttp/push/push.go',
      of: {
        loki_discarded_samples_total: {
          repo: 'grafana/loki',
          ref: 'v3.7.6',
          path: 'pkg/validation/validate.go',
        },
        loki_ingester_memory_streams: {
          repo: 'grafana/loki',
          ref: 'v3.7.6',
          path: 'pkg/ingester/instance.go',
        },
        loki_request_duration_seconds: {
          repo: 'grafana/dskit',
          ref: '8d1c6d34bb5a42b04caa982d68403c5a643bb742',
          path: 'server/metrics.go',
        },
      },
    },
    [
      [
        'loki_discarded_samples_total',
        'counter',
        ['reason', 'tenant', 'retention_hours', 'policy'],
        'Log lines refused, by reason (rate_limited, line_too_long, greater_than_max_sample_age, …).',
      ],
      [
        'loki_distributor_bytes_received_total',
        'counter',
        ['tenant', 'retention_hours', 'policy'],
        'Log bytes accepted by the distributors.',
      ],
      [
        'loki_distributor_lines_received_total',
        'counter',
        ['tenant', 'policy'],
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
    {
      repo: 'grafana/tempo',
      ref: 'v2.8.0',
      path: 'modules/distributor/distributor.go',
      of: {
        tempo_discarded_spans_total: {
          repo: 'grafana/tempo',
          ref: 'v2.8.0',
          path: 'modules/overrides/discarded_spans.go',
        },
        tempo_receiver_refused_spans: {
          repo: 'grafana/tempo',
          ref: 'v2.8.0',
          path: 'modules/distributor/receiver/metrics_provider.go',
        },
        tempo_request_duration_seconds: {
          repo: 'grafana/dskit',
          ref: '9cdd36a91f104966e2d9e020679a594f7ba08760',
          path: 'server/metrics.go',
        },
        tempo_ring_members: {
          repo: 'grafana/dskit',
          ref: '9cdd36a91f104966e2d9e020679a594f7ba08760',
          path: 'ring/ring.go',
        },
      },
    },
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
  ...group(
    'grafana',
    'Grafana 10.4 to 12.x',
    'code',
    {
      repo: 'grafana/grafana',
      ref: '35b27b0193bec6e2708b4d1f974c8075e6ce3542',
      path: 'pkg/services/ngalert/metrics/scheduler.go',
    },
    [
      ['grafana_alerting_rule_evaluations_total', 'counter', ['org'], 'Grafana-managed rule evaluations.'],
      [
        'grafana_alerting_rule_evaluation_failures_total',
        'counter',
        ['org'],
        'Grafana-managed rule evaluations that failed.',
      ],
    ],
  ),
  ...group(
    'kube-state-metrics',
    'kube-state-metrics 2.x',
    'code',
    {
      repo: 'kubernetes/kube-state-metrics',
      ref: 'v2.15.0',
      path: 'internal/store/pod.go',
      of: {
        kube_deployment_spec_replicas: {
          repo: 'kubernetes/kube-state-metrics',
          ref: 'v2.15.0',
          path: 'internal/store/deployment.go',
        },
        kube_deployment_status_replicas_available: {
          repo: 'kubernetes/kube-state-metrics',
          ref: 'v2.15.0',
          path: 'internal/store/deployment.go',
        },
      },
    },
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
    'code',
    { repo: 'google/cadvisor', ref: 'v0.52.0', path: 'metrics/prometheus.go' },
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
        // The kubelet adds namespace, pod and container; only the CPU usage counter has a `cpu` label.
        [
          'namespace',
          'pod',
          'container',
          'id',
          'image',
          'name',
          ...(name === 'container_cpu_usage_seconds_total' ? ['cpu'] : []),
        ],
        help,
      ]),
    ],
  ),
  ...group(
    'postgres-exporter',
    'postgres_exporter 0.11 (Debian 12, run by the tests) to 0.20',
    'observed',
    {
      repo: 'prometheus-community/postgres_exporter',
      ref: 'v0.20.1',
      path: 'collector/pg_stat_database.go',
      of: {
        pg_up: {
          repo: 'prometheus-community/postgres_exporter',
          ref: 'v0.20.1',
          path: 'exporter/postgres_exporter.go',
        },
        pg_settings_max_connections: {
          repo: 'prometheus-community/postgres_exporter',
          ref: 'v0.20.1',
          path: 'collector/pg_setting.go',
        },
        pg_stat_activity_max_tx_duration: {
          repo: 'prometheus-community/postgres_exporter',
          ref: 'v0.20.1',
          path: 'collector/pg_stat_activity.go',
        },
      },
    },
    [
      ['pg_up', 'gauge', [], 'Whether the exporter could reach PostgreSQL.'],
      [
        'pg_settings_max_connections',
        'gauge',
        [],
        'The max_connections setting (a `server` label before 0.20).',
      ],
      [
        'pg_stat_activity_max_tx_duration',
        'gauge',
        ['datname', 'state'],
        'Age of the oldest transaction per database and state (usename and application_name from 0.12, server before 0.20).',
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
    'redis_exporter 1.45 (Debian 12, run by the tests) to 1.88 (namespace redis)',
    'observed',
    { repo: 'oliver006/redis_exporter', ref: 'v1.88.0', path: 'exporter/exporter.go' },
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
  ...group(
    'kafka-exporter',
    'kafka_exporter 1.x',
    'code',
    { repo: 'danielqsj/kafka_exporter', ref: 'v1.9.0', path: 'kafka_exporter.go' },
    [
      ['kafka_brokers', 'gauge', [], 'Brokers in the cluster.'],
      [
        'kafka_topic_partition_current_offset',
        'gauge',
        ['topic', 'partition'],
        'Newest offset per partition.',
      ],
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
    ],
  ),
  ...group(
    'nginx-exporter',
    'nginx-prometheus-exporter 0.11 (Debian 12, run by the tests) to 1.5 (stub_status)',
    'observed',
    {
      repo: 'nginx/nginx-prometheus-exporter',
      ref: 'v1.5.3',
      path: 'collector/nginx.go',
      of: {
        nginx_up: { repo: 'nginx/nginx-prometheus-exporter', ref: 'v1.5.3', path: 'collector/helper.go' },
      },
    },
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
  ...group(
    'haproxy',
    'HAProxy 2.6 (Debian 12, run by the tests) to 3.4, built-in exporter',
    'observed',
    { repo: 'haproxy/haproxy', ref: 'v2.6.0', path: 'addons/promex/service-prometheus.c' },
    [
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
    ],
  ),
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

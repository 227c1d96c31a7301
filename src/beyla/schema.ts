/**
 * The keys a standalone Beyla (3.x, as embedded in Alloy 1.18: Beyla 3.28) accepts in its YAML file, with their
 * types and allowed values. Sources: the telemetry reference §1.3, §1.4 and §1.5 (features, buckets, internal
 * metrics) and §1.6 (the key table), and Beyla's `pkg/beyla/config.go` for the top-level sections.
 *
 * Beyla itself ignores keys it does not know (it decodes with non-strict yaml.v3), so a misspelt key silently
 * does nothing; this schema is stricter on purpose. Sections whose keys we do not model (`stats`, `nodejs`, …)
 * are open: any key is accepted there. Add keys here when Beyla grows them.
 */
import type { SchemaNode } from './schema-types.ts';
import {
  anything,
  bool,
  deprecated,
  duration,
  either,
  int,
  list,
  map,
  num,
  obj,
  oneOfValues,
  openSection,
  str,
} from './schema-types.ts';

/** Metric groups (`metrics.features`), reference §1.6 and §1.4. */
export const BEYLA_FEATURES: readonly string[] = [
  'application',
  'application_span',
  'application_span_otel',
  'application_span_sizes',
  'application_host',
  'application_service_graph',
  'application_process',
  'network',
  'network_inter_zone',
];

/** Instrumentation areas (`instrumentations`), reference §1.6: `*` means all. */
export const BEYLA_INSTRUMENTATIONS: readonly string[] = [
  '*',
  'http',
  'grpc',
  'sql',
  'redis',
  'kafka',
  'mongo',
  'mongodb',
  'genai',
  'dns',
  'gpu',
];

const PORTS = /^\s*\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/;

/** `open_ports`: a port number, or a list and ranges as a string (`80,443,8000-8999`). */
const ports = either(
  'a port number or a string of ports and ranges such as "80,443,8000-8999"',
  int({ min: 1, max: 65535 }),
  str(PORTS, 'ports and ranges such as "80,443,8000-8999"'),
);

const features = list(oneOfValues(BEYLA_FEATURES));
const instrumentations = list(oneOfValues(BEYLA_INSTRUMENTATIONS));
const protocol = oneOfValues(['grpc', 'http/protobuf', 'http/json']);

const sampler = obj({
  name: oneOfValues([
    'always_on',
    'always_off',
    'traceidratio',
    'parentbased_always_on',
    'parentbased_always_off',
    'parentbased_traceidratio',
  ]),
  arg: str(),
});

const routes = obj({
  patterns: list(str()),
  ignored_patterns: list(str()),
  ignore_mode: oneOfValues(['all', 'traces', 'metrics']),
  unmatched: oneOfValues(['unset', 'path', 'wildcard', 'heuristic', 'low-cardinality']),
  wildcard_char: str(/^.$/u, 'a single character'),
  max_path_segment_cardinality: int({ min: 1 }),
});

/** One `discovery.instrument[]` entry: every field given must match (AND); entries are OR'ed. */
const instrumentEntry = obj({
  open_ports: ports,
  exe_path: str(),
  cmd_args: str(),
  containers_only: bool(),
  container_name: str(),
  k8s_namespace: str(),
  k8s_pod_name: str(),
  k8s_deployment_name: str(),
  k8s_replicaset_name: str(),
  k8s_statefulset_name: str(),
  k8s_daemonset_name: str(),
  k8s_owner_name: str(),
  k8s_pod_labels: map(str()),
  k8s_pod_annotations: map(str()),
  exports: list(oneOfValues(['metrics', 'traces'])),
  metrics: obj({ features }),
  sampler,
  routes,
  name: deprecated(str(), 'name services through Kubernetes metadata or OTEL_SERVICE_NAME'),
  namespace: deprecated(str(), 'name services through Kubernetes metadata or OTEL_SERVICE_NAMESPACE'),
});

const buckets = obj({
  duration_histogram: list(num(), { increasing: true }),
  request_size_histogram: list(num(), { increasing: true }),
  response_size_histogram: list(num(), { increasing: true }),
});

const attributeFilter = map(obj({ match: str(), not_match: str() }));

export const BEYLA_SCHEMA: SchemaNode = obj({
  log_level: oneOfValues(['DEBUG', 'INFO', 'WARN', 'ERROR'], { caseInsensitive: true }),
  log_format: oneOfValues(['text', 'json']),
  log_config: anything(),
  open_port: ports,
  executable_name: deprecated(str(), 'discovery.instrument[].exe_path'),
  service_name: deprecated(str(), 'Kubernetes metadata or OTEL_SERVICE_NAME'),
  service_namespace: deprecated(str(), 'Kubernetes metadata or OTEL_SERVICE_NAMESPACE'),
  shutdown_timeout: duration(),
  enforce_sys_caps: bool(),
  channel_buffer_len: int({ min: 1 }),
  profile_port: int({ min: 0, max: 65535 }),
  trace_printer: oneOfValues(['disabled', 'counter', 'text', 'json', 'json_indent']),

  discovery: obj({
    instrument: list(instrumentEntry),
    exclude_instrument: list(instrumentEntry),
    default_exclude_instrument: list(instrumentEntry),
    survey: list(instrumentEntry),
    services: deprecated(list(openSection()), 'discovery.instrument (glob matching)'),
    exclude_services: deprecated(list(openSection()), 'discovery.exclude_instrument'),
    default_exclude_services: deprecated(list(openSection()), 'discovery.default_exclude_instrument'),
    exclude_otel_instrumented_services: bool(),
    skip_go_specific_tracers: bool(),
    poll_interval: duration(),
    min_process_age: duration(),
  }),

  routes,

  attributes: obj({
    kubernetes: obj({
      enable: either('true, false or "autodetect"', bool(), oneOfValues(['true', 'false', 'autodetect'])),
      cluster_name: str(),
      kubeconfig_path: str(),
      informers_sync_timeout: duration(),
      informers_resync_period: duration(),
      disable_informers: list(str()),
      meta_restrict_local_node: bool(),
      meta_cache_address: str(),
      resource_labels: map(list(str())),
      service_name_template: str(),
      drop_external: bool(),
    }),
    select: map(obj({ include: list(str()), exclude: list(str()) })),
    instance_id: obj({ dns: bool(), override_hostname: str() }),
    host_id: obj({ override: str(), fetch_timeout: duration() }),
    extra_group_attributes: map(list(str())),
    rename_unresolved_hosts: str(),
    rename_unresolved_hosts_outgoing: str(),
    rename_unresolved_hosts_incoming: str(),
    metric_span_names_limit: int(),
  }),

  metrics: obj({ features }),

  prometheus_export: obj({
    port: int({ min: 0, max: 65535 }),
    path: str(/^\//, 'a path starting with /'),
    ttl: duration(),
    buckets,
    native_histogram: bool(),
    instrumentations,
    features: deprecated(features, 'metrics.features'),
    extra_resource_attributes: list(str()),
    extra_span_resource_attributes: list(str()),
    exemplar_filter: oneOfValues(['always_on', 'always_off', 'trace_based']),
    allow_service_graph_self_references: bool(),
    disable_build_info: bool(),
    span_metrics_service_cache_size: int({ min: 1 }),
  }),

  otel_metrics_export: obj({
    endpoint: str(),
    protocol,
    interval: duration(),
    buckets,
    histogram_aggregation: oneOfValues(['explicit_bucket_histogram', 'base2_exponential_bucket_histogram']),
    insecure_skip_verify: bool(),
    instrumentations,
    features: deprecated(features, 'metrics.features'),
    allow_service_graph_self_references: bool(),
    ttl: duration(),
    reporters_cache_len: int({ min: 1 }),
  }),

  otel_traces_export: obj({
    endpoint: str(),
    protocol,
    insecure_skip_verify: bool(),
    instrumentations,
    sampler,
    max_queue_size: int({ min: 1 }),
    batch_timeout: duration(),
    reporters_cache_len: int({ min: 1 }),
  }),

  grafana: obj({
    otlp: obj({
      cloud_zone: str(),
      cloud_instance_id: str(),
      cloud_api_key: str(),
      cloud_submit: list(oneOfValues(['metrics', 'traces'])),
    }),
  }),

  ebpf: obj({
    wakeup_len: int({ min: 0 }),
    batch_length: int({ min: 1 }),
    batch_timeout: duration(),
    http_request_timeout: duration(),
    context_propagation: oneOfValues(['all', 'headers', 'ip', 'disabled']),
    track_request_headers: bool(),
    high_request_volume: bool(),
    heuristic_sql_detect: bool(),
    traffic_control_backend: oneOfValues(['tc', 'tcx', 'auto']),
    dns_request_timeout: duration(),
    bpf_debug: bool(),
    protocol_debug_print: bool(),
    bpf_fs_path: str(),
  }),

  internal_metrics: obj({
    exporter: oneOfValues(['disabled', 'prometheus', 'otel']),
    prometheus: obj({ port: int({ min: 0, max: 65535 }), path: str(/^\//, 'a path starting with /') }),
  }),

  network: obj({
    enable: bool(),
    source: oneOfValues(['socket_filter', 'tc']),
    agent_ip: str(),
    agent_ip_iface: str(),
    agent_ip_type: oneOfValues(['any', 'ipv4', 'ipv6']),
    interfaces: list(str()),
    exclude_interfaces: list(str()),
    protocols: list(str()),
    exclude_protocols: list(str()),
    sampling: int({ min: 0 }),
    cidrs: list(str()),
    cache_max_flows: int({ min: 1 }),
    cache_active_timeout: duration(),
    direction: oneOfValues(['ingress', 'egress', 'both']),
    print_flows: bool(),
    deduper: oneOfValues(['none', 'first_come']),
    deduper_fc_ttl: duration(),
    geo_ip: openSection(),
  }),

  filter: obj({ application: attributeFilter, network: attributeFilter }),

  name_resolver: obj({ sources: list(str()), cache_len: int({ min: 1 }), cache_expiry: duration() }),

  stats: openSection(),
  processes: openSection(),
  nodejs: openSection(),
  topology: openSection(),
});

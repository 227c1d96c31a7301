import type { StackConfig } from '../stack.config.ts';
import type { MetricOf } from '../src/index.ts';
import { beylaHttpServer, defineDataSource, matchers, secret } from '../src/index.ts';

/**
 * Tempo, for traces: from a span to its logs (Loki) and its service's RED metrics (Prometheus), and the service
 * graph from Beyla's traces_service_graph_* metrics. Metric names of Grafana Alloy v1.18 embedding Beyla 3.28
 * (src/catalogue/versions.ts).
 */
export default defineDataSource((cfg: StackConfig) => {
  // The span's service, which Grafana writes in before the query runs, takes the place of the Beyla selector's
  // service_name matcher. Written as is: quoting it as a PromQL string would escape the quotes of the template.
  const span = 'service_name=~"${__span.tags["service.name"]}"';
  const beyla = Object.fromEntries(
    Object.entries(cfg.selectors.beyla).filter(([label]) => label !== 'service_name'),
  );
  const m: MetricOf = (name, ...extra) =>
    `${name}{${[span, matchers(beyla, ...extra)].filter((p) => p !== '').join(', ')}}`;
  const { requests, errors, buckets } = beylaHttpServer(m);
  return {
    uid: cfg.datasources.tempo.uid,
    name: cfg.datasources.tempo.name,
    type: 'tempo',
    url: cfg.datasources.tempo.url,
    jsonData: {
      // Alloy exports with X-Scope-OrgID = $TEMPO_TENANT (configs/alloy/config.alloy).
      httpHeaderName1: 'X-Scope-OrgID',
      tracesToLogsV2: {
        datasourceUid: cfg.datasources.loki.uid,
        // Every stream Alloy writes has the `cluster` label, and every span the k8s.cluster.name resource
        // attribute (both from $CLUSTER_NAME); the lines are then found by the trace id they contain.
        tags: [{ key: 'k8s.cluster.name', value: 'cluster' }],
        filterByTraceID: true,
        filterBySpanID: false,
        spanStartTimeShift: '-5m',
        spanEndTimeShift: '5m',
      },
      tracesToMetrics: {
        datasourceUid: cfg.datasources.prometheus.uid,
        spanStartTimeShift: '-5m',
        spanEndTimeShift: '5m',
        queries: [
          {
            name: 'Request rate',
            query: `sum by (service_name) (rate(${requests}[5m]))`,
          },
          {
            name: 'Error ratio',
            query: `sum by (service_name) (rate(${errors}[5m])) / sum by (service_name) (rate(${requests}[5m]))`,
          },
          {
            name: 'P95 duration',
            query: `histogram_quantile(0.95, sum by (le, service_name) (rate(${buckets}[5m])))`,
          },
        ],
      },
      serviceMap: { datasourceUid: cfg.datasources.prometheus.uid },
      nodeGraph: { enabled: true },
      search: { hide: false },
      lokiSearch: { datasourceUid: cfg.datasources.loki.uid },
      traceQuery: { timeShiftEnabled: true, spanStartTimeShift: '-30m', spanEndTimeShift: '30m' },
    },
    secureJsonData: { httpHeaderValue1: secret('TEMPO_TENANT') },
  };
});

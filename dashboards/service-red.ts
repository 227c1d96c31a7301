// Assumes Grafana Alloy v1.18 embedding Beyla 3.28 (src/catalogue/versions.ts): http_server_request_duration_seconds
// with http_route / http_response_status_code, rpc_server_call_duration_seconds with rpc_response_status_code and
// rpc_system_name (Beyla >= 3.23), process_* metrics of the application_process feature, and the
// traces_service_graph_* metrics of application_service_graph. Another Alloy can rename them: check the catalogue.
import type { StackConfig } from '../stack.config.ts';
import {
  availabilityStat,
  BEYLA_PIN,
  beylaHttpServer,
  datasourceVariable,
  defineDashboard,
  higherIsWorse,
  histogramQuantile,
  labelVariable,
  metric,
  metricOf,
  ne,
  promQuery,
  re,
  row,
  serviceVariable,
  shareOf,
  stackDashboard,
  statPanel,
  sumRate,
  tablePanel,
  tempoQuery,
  timeseriesPanel,
} from '../src/index.ts';
import { DASHBOARD_UIDS, linksTo } from './links.ts';

/** Golden signals of every service, measured by Beyla without code changes: rate, errors, duration, saturation. */
export default defineDashboard((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const beyla = cfg.selectors.beyla;
  const service = { ...beyla, service_name: re('$service') };
  // Both pickers apply to every HTTP query: the route picker lists the routes of the chosen services.
  const http = { ...service, http_route: re('$route') };
  const { requests, errors, buckets } = beylaHttpServer(metricOf(http));
  const rpcCalls = metric('rpc_server_call_duration_seconds_count', service);
  // gRPC status 0 is OK; every other code is a failed call (Beyla >= 3.23 label name).
  const rpcErrors = metric('rpc_server_call_duration_seconds_count', service, {
    rpc_response_status_code: ne('0'),
  });
  const rpcBuckets = metric('rpc_server_call_duration_seconds_bucket', service);
  const errorSteps = higherIsWorse(t.httpErrorRatio / 2, t.httpErrorRatio);
  const latencySteps = higherIsWorse(t.backendP95Seconds * 0.8, t.backendP95Seconds);
  // Beyla's process metrics carry no service_name: their job is `<service_namespace>/<service_name>` (or the name
  // alone without a namespace), which selects the chosen services and names them.
  const processes = (name: string): string => `${name}{job=~"(.+/)?$service"}`;
  // Service graph metrics name both ends (client, server) and carry no service_name: not Beyla's selector.
  const graph = { server: re('$service') };

  return {
    uid: DASHBOARD_UIDS.services,
    folderUid: cfg.folders.services.uid,
    dashboard: stackDashboard({
      title: 'Services: golden signals',
      description: `Rate, errors, duration and saturation of every service, per service and route, measured by Beyla with eBPF. ${BEYLA_PIN}`,
      tags: ['services', 'beyla', 'red'],
    })
      .links(linksTo('overview', 'frontend', 'data', 'edge', 'infrastructure'))
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withVariable(datasourceVariable('tempo', cfg.datasources.tempo.uid))
      .withVariable(serviceVariable(beylaHttpServer(metricOf(beyla)).requests))
      .withVariable(
        labelVariable({
          name: 'route',
          label: 'Route',
          labelName: 'http_route',
          series: beylaHttpServer(metricOf(service)).requests,
        }),
      )
      // Error ratio first and request rate second, as before: test/drift edits the second panel by position.
      .withPanel(
        statPanel({
          title: 'Error ratio',
          description: `Share of HTTP requests answered with a 5xx. Above ${t.httpErrorRatio * 100}% the error-rate alert warns.`,
          unit: 'percentunit',
          decimals: 2,
          thresholds: errorSteps,
          component: 'beyla',
          queries: [promQuery(shareOf(sumRate(errors), sumRate(requests)))],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'Request rate',
          description: 'HTTP requests per second handled by the selected services and routes.',
          unit: 'reqps',
          component: 'beyla',
          queries: [promQuery(sumRate(requests))],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        statPanel({
          title: 'P95 duration',
          description: `95th percentile of server-side HTTP duration. The objective is ${t.backendP95Seconds * 1000} ms.`,
          unit: 's',
          thresholds: latencySteps,
          component: 'beyla',
          queries: [promQuery(histogramQuantile(0.95, buckets))],
        })
          .height(5)
          .span(6),
      )
      .withPanel(
        availabilityStat({
          title: 'Availability over the range',
          description: `Share of HTTP requests not answered with a 5xx over the selected time range. The availability objective is ${t.availabilityRatio * 100}%.`,
          series: { requests, errors },
          objective: t.availabilityRatio,
        })
          .height(5)
          .span(6),
      )
      .withRow(row('HTTP by service'))
      .withPanel(
        timeseriesPanel({
          title: 'Request rate by service',
          description: 'HTTP requests per second per service.',
          unit: 'reqps',
          component: 'beyla',
          queries: [promQuery(sumRate(requests, 'service_name'), { legend: '{{service_name}}' })],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Error ratio by service',
          description:
            'Share of HTTP requests answered with a 5xx, per service. The dashed line is the alert threshold.',
          unit: 'percentunit',
          min: 0,
          thresholds: errorSteps,
          showThresholds: true,
          component: 'beyla',
          queries: [
            promQuery(shareOf(sumRate(errors, 'service_name'), sumRate(requests, 'service_name')), {
              legend: '{{service_name}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Duration p50 / p95 / p99 by service',
          description: `Server-side HTTP duration percentiles per service; exemplars open the trace in Tempo. The P95 objective is ${t.backendP95Seconds * 1000} ms.`,
          unit: 's',
          min: 0,
          thresholds: latencySteps,
          showThresholds: true,
          component: 'beyla',
          queries: [0.5, 0.95, 0.99].map((q) =>
            promQuery(histogramQuantile(q, buckets, 'service_name'), {
              legend: `{{service_name}} p${Math.round(q * 100)}`,
              exemplar: true,
            }),
          ),
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Responses by status code',
          description:
            'HTTP responses per second by status code, stacked: the share of 4xx and 5xx at a glance.',
          unit: 'reqps',
          stack: true,
          component: 'beyla',
          queries: [
            promQuery(sumRate(requests, 'http_response_status_code'), {
              legend: '{{http_response_status_code}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withRow(row('HTTP by route'))
      .withPanel(
        tablePanel({
          title: 'Routes',
          description:
            'Every route of the selected services over the selected time range: traffic, errors and P95 duration. Sort by a column to find the worst route.',
          component: 'beyla',
          columns: [
            { title: 'Requests/s', unit: 'reqps', decimals: 2 },
            { title: 'Error ratio', unit: 'percentunit', decimals: 2 },
            { title: 'P95', unit: 's', decimals: 3 },
          ],
          queries: [
            promQuery(sumRate(requests, ['service_name', 'http_route']), { instant: true, format: 'table' }),
            promQuery(
              shareOf(
                sumRate(errors, ['service_name', 'http_route']),
                sumRate(requests, ['service_name', 'http_route']),
              ),
              { instant: true, format: 'table' },
            ),
            promQuery(histogramQuantile(0.95, buckets, ['service_name', 'http_route']), {
              instant: true,
              format: 'table',
            }),
          ],
        })
          .height(9)
          .span(24),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Request rate by route',
          description: 'HTTP requests per second per service and route.',
          unit: 'reqps',
          component: 'beyla',
          queries: [
            promQuery(sumRate(requests, ['service_name', 'http_route']), {
              legend: '{{service_name}} {{http_route}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'P95 duration by route',
          description: `95th percentile of server-side HTTP duration per service and route. The objective is ${t.backendP95Seconds * 1000} ms.`,
          unit: 's',
          min: 0,
          thresholds: latencySteps,
          showThresholds: true,
          component: 'beyla',
          queries: [
            promQuery(histogramQuantile(0.95, buckets, ['service_name', 'http_route']), {
              legend: '{{service_name}} {{http_route}}',
              exemplar: true,
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withRow(row('gRPC'))
      .withPanel(
        timeseriesPanel({
          title: 'gRPC call rate',
          description: 'gRPC calls per second served, per service and method.',
          unit: 'reqps',
          component: 'beyla',
          queries: [
            promQuery(sumRate(rpcCalls, ['service_name', 'rpc_method']), {
              legend: '{{service_name}} {{rpc_method}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'gRPC error ratio',
          description: 'Share of gRPC calls that ended with a status other than OK (0), per service.',
          unit: 'percentunit',
          min: 0,
          thresholds: errorSteps,
          showThresholds: true,
          component: 'beyla',
          queries: [
            promQuery(shareOf(sumRate(rpcErrors, 'service_name'), sumRate(rpcCalls, 'service_name')), {
              legend: '{{service_name}}',
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withPanel(
        timeseriesPanel({
          title: 'gRPC P95 duration',
          description: 'The 95th percentile of gRPC server call duration, per service.',
          unit: 's',
          min: 0,
          thresholds: latencySteps,
          component: 'beyla',
          queries: [
            promQuery(histogramQuantile(0.95, rpcBuckets, 'service_name'), {
              legend: '{{service_name}}',
              exemplar: true,
            }),
          ],
        })
          .height(8)
          .span(8),
      )
      .withRow(row('Saturation'))
      .withPanel(
        timeseriesPanel({
          title: 'CPU used',
          description:
            'CPU time per second used by the processes of each service (1 = one core). Compare with the container limits on the Infrastructure dashboard.',
          unit: 'short',
          min: 0,
          component: 'beyla',
          queries: [
            promQuery(sumRate(processes('process_cpu_time_seconds_total'), 'job'), { legend: '{{job}}' }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Memory used',
          description: 'Resident memory of the processes of each service.',
          unit: 'bytes',
          min: 0,
          component: 'beyla',
          queries: [
            promQuery(`sum by (job) (${processes('process_memory_usage_bytes')})`, { legend: '{{job}}' }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withRow(row('Dependencies and traces'))
      .withPanel(
        tablePanel({
          title: 'Callers of the selected services',
          description:
            "Who calls the selected services, from Beyla's service graph: calls per second and failed share, over the last rate interval.",
          component: 'beyla',
          columns: [
            { title: 'Calls/s', unit: 'reqps', decimals: 2 },
            { title: 'Failed', unit: 'percentunit', decimals: 2 },
          ],
          queries: [
            promQuery(sumRate(metric('traces_service_graph_request_total', graph), ['client', 'server']), {
              instant: true,
              format: 'table',
            }),
            promQuery(
              shareOf(
                sumRate(metric('traces_service_graph_request_failed_total', graph), ['client', 'server']),
                sumRate(metric('traces_service_graph_request_total', graph), ['client', 'server']),
              ),
              { instant: true, format: 'table' },
            ),
          ],
        })
          .height(9)
          .span(12),
      )
      .withPanel(
        tablePanel({
          title: 'Recent failed traces',
          description:
            'Traces of the selected services with a failed span, newest first; open one to see where it failed.',
          component: 'beyla',
          merge: false,
          queries: [
            tempoQuery('{ resource.service.name =~ "${service:regex}" && status = error }', { limit: 20 }),
          ],
        })
          .height(9)
          .span(12),
      ),
  };
});

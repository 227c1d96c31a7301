import type { StackConfig } from '../stack.config.ts';
import {
  datasourceVariable,
  defineDashboard,
  higherIsWorse,
  metric,
  promQuery,
  re,
  serviceVariable,
  stackDashboard,
  statPanel,
  timeseriesPanel,
} from '../src/index.ts';

/** Rate, errors and duration of every HTTP service, from Beyla's eBPF metrics (Beyla ≥ 2.0 names). */
export default defineDashboard((cfg: StackConfig) => {
  const service = { ...cfg.selectors.beyla, service_name: re('$service') };
  const requests = metric('http_server_request_duration_seconds_count', service);
  const errors = metric('http_server_request_duration_seconds_count', service, {
    http_response_status_code: re('5..'),
  });
  const buckets = metric('http_server_request_duration_seconds_bucket', service);
  const rate = (series: string, by?: string): string =>
    `sum${by === undefined ? '' : ` by (${by})`} (rate(${series}[$__rate_interval]))`;

  return {
    uid: 'service-red',
    folderUid: cfg.folders.services.uid,
    dashboard: stackDashboard({
      title: 'Services: rate, errors, duration',
      description: 'RED signals of every HTTP service, measured by Beyla without code changes.',
      tags: ['services', 'beyla', 'red'],
    })
      .withVariable(datasourceVariable('prometheus', cfg.datasources.prometheus.uid))
      .withVariable(serviceVariable('http_server_request_duration_seconds_count'))
      .withPanel(
        statPanel({
          title: 'Error ratio',
          description: `Share of requests answered with a 5xx over the range. Above ${cfg.thresholds.httpErrorRatio * 100}% the error-rate alert fires.`,
          unit: 'percentunit',
          decimals: 2,
          thresholds: higherIsWorse(cfg.thresholds.httpErrorRatio / 2, cfg.thresholds.httpErrorRatio),
          queries: [promQuery(`${rate(errors)} / ${rate(requests)}`, { instant: true })],
        })
          .height(6)
          .span(6),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Request rate',
          description: 'Requests per second handled by each service.',
          unit: 'reqps',
          queries: [promQuery(rate(requests, 'service_name'), { legend: '{{service_name}}' })],
        })
          .height(6)
          .span(18),
      )
      .withPanel(
        timeseriesPanel({
          title: 'Error ratio by service',
          description: 'Share of requests answered with a 5xx, per service.',
          unit: 'percentunit',
          min: 0,
          thresholds: higherIsWorse(cfg.thresholds.httpErrorRatio / 2, cfg.thresholds.httpErrorRatio),
          showThresholds: true,
          queries: [
            promQuery(`${rate(errors, 'service_name')} / ${rate(requests, 'service_name')}`, {
              legend: '{{service_name}}',
            }),
          ],
        })
          .height(8)
          .span(12),
      )
      .withPanel(
        timeseriesPanel({
          title: 'P95 duration by service',
          description: `95th percentile of server-side request duration. The backend objective is ${cfg.thresholds.backendP95Seconds * 1000} ms.`,
          unit: 's',
          min: 0,
          thresholds: higherIsWorse(cfg.thresholds.backendP95Seconds * 0.8, cfg.thresholds.backendP95Seconds),
          showThresholds: true,
          queries: [
            promQuery(`histogram_quantile(0.95, ${rate(buckets, 'le, service_name')})`, {
              legend: '{{service_name}}',
              exemplar: true,
            }),
          ],
        })
          .height(8)
          .span(12),
      ),
  };
});

import type { StackConfig } from '../stack.config.ts';
import { beylaHttpServer, defineAlertRuleGroup, metricOf } from '../src/index.ts';
import { dashboard, runbook } from './links.ts';

/**
 * The services' RED signals from Beyla (Beyla ≥ 2.0 names: http_server_request_duration_seconds,
 * db_client_operation_duration_seconds with db_system_name). Availability pages; error rate and latency warn.
 */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const t = cfg.thresholds;
  const beyla = metricOf(cfg.selectors.beyla);
  const { requests, errors, buckets } = beylaHttpServer(beyla);
  const ratio = (window: string): string =>
    `sum by (service_name) (rate(${errors}[${window}])) / sum by (service_name) (rate(${requests}[${window}]))`;
  // Panels of the service dashboard: 6 error ratio by service, 7 duration by service, 8 responses by status code.
  const red = (panelId: number) => dashboard(cfg, 'service-red', panelId);
  return {
    uid: 'services',
    folderUid: cfg.folders.services.uid,
    name: 'services',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      {
        name: 'ServiceAvailabilityLow',
        // Over one hour, so that a short burst of errors warns (HttpErrorRateHigh) but only a sustained one pages.
        // A service with no 5xx at all has no error series and therefore no result: it is 100% available.
        expr: `1 - (${ratio('1h')}) < ${t.availabilityRatio}`,
        for: '5m',
        severity: 'critical',
        summary:
          'Service {{ $labels.service_name }} is {{ $value | humanizePercentage }} available over the last hour',
        description: `Availability (share of requests not answered with a 5xx) has been below ${t.availabilityRatio * 100}% over the last hour for 5 minutes.`,
        runbookUrl: runbook(cfg, 'service-availability-low'),
        dashboard: red(6),
      },
      {
        name: 'HttpErrorRateHigh',
        // In percent, so that the summary can print small values plainly (humanizePercentage writes 0.2% as 200m%).
        expr: `100 * ${ratio('5m')} > ${t.httpErrorRatio * 100}`,
        for: '10m',
        severity: 'warning',
        summary:
          'Service {{ $labels.service_name }} answers {{ printf "%.2f" $value }}% of requests with a 5xx',
        description: `More than ${t.httpErrorRatio * 100}% of requests have failed with a server error for 10 minutes.`,
        runbookUrl: runbook(cfg, 'http-error-rate-high'),
        dashboard: red(8),
      },
      {
        name: 'BackendLatencyP95High',
        expr: `histogram_quantile(0.95, sum by (le, service_name) (rate(${buckets}[5m]))) > ${t.backendP95Seconds}`,
        for: '10m',
        severity: 'warning',
        summary:
          'Service {{ $labels.service_name }} answers 5% of requests slower than {{ $value | humanizeDuration }}',
        description: `The 95th percentile of server-side request duration has been above ${t.backendP95Seconds * 1000} ms for 10 minutes.`,
        runbookUrl: runbook(cfg, 'backend-latency-p95-high'),
        dashboard: red(7),
      },
      {
        name: 'QueryLatencyP95High',
        expr: `histogram_quantile(0.95, sum by (le, service_name, db_system_name) (rate(${beyla('db_client_operation_duration_seconds_bucket')}[5m]))) > ${t.queryP95Seconds}`,
        for: '10m',
        severity: 'warning',
        summary:
          '{{ $labels.service_name }} waits more than {{ $value | humanizeDuration }} for 5% of its {{ $labels.db_system_name }} queries',
        description: `The 95th percentile of database client operations (seen by Beyla) has been above ${t.queryP95Seconds * 1000} ms for 10 minutes.`,
        runbookUrl: runbook(cfg, 'query-latency-p95-high'),
      },
    ],
  };
});

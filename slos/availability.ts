import type { StackConfig } from '../stack.config.ts';
import { defineSlo, metric, re } from '../src/index.ts';

/**
 * Availability of the HTTP services Beyla instruments: 99.9% of requests over 30 days are answered without a
 * server error. Per service (`service_name`), so one noisy service cannot hide behind a busy healthy one.
 */
export default defineSlo((cfg: StackConfig) => {
  const requests = 'http_server_request_duration_seconds_count';
  return {
    service: 'backend',
    name: 'availability',
    description: 'HTTP requests to the backend services are answered without a server error (5xx).',
    objective: 99.9,
    period: cfg.slo.period,
    interval: cfg.slo.interval,
    sli: {
      kind: 'ratio',
      errors: metric(requests, cfg.selectors.beyla, { http_response_status_code: re('5..') }),
      total: metric(requests, cfg.selectors.beyla),
    },
    groupBy: ['service_name'],
    alerting: { tiers: cfg.slo.tiers },
    runbookUrl: `${cfg.runbookBaseUrl}/slo-availability.md`,
    folderUid: cfg.folders.slos.uid,
    datasourceUid: cfg.datasources.prometheus.uid,
    grafanaUrl: cfg.grafanaUrl,
  };
});

import type { StackConfig } from '../stack.config.ts';
import { defineSlo } from '../src/index.ts';

/**
 * Performance of the HTTP services: "P95 < 200 ms" stated as a ratio, at least 95% of requests over 30 days are
 * answered within 0.2 s (good: the `le="0.2"` bucket, total: `_count`). Counting requests rather than averaging
 * per-minute percentiles makes the budget add up. 0.2 s must be a bound of Beyla's histogram: the Config lists
 * the bounds of configs/beyla/beyla-config.yml, which declares 0.2 next to Beyla's defaults.
 */
export default defineSlo((cfg: StackConfig) => ({
  service: 'backend',
  name: 'performance',
  description: 'HTTP requests to the backend services are answered within 200 ms.',
  objective: 95,
  period: cfg.slo.period,
  interval: cfg.slo.interval,
  sli: {
    kind: 'latency',
    histogram: 'http_server_request_duration_seconds',
    selector: cfg.selectors.beyla,
    thresholdSeconds: 0.2,
    buckets: cfg.slo.beylaDurationBuckets,
  },
  groupBy: ['service_name'],
  alerting: { tiers: cfg.slo.tiers },
  runbookUrl: `${cfg.runbookBaseUrl}/slo-performance.md`,
  folderUid: cfg.folders.slos.uid,
  datasourceUid: cfg.datasources.prometheus.uid,
  grafanaUrl: cfg.grafanaUrl,
}));

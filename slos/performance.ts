import type { StackConfig } from '../stack.config.ts';
import { BEYLA_HTTP_SERVER_DURATION, defineSlo } from '../src/index.ts';
import { sloDefaults } from './common.ts';

/**
 * Performance of the HTTP services, the seed's "P95 < 200 ms" stated as a ratio: at least 95% of requests over
 * 30 days are answered within 0.2 s (good: the `le="0.2"` bucket, total: `_count`; the error budget is 5% slow
 * requests). Counting requests rather than averaging per-minute percentiles makes the budget add up. 0.2 s is a
 * bound of Beyla's histogram on both paths that export it, the standalone Beyla (configs/beyla/beyla-config.yml)
 * and Alloy's embedded beyla.ebpf (configs/alloy/config.alloy), which both add it to Beyla's default bounds.
 */
export default defineSlo((cfg: StackConfig) => ({
  ...sloDefaults(cfg),
  service: 'backend',
  name: 'performance',
  description: 'HTTP requests to the backend services are answered within 200 ms.',
  objective: 95,
  sli: {
    kind: 'latency',
    histogram: BEYLA_HTTP_SERVER_DURATION,
    selector: cfg.selectors.beyla,
    thresholdSeconds: 0.2,
    buckets: cfg.slo.beylaDurationBuckets,
  },
  groupBy: ['service_name'],
  runbookUrl: `${cfg.runbookBaseUrl}/slo-performance.md`,
}));

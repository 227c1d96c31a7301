import type { StackConfig } from '../stack.config.ts';
import { defineDataSource } from '../src/index.ts';

/** Tempo, for traces: jumps to the logs and metrics of a span, and the service graph. */
export default defineDataSource((cfg: StackConfig) => ({
  uid: cfg.datasources.tempo.uid,
  name: cfg.datasources.tempo.name,
  type: 'tempo',
  url: cfg.datasources.tempo.url,
  jsonData: {
    tracesToLogsV2: {
      datasourceUid: cfg.datasources.loki.uid,
      filterByTraceID: true,
      spanStartTimeShift: '-5m',
      spanEndTimeShift: '5m',
    },
    tracesToMetrics: { datasourceUid: cfg.datasources.prometheus.uid },
    serviceMap: { datasourceUid: cfg.datasources.prometheus.uid },
    nodeGraph: { enabled: true },
    lokiSearch: { datasourceUid: cfg.datasources.loki.uid },
  },
}));

import type { StackConfig } from '../stack.config.ts';
import { defineDataSource, secret } from '../src/index.ts';

/** Prometheus, the metrics store Alloy remote-writes to; exemplars open the trace in Tempo. */
export default defineDataSource((cfg: StackConfig) => ({
  uid: cfg.datasources.prometheus.uid,
  name: cfg.datasources.prometheus.name,
  type: 'prometheus',
  url: cfg.datasources.prometheus.url,
  isDefault: true,
  basicAuth: true,
  basicAuthUser: cfg.datasources.prometheus.basicAuthUser,
  jsonData: {
    httpMethod: 'POST',
    prometheusType: 'Prometheus',
    timeInterval: '15s',
    exemplarTraceIdDestinations: [{ name: 'trace_id', datasourceUid: cfg.datasources.tempo.uid }],
  },
  secureJsonData: { basicAuthPassword: secret('PROMETHEUS_PASSWORD') },
}));

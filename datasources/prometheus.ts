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
    // The scrape interval of configs/alloy/config.alloy (prometheus.scrape's default, 60s): $__rate_interval is
    // at least four of it, so that every rate() window holds several samples.
    timeInterval: '60s',
    // Beyla (and OTel SDKs through Alloy) attach the trace id of a sampled request as exemplar label trace_id.
    exemplarTraceIdDestinations: [
      { name: 'trace_id', datasourceUid: cfg.datasources.tempo.uid, urlDisplayLabel: 'View trace' },
    ],
  },
  secureJsonData: { basicAuthPassword: secret('PROMETHEUS_PASSWORD') },
}));

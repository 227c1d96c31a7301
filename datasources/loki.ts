import type { StackConfig } from '../stack.config.ts';
import { defineDataSource, secret } from '../src/index.ts';

/** Loki, for logs and Faro's frontend events; a trace id in a line links to Tempo. */
export default defineDataSource((cfg: StackConfig) => ({
  uid: cfg.datasources.loki.uid,
  name: cfg.datasources.loki.name,
  type: 'loki',
  url: cfg.datasources.loki.url,
  jsonData: {
    maxLines: 1000,
    // Alloy writes with tenant_id = $LOKI_TENANT (configs/alloy/config.alloy); Grafana must read as that tenant.
    // Header values are secure settings in Grafana, so the tenant comes from the same environment variable.
    httpHeaderName1: 'X-Scope-OrgID',
    derivedFields: [
      {
        // Faro lines and OTLP logs carry `traceID=<hex>`; the link opens that trace in Tempo.
        name: 'TraceID',
        matcherType: 'regex',
        matcherRegex: 'traceID=(\\w+)',
        url: '${__value.raw}',
        urlDisplayLabel: 'View trace',
        datasourceUid: cfg.datasources.tempo.uid,
      },
    ],
  },
  secureJsonData: { httpHeaderValue1: secret('LOKI_TENANT') },
}));

import type { StackConfig } from '../stack.config.ts';
import { defineDataSource } from '../src/index.ts';

/** Loki, for logs and Faro's frontend events; a trace id in a line links to Tempo. */
export default defineDataSource((cfg: StackConfig) => ({
  uid: cfg.datasources.loki.uid,
  name: cfg.datasources.loki.name,
  type: 'loki',
  url: cfg.datasources.loki.url,
  jsonData: {
    maxLines: 1000,
    derivedFields: [
      {
        name: 'TraceID',
        matcherType: 'regex',
        matcherRegex: 'traceID=(\\w+)',
        url: '${__value.raw}',
        datasourceUid: cfg.datasources.tempo.uid,
      },
    ],
  },
}));

import type { StackConfig } from '../stack.config.ts';
import { defineAlertRuleGroup, metric } from '../src/index.ts';
import { dashboard, runbook } from './links.ts';

/**
 * NGINX (nginx-prometheus-exporter's stub_status) and HAProxy (its built-in exporter): down, and a backend answering
 * with server errors. test/content/real-data-edge.test.ts evaluates these rules against the real servers.
 */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const nginxUp = metric('nginx_up', cfg.selectors.nginx);
  const responses = (extra: Record<string, string> = {}): string =>
    metric('haproxy_backend_http_responses_total', cfg.selectors.haproxy, extra);
  // Panels of the Edge dashboard: 1 NGINX up, 6 5xx share by backend.
  const panel = (id: number) => dashboard(cfg, 'edge', id);
  return {
    uid: 'edge',
    folderUid: cfg.folders.edge.uid,
    name: 'edge',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      {
        name: 'NginxDown',
        // nginx_up is 0 when the exporter cannot read stub_status; absent when the exporter itself is gone.
        expr: `${nginxUp} == 0 or absent(${nginxUp})`,
        for: '5m',
        severity: 'critical',
        summary: 'NGINX{{ with $labels.instance }} behind {{ . }}{{ end }} cannot be reached',
        description:
          'For 5 minutes the exporter has failed to read NGINX’s stub_status (nginx_up == 0), or no exporter reports at all.',
        runbookUrl: runbook(cfg, 'nginx-down'),
        dashboard: panel(1),
      },
      {
        name: 'HaproxyBackendErrorsHigh',
        expr: `sum by (proxy) (rate(${responses({ code: '5xx' })}[5m])) / sum by (proxy) (rate(${responses()}[5m])) > 0.05`,
        for: '10m',
        severity: 'warning',
        summary:
          'HAProxy backend {{ $labels.proxy }} answers {{ $value | humanizePercentage }} of requests with 5xx',
        description:
          'More than 5% of the responses of this backend have been server errors for 10 minutes: its servers fail, or HAProxy finds none healthy.',
        runbookUrl: runbook(cfg, 'haproxy-backend-errors-high'),
        dashboard: panel(6),
      },
    ],
  };
});

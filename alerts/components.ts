import type { StackConfig } from '../stack.config.ts';
import type { AlertInput, Selector } from '../src/index.ts';
import { defineAlertRuleGroup, metric } from '../src/index.ts';
import { runbook } from './links.ts';

/** The stores and services of the stack itself: when one is down, a whole signal or the alerting path is blind. */
export default defineAlertRuleGroup((cfg: StackConfig) => {
  const down = (name: string, what: string, selector: Selector, consequence: string): AlertInput => {
    const up = metric('up', selector);
    return {
      name: `${name}Down`,
      // absent() also fires when the target vanished from discovery; == 0 when scrapes fail.
      expr: `${up} == 0 or absent(${up})`,
      for: '5m',
      severity: 'critical',
      summary: `${what}{{ with $labels.instance }} {{ . }}{{ end }} is down`,
      description: `Scrapes of ${what} have failed for 5 minutes (or no target exists): ${consequence}`,
      runbookUrl: runbook(cfg, `${name.toLowerCase()}-down`),
    };
  };
  const s = cfg.selectors;
  return {
    uid: 'stack-components',
    folderUid: cfg.folders.backends.uid,
    name: 'stack-components',
    interval: '1m',
    datasource: { uid: cfg.datasources.prometheus.uid, type: 'prometheus' },
    rules: [
      down(
        'Prometheus',
        'Prometheus',
        s.prometheus,
        'metrics are not stored and Prometheus rules are not evaluated.',
      ),
      down('Loki', 'Loki', s.loki, 'logs and frontend events are not stored or searchable.'),
      down('Tempo', 'Tempo', s.tempo, 'traces are not stored and trace links lead nowhere.'),
      down('Alertmanager', 'Alertmanager', s.alertmanager, 'Prometheus alerts are not routed to anyone.'),
      down(
        'Grafana',
        'Grafana',
        s.grafana,
        'dashboards are unavailable and Grafana-managed rules are not evaluated.',
      ),
    ],
  };
});
